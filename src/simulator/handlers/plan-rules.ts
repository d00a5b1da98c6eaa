import { asrError, ASR_ERROR_CODES } from '../errors';
import type { HandlerContext, SimRequest, SimResponse } from '../http-types';
import type { Lane } from '../jobs/engine';
import { JOB_TEMPLATES, PLAN_PREREQUISITE, type JobAction } from '../jobs/templates';
import { accepted } from '../lro';
import type { ReplicationProvider } from '../scenarios/types';
import { replicatesToAzure } from '../state/item-states';
import type { ItemRecord, PlanRecord } from '../state/model';
import type { RecoveryPointRecord } from '../state/recovery-points';
import { protectedItemDetail, type PointChoice } from './action-rules';
import { badInput, stringAt, vaultKeyFromParams } from './common';
import { planItems } from './plan-view';

/** What every recovery plan operation checks first: the plan exists, is free, and holds VMs. */
export function targetPlan(hc: HandlerContext, p: Record<string, string>): { plan: PlanRecord; items: ItemRecord[] } {
  const plan = hc.store.plan(vaultKeyFromParams(hc, p), p.plan);
  if (plan.busy) {
    throw asrError(409, {
      code: ASR_ERROR_CODES.operationInProgress,
      message: `The recovery plan '${plan.friendlyName}' is running the operation '${plan.busy.scenarioName}' (job ${plan.busy.jobName}).`,
      possibleCauses: 'Another operation is already running on this recovery plan.',
      recommendedAction: 'Wait until the running job completes (or cancel it), then retry.',
    });
  }
  const items = planItems(hc, plan);
  if (items.length === 0) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.operationNotAllowed,
      message: `The recovery plan '${plan.friendlyName}' has no replicated items.`,
      possibleCauses: 'All items of the plan were removed.',
      recommendedAction: 'Add replicated items to the plan, then retry.',
    });
  }
  return { plan, items };
}

export interface PlanJobOptions {
  points?: Map<string, RecoveryPointRecord>;
  /** The job's customDetails (default: FailoverJobDetails naming each VM and its point). */
  customDetails?: Record<string, unknown>;
  /** Task names the request made unnecessary, in every VM's lane. */
  skip?: string[];
}

/** The plan's own ids in job details. Assumed (not recorded): no plan job is recorded. */
export function planAffectedObject(plan: PlanRecord): Record<string, string> {
  return { recoveryPlanName: plan.friendlyName, recoveryPlanId: plan.planId };
}

/** One job for the plan: a plan prerequisite check, then each boot group with its VMs side by side. */
export function startPlanJob(
  hc: HandlerContext,
  req: SimRequest,
  plan: PlanRecord,
  items: ItemRecord[],
  action: JobAction,
  input: Record<string, unknown>,
  options: PlanJobOptions = {},
): SimResponse {
  const t = JOB_TEMPLATES[action];
  const stages: Lane[][] = [[{ tasks: [PLAN_PREREQUISITE] }]];
  for (const group of plan.groups) {
    const lanes = group.items.filter((n) => items.some((i) => i.name === n)).map((n) => ({ itemName: n, tasks: t.tasks }));
    if (lanes.length) {
      stages.push(lanes);
    }
  }
  const job = hc.engine.create({
    vaultKey: plan.vaultKey,
    scenarioName: t.scenarioName,
    friendlyName: t.friendlyName,
    action,
    items,
    planName: plan.name,
    stages,
    target: { id: plan.planId, name: plan.friendlyName, type: 'RecoveryPlan' },
    customDetails: options.customDetails ?? {
      instanceType: 'FailoverJobDetails',
      affectedObjectDetails: planAffectedObject(plan),
      protectedItemDetails: items.map((i) => protectedItemDetail(i, options.points?.get(i.name))),
    },
    input,
    skip: options.skip,
  });
  return accepted(hc, req, { id: job.name, vaultKey: plan.vaultKey, jobName: job.name, result: { kind: 'plan', planName: plan.name } });
}

/** The chosen point of each VM, as job input. */
export function pointInput(points: Map<string, RecoveryPointRecord>): Record<string, string> {
  return Object.fromEntries([...points].map(([k, v]) => [k, v.name]));
}

function planProviderInput(props: Record<string, unknown>, instanceType: string): Record<string, unknown> | undefined {
  const list = props['providerSpecificDetails'];
  if (!Array.isArray(list)) {
    return undefined;
  }
  return list.find((d) => d && typeof d === 'object' && (d as Record<string, unknown>)['instanceType'] === instanceType) as Record<string, unknown> | undefined;
}

/**
 * A plan keeps the on-premises primary fabric it was created with, so failing back from Azure is
 * RecoveryToPrimary and failing over (or test-failing over) to Azure PrimaryToRecovery (the cmdlets
 * build the InMage and InMageRcmFailback plan inputs only for RecoveryToPrimary, the InMageAzureV2
 * and InMageRcm ones only for PrimaryToRecovery; scenario test Test-RPJobReverse).
 */
