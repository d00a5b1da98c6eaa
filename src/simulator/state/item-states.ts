import type { ItemPhase, ReplicationProvider } from '../scenarios/types';

/**
 * What an item reports in each (provider, phase), per the states observed on live vaults
 * (see the project's FACTS.md). Operation names are ASR's ReplicationProtectedItemOperation values.
 */
export interface ItemStateView {
  protectionState: string;
  protectionStateDescription: string;
  activeLocation: 'Primary' | 'Recovery';
  allowedOperations: string[];
}

const STATES: Record<string, ItemStateView> = {
  // Classic: Azure VM replicating back to on-premises after the first reprotect.
  'InMage:Protected': {
    protectionState: 'Protected',
    protectionStateDescription: 'Protected',
    activeLocation: 'Primary',
    allowedOperations: ['UnplannedFailover', 'DisableProtection'],
  },
  'InMage:FailedOver': {
    protectionState: 'UnplannedFailoverCommitPendingStatesBegin',
    protectionStateDescription: 'Failover completed',
    activeLocation: 'Recovery',
    allowedOperations: ['Commit', 'ChangePit', 'CancelFailover', 'DisableProtection'],
  },
  'InMage:Committed': {
    protectionState: 'UnplannedFailoverCommitted',
    protectionStateDescription: 'Failover committed',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'DisableProtection', 'SwitchProtection'],
  },
  // Classic: on-premises VM replicating to Azure (the failback cycle is done).
  'InMageAzureV2:Protected': {
    protectionState: 'Protected',
    protectionStateDescription: 'Protected',
    activeLocation: 'Primary',
    allowedOperations: ['UnplannedFailover', 'DisableProtection', 'TestFailover'],
  },
  // Modernized: Azure VM replicating back to on-premises.
  'InMageRcmFailback:Protected': {
    protectionState: 'Protected',
    protectionStateDescription: 'Protected',
    activeLocation: 'Primary',
    allowedOperations: ['PlannedFailover', 'DisableProtection'],
  },
  'InMageRcmFailback:FailedOver': {
    protectionState: 'PlannedFailoverCommitPendingStatesBegin',
    protectionStateDescription: 'Planned failover completed',
    activeLocation: 'Recovery',
    allowedOperations: ['Commit', 'CancelFailover', 'DisableProtection'],
  },
  // Modernized: failback committed, on-premises VM running, waiting for reprotect to Azure.
  'InMageRcm:Committed': {
    protectionState: 'UnplannedFailoverCommitted',
    protectionStateDescription: 'Failover committed',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'DisableProtection', 'SwitchProtection'],
  },
  'InMageRcm:Protected': {
    protectionState: 'Protected',
    protectionStateDescription: 'Protected',
    activeLocation: 'Primary',
    allowedOperations: ['UnplannedFailover', 'DisableProtection', 'TestFailover'],
  },
};

/** States while a job runs on the item: no operation is allowed until it ends. */
const BUSY: Record<string, [string, string]> = {
  UnplannedFailover: ['UnplannedFailoverInProgress', 'Failover in progress'],
  PlannedFailover: ['PlannedFailoverInProgress', 'Planned failover in progress'],
  CommitFailover: ['UnplannedFailoverCommitInProgress', 'Committing failover'],
  SwitchReplicationGroupProtection: ['SwitchProtectionInProgress', 'Reprotect in progress'],
  CancelFailover: ['CancelFailoverInProgress', 'Cancelling failover'],
  ChangePit: ['ChangePitInProgress', 'Changing recovery point'],
  DisableDr: ['DisablingProtection', 'Disabling protection'],
};

export function isKnownState(provider: ReplicationProvider, phase: ItemPhase): boolean {
  return `${provider}:${phase}` in STATES;
}

export function itemStateView(provider: ReplicationProvider, phase: ItemPhase, busyScenario?: string): ItemStateView {
  const base = STATES[`${provider}:${phase}`] ?? STATES['InMage:Protected'];
  if (!busyScenario) {
    return base;
  }
  const [state, description] = BUSY[busyScenario] ?? ['OperationInProgress', 'Operation in progress'];
  return { ...base, protectionState: state, protectionStateDescription: description, allowedOperations: [] };
}
