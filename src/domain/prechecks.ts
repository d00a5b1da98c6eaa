import type { RecoveryPlanInfo, ReplicatedItem } from './model';
import { failbackPhase, scenarioWords } from './itemState';
import { itemActions, type ItemAction } from './actions';
import { replicatesToOnPremises } from './providers';
import { idKey } from './armId';

export interface Refusal {
  item: ReplicatedItem;
  reason: string;
}

export interface PrecheckResult {
  ready: ReplicatedItem[];
  refused: Refusal[];
}

/**
 * Why `item` cannot fail back to on-premises right now, or undefined when it can.
 * `recoveryPointCount` is undefined when not yet known (the caller then loads points).
 */
export function failoverRefusal(item: ReplicatedItem, recoveryPointCount?: number): string | undefined {
  const vm = item.friendlyName;
  if (!item.provider) return `${vm} uses the ${item.providerInstanceType} provider: this extension fails back VMware VMs (InMage / InMageRcmFailback) only.`;
  if (item.currentOperation && failbackPhase(item) === 'operationRunning')
    return `${vm} is busy: Site Recovery is running "${scenarioWords(item.currentOperation.scenarioName)}" on it. Wait for that job to finish.`;
  switch (failbackPhase(item)) {
    case 'needsReprotect':
      return `${vm} is already back on-premises (failover committed). Reprotect it to Azure next.`;
    case 'awaitingCommit':
      return `${vm} has already failed back and awaits commit.`;
    case 'runningInAzure':
      return `${vm} runs in Azure but is not replicating to on-premises yet. Reprotect it to on-premises before failing back.`;
    case 'failedOverToAzure':
      return `${vm} was failed over to Azure and that failover awaits commit. Commit it and reprotect to on-premises before failing back.`;
    case 'replicatingToAzure':
      return `${vm} runs on-premises and replicates to Azure: there is nothing to fail back.`;
    default:
      if (!replicatesToOnPremises(item.provider)) {
        return `${vm} is not replicating to on-premises (provider ${item.provider}). Reprotect the Azure VM to the on-premises site before failing back.`;
      }
  }
  if (!itemActions(item).includes('failover')) {
    return `Site Recovery does not allow a failover of ${vm} now (state: ${item.protectionStateDescription || item.protectionState}).`;
  }
  if (recoveryPointCount === 0) return `${vm} has no recovery point yet: wait until Site Recovery has created one before failing back.`;
  return undefined;
}

export function precheckFailover(items: readonly ReplicatedItem[], recoveryPointCounts: ReadonlyMap<string, number>): PrecheckResult {
  return split(items, (item) => failoverRefusal(item, recoveryPointCounts.get(item.id)) ?? classicGroupRefusal(item, 'fail back'));
}

/**
 * A classic VM of a named replication group fails over with its group, through the group's
 * recovery plan: Azure PowerShell refuses a test failover or failover of the VM alone (see
 * replicationGroups.ts). Modernized groups are recovered to a common point by the plan instead.
 */
export function classicGroupRefusal(item: ReplicatedItem, what: string): string | undefined {
  if ((item.provider !== 'InMage' && item.provider !== 'InMageAzureV2') || !item.multiVmGroupName) return undefined;
  return `${item.friendlyName} is in replication group "${item.multiVmGroupName}": ${what} its recovery plan, which keeps the group's VMs consistent, not the VM alone.`;
}

/**
 * Why `item` cannot take a step towards Azure (test failover, failover) now, or undefined.
 * `recoveryPointCount` undefined = not read yet.
 */
export function towardsAzureRefusal(item: ReplicatedItem, action: 'testFailover' | 'failoverToAzure', recoveryPointCount?: number, inPlan = false): string | undefined {
  const vm = item.friendlyName;
  const busy = actionRefusal(item, action);
  if (busy) return busy;
  const group = inPlan ? undefined : classicGroupRefusal(item, action === 'testFailover' ? 'run the test failover of' : 'fail over');
  if (group) return group;
  if (recoveryPointCount === 0) return `${vm} has no recovery point yet: wait until Site Recovery has created one.`;
  return undefined;
}

export function precheckTowardsAzure(
  items: readonly ReplicatedItem[],
  action: 'testFailover' | 'failoverToAzure',
  recoveryPointCounts: ReadonlyMap<string, number>,
): PrecheckResult {
  return split(items, (item) => towardsAzureRefusal(item, action, recoveryPointCounts.get(item.id)));
}