export function requireDirection(props: Record<string, unknown>, plan: PlanRecord, provider: ReplicationProvider): void {
  const expected = replicatesToAzure(provider) ? 'PrimaryToRecovery' : 'RecoveryToPrimary';
  if (props['failoverDirection'] !== expected) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidFailoverDirection,
      message: `The failover direction '${String(props['failoverDirection'] ?? '(none)')}' is invalid for the recovery plan '${plan.friendlyName}'.`,
      possibleCauses:
        expected === 'RecoveryToPrimary'
          ? "The plan's primary fabric is on-premises and its VMs run in Azure: failing them back is the RecoveryToPrimary direction."
          : "The plan's primary fabric is on-premises and its VMs run there: failing them over to Azure is the PrimaryToRecovery direction.",
      recommendedAction: `Retry with failoverDirection '${expected}'.`,
    });
  }
}

/** Every VM of a plan operation is replicated by one provider; the plan input is that provider's. */
export function planProvider(plan: PlanRecord, items: ItemRecord[]): ReplicationProvider {
  const providers = [...new Set(items.map((i) => i.mutable.provider))];
  if (providers.length !== 1) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidProviderInput,
      message: `The recovery plan '${plan.friendlyName}' holds VMs of several replication providers (${providers.join(', ')}).`,
      possibleCauses: 'A failover of a plan runs in one direction for VMs of one provider.',
      recommendedAction: 'Fail over the VMs of each provider separately.',
    });
  }
  return providers[0];
}

export function requirePlanInput(plan: PlanRecord, props: Record<string, unknown>, instanceType: string): Record<string, unknown> {
  const details = planProviderInput(props, instanceType);
  if (!details) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidProviderInput,
      message: `The recovery plan '${plan.friendlyName}' needs a provider input of type '${instanceType}'.`,
      possibleCauses: `providerSpecificDetails holds no entry with instanceType '${instanceType}'.`,
      recommendedAction: "Send the provider-specific input that matches the replication provider of the plan's VMs.",
    });
  }
  return details;
}

/**
 * Point types of RecoveryPlanInMageAzureV2FailoverInput (InMageV2RpRecoveryPointType) and
 * RecoveryPlanInMageRcmFailoverInput (RecoveryPlanPointType), as the cmdlets send them.
 */
const TO_AZURE_POINT_TYPES: Partial<Record<ReplicationProvider, string[]>> = {
  InMageAzureV2: ['Latest', 'LatestApplicationConsistent', 'LatestProcessed'],
  InMageRcm: ['Latest', 'LatestApplicationConsistent', 'LatestCrashConsistent', 'LatestProcessed'],
};

/**
 * The point each VM of a plan goes to Azure with. Assumed (not recorded): no plan failover to Azure
 * is recorded; without a type the newest processed point (LatestProcessed), and Latest,
 * LatestProcessed and LatestCrashConsistent all take the VM's newest point.
 */
export function toAzurePoint(plan: PlanRecord, provider: ReplicationProvider, details: Record<string, unknown>): PointChoice {
  const allowed = TO_AZURE_POINT_TYPES[provider] ?? [];
  const type = stringAt(details, 'recoveryPointType') ?? 'LatestProcessed';
  if (!allowed.includes(type)) {
    throw badInput(
      `The recovery point type '${type}' is invalid for the recovery plan '${plan.friendlyName}' (${provider}).`,
      `recoveryPointType must be one of: ${allowed.join(', ')}.`,
      'Retry with a supported recovery point type.',
      ASR_ERROR_CODES.missingProviderInputField,
    );
  }
  return type === 'LatestApplicationConsistent' ? { kind: 'app' } : { kind: 'latest' };
}

/**
 * Whether the plan's replication groups recover to their common app-consistent point: InMageRcm and
 * InMageRcmFailback ask with useMultiVmSyncPoint "True" / "False"; classic groups always do
 * (their policies sync, multiVmSyncStatus Enabled as recorded).
 * Assumed (not recorded): another value of useMultiVmSyncPoint is refused.
 */
export function multiVmSync(plan: PlanRecord, provider: ReplicationProvider, details: Record<string, unknown>): boolean {
  const given = details['useMultiVmSyncPoint'];
  if (given !== undefined && given !== null && !(typeof given === 'string' && /^(true|false)$/i.test(given))) {
    throw badInput(
      `useMultiVmSyncPoint '${String(given)}' is invalid for the recovery plan '${plan.friendlyName}'.`,
      "useMultiVmSyncPoint is the string 'True' or 'False'.",
      "Retry with useMultiVmSyncPoint 'True' (recover each replication group to its common point) or 'False'.",
    );
  }
  const classic = provider === 'InMage' || provider === 'InMageAzureV2';
  return classic || (typeof given === 'string' && given.toLowerCase() === 'true');
}
