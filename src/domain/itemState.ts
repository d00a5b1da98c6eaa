import type { ReplicatedItem } from './model';
import { replicatesToOnPremises } from './providers';

/**
 * Where an item stands in the failback procedure. Derived from what Site Recovery says
 * (allowedOperations first, then protectionState), never from what we last did.
 */
export type FailbackPhase =
  | 'operationRunning'
  | 'readyToFailBack'
  | 'awaitingCommit'
  | 'needsReprotect'
  | 'replicatingToAzure'
  | 'notReady'
  | 'unsupported';

const has = (item: ReplicatedItem, op: string): boolean =>
  item.allowedOperations.some((o) => o.toLowerCase() === op.toLowerCase());

export function isCommitted(item: ReplicatedItem): boolean {
  return /FailoverCommitted$/i.test(item.protectionState);
}

export function failbackPhase(item: ReplicatedItem): FailbackPhase {
  if (!item.provider) return 'unsupported';
  if (item.currentOperation) return 'operationRunning';
  if (has(item, 'Commit')) return 'awaitingCommit';
  if (replicatesToOnPremises(item.provider) && isCommitted(item) && has(item, 'SwitchProtection')) return 'needsReprotect';
  // Modernized items report InMageRcm again once the failback is committed; the on-premises
  // VM then reprotects to Azure (its agent registration flag tells when it can).
  if (item.provider === 'InMageRcm' && isCommitted(item) && has(item, 'SwitchProtection')) return 'needsReprotect';
  if (replicatesToOnPremises(item.provider)) {
    const failoverOp = item.provider === 'InMage' ? 'UnplannedFailover' : 'PlannedFailover';
    return has(item, failoverOp) ? 'readyToFailBack' : 'notReady';
  }
  if (/^Protected$/i.test(item.protectionState)) return 'replicatingToAzure';
  return 'notReady';
}

const SCENARIO_WORDS: Record<string, string> = {
  UnplannedFailover: 'Failover',
  PlannedFailover: 'Planned failover',
  CommitFailover: 'Commit',
  SwitchProtection: 'Reprotect',
  SwitchReplicationGroupProtection: 'Reprotect',
  ReverseReplication: 'Reprotect',
  CancelFailover: 'Cancel failover',
  ChangePit: 'Change recovery point',
  DisableProtection: 'Disable replication',
};

export function scenarioWords(scenarioName: string): string {
  return SCENARIO_WORDS[scenarioName] ?? scenarioName.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** Short state-and-direction text for the tree ("Failed over · awaiting commit"). */
export function describeItem(item: ReplicatedItem): string {
  switch (failbackPhase(item)) {
    case 'operationRunning':
      return `${scenarioWords(item.currentOperation!.scenarioName)} in progress`;
    case 'readyToFailBack':
      return 'Replicating to on-premises';
    case 'awaitingCommit':
      return 'Failed over · awaiting commit';
    case 'needsReprotect':
      return 'Committed · needs reprotect';
    case 'replicatingToAzure':
      return 'Replicating to Azure';
    case 'unsupported':
      return `${item.providerInstanceType} · not a VMware failback item`;
    default:
      return item.protectionStateDescription || item.protectionState || 'Unknown state';
  }
}

/** The tree's filter: part of the VM name or of its state text, case-insensitive. */
export function matchesItemFilter(item: ReplicatedItem, filter: string | undefined): boolean {
  const text = filter?.trim().toLowerCase();
  if (!text) return true;
  return item.friendlyName.toLowerCase().includes(text) || describeItem(item).toLowerCase().includes(text) || (item.protectionState ?? '').toLowerCase().includes(text);
}