/** Generic check for commit / cancel / reprotect: does Site Recovery allow it now? */
export function actionRefusal(item: ReplicatedItem, action: ItemAction): string | undefined {
  const vm = item.friendlyName;
  if (item.currentOperation && failbackPhase(item) === 'operationRunning')
    return `${vm} is busy: Site Recovery is running "${scenarioWords(item.currentOperation.scenarioName)}" on it.`;
  if (itemActions(item).includes(action)) return undefined;
  const state = item.protectionStateDescription || item.protectionState;
  switch (action) {
    case 'commit':
      return `${vm} has no failover to commit (state: ${state}).`;
    case 'reprotect':
      if (failbackPhase(item) === 'runningInAzure' || failbackPhase(item) === 'failedOverToAzure') {
        return `${vm} runs in Azure: reprotect it to on-premises (Reprotect to On-Premises…).`;
      }
      return failbackPhase(item) === 'awaitingCommit'
        ? `${vm} must be committed before it can be reprotected.`
        : `Site Recovery does not allow reprotect of ${vm} now (state: ${state}).`;
    case 'reprotectToOnPremises':
      return failbackPhase(item) === 'readyToFailBack'
        ? `${vm} already replicates to on-premises: fail it back when ready.`
        : `${vm} does not run in Azure as a VM Site Recovery can reprotect to on-premises (state: ${state}).`;
    case 'testFailover':
    case 'failoverToAzure': {
      const phase = failbackPhase(item);
      const verb = action === 'testFailover' ? 'test failover' : 'failover to Azure';
      if (phase === 'runningInAzure' || phase === 'failedOverToAzure' || phase === 'readyToFailBack' || phase === 'awaitingCommit')
        return `${vm} already runs in Azure or is on its way home: a ${verb} starts from a VM that runs on-premises and replicates to Azure.`;
      if (phase === 'needsReprotect') return `${vm} runs on-premises unprotected: reprotect it to Azure before a ${verb}.`;
      if (action === 'testFailover' && itemActions(item).includes('cleanupTestFailover'))
        return `${vm} has a test failover that is not cleaned up yet: clean it up (Clean Up Test Failover…) before the next one.`;
      return `Site Recovery does not allow a ${verb} of ${vm} now (state: ${state}).`;
    }
    case 'cleanupTestFailover':
      return `${vm} has no test failover to clean up (state: ${state}).`;
    case 'cancelFailover':
      return `Site Recovery does not allow cancelling the failover of ${vm} now (state: ${state}).`;
    default:
      return `Site Recovery does not allow this on ${vm} now (state: ${state}).`;
  }
}

export function precheckAction(items: readonly ReplicatedItem[], action: ItemAction): PrecheckResult {
  return split(items, (item) => actionRefusal(item, action));
}

/** A plan fails back only when every VM in it can: one VM without a point blocks the plan. */
export function planFailoverRefusals(plan: RecoveryPlanInfo, members: readonly ReplicatedItem[], recoveryPointCounts: ReadonlyMap<string, number>): string[] {
  const reasons: string[] = [];
  if (plan.currentOperation) reasons.push(`${plan.friendlyName} is busy: Site Recovery is running "${scenarioWords(plan.currentOperation.scenarioName)}" on it.`);
  const memberIds = new Set(plan.groups.flatMap((g) => g.itemIds.map((id) => idKey(id))));
  const found = new Set(members.map((m) => idKey(m.id)));
  for (const id of memberIds) if (!found.has(id)) reasons.push(`A VM of the plan could not be read (${id.split('/').pop()}).`);
  for (const item of members) {
    const reason = failoverRefusal(item, recoveryPointCounts.get(item.id));
    if (reason) reasons.push(reason);
  }
  return reasons;
}

/**
 * Why a recovery plan cannot fail back now, for the plan's row and tooltip: a few words
 * ("1 of 3 VMs already failed back") and each VM's reason. `members` are the plan's VMs as
 * read so far (one not read is not counted as a reason). Undefined when no VM stands in the way
 * or the plan itself is busy (its row shows the running operation).
 */
export function planFailoverBlock(plan: RecoveryPlanInfo, members: readonly ReplicatedItem[]): { summary: string; reasons: string[] } | undefined {
  if (plan.currentOperation) return undefined;
  const total = new Set(plan.groups.flatMap((g) => g.itemIds.map((id) => idKey(id)))).size || members.length;
  const counts = new Map<string, number>();
  const reasons: string[] = [];
  for (const item of members) {
    const reason = failoverRefusal(item);
    if (!reason) continue;
    reasons.push(reason);
    const why = planBlockWords(item);
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  if (reasons.length === 0) return undefined;
  const summary = [...counts].map(([why, n]) => `${n} of ${total} VM${total === 1 ? '' : 's'} ${why}`).join(', ');
  return { summary, reasons };
}

function planBlockWords(item: ReplicatedItem): string {
  switch (failbackPhase(item)) {
    case 'awaitingCommit':
    case 'needsReprotect':
      return 'already failed back';
    case 'operationRunning':
      return 'busy';
    case 'replicatingToAzure':
    case 'failedOverToAzure':
    case 'runningInAzure':
      return 'not replicating to on-premises';
    default:
      return 'not ready to fail back';
  }
}

function split(items: readonly ReplicatedItem[], refuse: (i: ReplicatedItem) => string | undefined): PrecheckResult {
  const result: PrecheckResult = { ready: [], refused: [] };
  for (const item of items) {
    const reason = refuse(item);
    if (reason) result.refused.push({ item, reason });
    else result.ready.push(item);
  }
  return result;
}
