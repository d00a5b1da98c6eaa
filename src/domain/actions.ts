import type { RecoveryPlanInfo, ReplicatedItem } from './model';
import { failbackPhase } from './itemState';

/** What the extension may offer on an item: its menus, prechecks and commands agree on this. */
export type ItemAction = 'failover' | 'commit' | 'cancelFailover' | 'changeRecoveryPoint' | 'reprotect' | 'disableProtection';

const hasOp = (ops: readonly string[], op: string): boolean => ops.some((o) => o.toLowerCase() === op.toLowerCase());

export function itemActions(item: ReplicatedItem): ItemAction[] {
  const phase = failbackPhase(item);
  const ops = item.allowedOperations;
  const actions: ItemAction[] = [];
  if (phase === 'readyToFailBack') actions.push('failover');
  if (phase === 'awaitingCommit') {
    actions.push('commit');
    if (hasOp(ops, 'CancelFailover')) actions.push('cancelFailover');
    if (hasOp(ops, 'ChangePit')) actions.push('changeRecoveryPoint');
  }
  if (phase === 'needsReprotect') actions.push('reprotect');
  if (phase !== 'operationRunning' && hasOp(ops, 'DisableProtection')) actions.push('disableProtection');
  return actions;
}

/** Plans: ASR lists plan operations by name; failback plans fail over from Azure to on-premises. */
export function planActions(plan: RecoveryPlanInfo): ItemAction[] {
  if (plan.currentOperation) return [];
  const ops = plan.allowedOperations;
  const actions: ItemAction[] = [];
  if (hasOp(ops, 'UnplannedFailover') || hasOp(ops, 'PlannedFailover')) actions.push('failover');
  if (hasOp(ops, 'Commit') || hasOp(ops, 'FailoverCommit')) actions.push('commit');
  if (hasOp(ops, 'CancelFailover')) actions.push('cancelFailover');
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
