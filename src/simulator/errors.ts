/**
 * Error bodies in the two shapes clients meet: plain ARM (`{error:{code,message,details?}}`) and
 * Site Recovery's own (`code` is a numeric string, plus `possibleCauses` / `recommendedAction`).
 */

export interface AsrErrorInfo {
  code: string;
  message: string;
  possibleCauses: string;
  recommendedAction: string;
}

/** Thrown by handlers; turned into an HTTP response by the router, never escapes `handle()`. */
export class SimulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { possibleCauses?: string; recommendedAction?: string; details?: unknown[] } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export function armError(status: number, code: string, message: string, details?: unknown[]): SimulatorHttpError {
  return new SimulatorHttpError(status, code, message, details ? { details } : {});
}

export function asrError(status: number, info: AsrErrorInfo): SimulatorHttpError {
  return new SimulatorHttpError(status, info.code, info.message, {
    possibleCauses: info.possibleCauses,
    recommendedAction: info.recommendedAction,
  });
}

/**
 * Numeric Site Recovery error codes the simulator answers with. Assumed (not recorded): the public
 * documentation and the recordings give no code for these situations, so the numbers are the
 * simulator's own choice (kept in one place so clients and tests can refer to them). Messages follow
 * ASR's style.
 */
export const ASR_ERROR_CODES = {
  /** Reprotect job fails at its prerequisite check: the on-prem VM's agent hasn't registered yet. */
  agentNotRegistered: '539519',
  /** Failover refused: the VM has no recovery point to fail over to. */
  noRecoveryPoint: '539507',
  /** The operation is not in the item's allowedOperations for its current state. */
  operationNotAllowed: '539501',
  /** Another operation (job) is already running on the item or plan. */
  operationInProgress: '539502',
  /** providerSpecificDetails.instanceType does not fit the item's replication provider. */
  invalidProviderInput: '539503',
  /** A required field of the provider input is missing. */
  missingProviderInputField: '539504',
  /** The process server / master target / reprotect agent / run-as account named isn't known. */
  unknownInfrastructure: '539505',
  /** The replication policy named isn't known. */
  unknownPolicy: '539506',
  /** The recovery point named (Custom / applyRecoveryPoint) isn't among the item's points. */
  unknownRecoveryPoint: '539508',
  /** failoverDirection contradicts the item's active location. */
  invalidFailoverDirection: '539509',
  /** The item / plan / job / fabric named doesn't exist. */
  notFound: '539510',
  /** The job can't take the requested action (cancel / restart / resume) in its state. */
  jobActionNotAllowed: '539511',
  /** The request body could not be read. */
  invalidRequestBody: '539512',
  /** The reprotect names a policy of another replication provider than the one it starts. */
  policyProviderMismatch: '539513',
  /** The test failover's network isn't a virtual network of the vault's subscription and region. */
  invalidTestNetwork: '539514',
  /** A classic VM of a replication group is failed over alone (its group fails over through a recovery plan). */
  replicationGroupMember: '539515',
} as const;

export function agentNotRegisteredError(vmName: string): AsrErrorInfo {
  return {
    code: ASR_ERROR_CODES.agentNotRegistered,
    message:
      `Reprotect can't start for the virtual machine '${vmName}' because the Mobility service agent on the ` +
      `on-premises virtual machine isn't installed or hasn't registered with Site Recovery yet.`,
    possibleCauses:
      'The on-premises virtual machine was started by the failover only a few minutes ago and its Mobility ' +
      "service agent hasn't finished registering, or the agent isn't installed on the machine.",
    recommendedAction:
      'Wait until the agent on the on-premises virtual machine has registered (typically up to 15 minutes after ' + 'the machine starts), then retry the reprotect operation.',
  };
}

export function noRecoveryPointError(vmName: string): AsrErrorInfo {
  return {
    code: ASR_ERROR_CODES.noRecoveryPoint,
    message: `Failover can't be started for the virtual machine '${vmName}' because no recovery points are available.`,
    possibleCauses: "Replication hasn't produced a recovery point yet, or the recovery points were purged (retention window).",
    recommendedAction: 'Wait until the virtual machine has at least one recovery point (check its recovery points list), then retry.',
  };
}
