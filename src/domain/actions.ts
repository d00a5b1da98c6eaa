import type { RecoveryPlanInfo, ReplicatedItem } from './model';
import { failbackPhase } from './itemState';
import { asProvider, replicatesToOnPremises } from './providers';

/** What the extension may offer on an item: its menus, prechecks and commands agree on this. */
export type ItemAction =
  | 'failover'
  | 'commit'
  | 'cancelFailover'
  | 'changeRecoveryPoint'
  | 'reprotect'
  | 'reprotectToOnPremises'
  | 'testFailover'
  | 'cleanupTestFailover'
  | 'failoverToAzure'
  | 'disableProtection';

/** How a picker's title says what can be done ("3 can fail back now"). */
export const ACTION_WORDS: Record<ItemAction, string> = {
  failover: 'fail back',
  commit: 'be committed',
  cancelFailover: 'cancel their failover',
  changeRecoveryPoint: 'change their recovery point',
  reprotect: 'be reprotected to Azure',
  reprotectToOnPremises: 'be reprotected to on-premises',
  testFailover: 'run a test failover',
  cleanupTestFailover: 'clean up their test failover',
  failoverToAzure: 'fail over to Azure',
  disableProtection: 'stop replicating',
};

const hasOp = (ops: readonly string[], op: string): boolean => ops.some((o) => o.toLowerCase() === op.toLowerCase());

export function itemActions(item: ReplicatedItem): ItemAction[] {
  const phase = failbackPhase(item);
  const ops = item.allowedOperations;
  const actions: ItemAction[] = [];
  if (phase === 'readyToFailBack') actions.push('failover');
  if (phase === 'awaitingCommit' || phase === 'failedOverToAzure') {
    if (hasOp(ops, 'Commit')) actions.push('commit');
    if (hasOp(ops, 'CancelFailover')) actions.push('cancelFailover');
    // Only InMageAzureV2 and InMageRcm have an apply-recovery-point input in the API: the
    // failback providers (InMage, InMageRcmFailback) cannot change their point.
    if (phase === 'failedOverToAzure' && hasOp(ops, 'ChangePit')) actions.push('changeRecoveryPoint');
    // Recorded (TestV2ARCM540Reprotect): a modernized failback is reprotected to Azure while its
    // commit is still pending; the reprotect job commits the failover itself.
    if (phase === 'awaitingCommit' && item.provider === 'InMageRcmFailback' && hasOp(ops, 'SwitchProtection')) actions.push('reprotect');
  }
  if (phase === 'needsReprotect' && hasOp(ops, 'SwitchProtection')) actions.push('reprotect');
  // A VM running in Azure (committed, or before commit where Site Recovery allows it, as recorded
  // for InMageRcm) reprotects to on-premises: the failback's precondition.
  if ((phase === 'runningInAzure' || phase === 'failedOverToAzure') && hasOp(ops, 'SwitchProtection')) actions.push('reprotectToOnPremises');
  // The way to Azure (InMageAzureV2, InMageRcm replicating from on-premises): a drill beside
  // replication, and the failover itself. Recorded allowedOperations: UnplannedFailover, TestFailover.
  if (phase === 'replicatingToAzure') {
    if (hasOp(ops, 'TestFailover')) actions.push('testFailover');
    if (hasOp(ops, 'UnplannedFailover')) actions.push('failoverToAzure');
  }
  // A finished test failover leaves its test VM until cleaned up; Site Recovery says so by
  // allowing TestFailoverCleanup.
  if (phase !== 'operationRunning' && hasOp(ops, 'TestFailoverCleanup')) actions.push('cleanupTestFailover');
  if (phase !== 'operationRunning' && hasOp(ops, 'DisableProtection')) actions.push('disableProtection');
  return actions;
}

/** Plans: ASR lists plan operations by name; failback plans fail over from Azure to on-premises. */
export function planActions(plan: RecoveryPlanInfo): ItemAction[] {
  if (plan.currentOperation) return [];
  const ops = plan.allowedOperations;
  const actions: ItemAction[] = [];
  // A plan of VMs replicating to Azure (InMageAzureV2, InMageRcm) also allows UnplannedFailover:
  // that failover goes to Azure, not home (recorded: TestV2ARCMRecoveryPlan).
  const forwardOnly = plan.replicationProviders.length > 0 && !plan.replicationProviders.some((p) => replicatesToOnPremises(asProvider(p)));
  if (!forwardOnly && (hasOp(ops, 'UnplannedFailover') || hasOp(ops, 'PlannedFailover'))) actions.push('failover');
  if (forwardOnly) {
    // Recorded (TestV2ARCMRecoveryPlan.016): a plan of VMs replicating to Azure allows
    // UnplannedFailover and TestFailover; both go to Azure.
    if (hasOp(ops, 'TestFailover')) actions.push('testFailover');
    if (hasOp(ops, 'UnplannedFailover')) actions.push('failoverToAzure');
    // Once its VMs run in Azure, the plan is reprotected to on-premises as its VMs (each checked).
    else actions.push('reprotectToOnPremises');
  }
  if (hasOp(ops, 'TestFailoverCleanup')) actions.push('cleanupTestFailover');
  if (hasOp(ops, 'Commit') || hasOp(ops, 'FailoverCommit')) actions.push('commit');
  if (hasOp(ops, 'CancelFailover')) actions.push('cancelFailover');
  // Reprotect of a VMware plan runs as one request per VM (no plan-level input exists for
  // these providers); offered when the plan says its VMs can switch protection.
  if (hasOp(ops, 'Reprotect') || hasOp(ops, 'SwitchProtection')) actions.push('reprotect');
  return actions;
}

export type JobAction = 'cancel' | 'restart' | 'resume';

export function jobActions(allowedActions: readonly string[]): JobAction[] {
  const out: JobAction[] = [];
  if (hasOp(allowedActions, 'Cancel')) out.push('cancel');
  if (hasOp(allowedActions, 'Restart')) out.push('restart');
  if (hasOp(allowedActions, 'Resume')) out.push('resume');
  return out;
}
