import type { ItemPhase, ReplicationProvider } from '../scenarios/types';

/**
 * What an item reports in each (provider, phase). Each entry names the recording it was read from
 * (test/fixtures/recorded/); entries marked "Assumed" have no recording. Operation names are ASR's
 * ReplicationProtectedItemOperation values.
 */
export interface ItemStateView {
  protectionState: string;
  protectionStateDescription: string;
  activeLocation: 'Primary' | 'Recovery';
  allowedOperations: string[];
}

const state = (protectionState: string, protectionStateDescription: string, activeLocation: 'Primary' | 'Recovery', allowedOperations: string[]): ItemStateView => ({
  protectionState,
  protectionStateDescription,
  activeLocation,
  allowedOperations,
});

const ENABLING_FAILED = state('EnablingFailed', "Protection couldn't be enabled", 'Primary', ['DisableProtection']);
const COMMITTED = state('UnplannedFailoverCommitted', 'Failover committed', 'Recovery', ['CompleteMigration', 'DisableProtection', 'SwitchProtection']);

const STATES: Record<string, ItemStateView> = {
  // Classic, Azure → on-premises (after the first reprotect), as recorded in V2ATestFailback.009.
  'InMage:Protected': state('Protected', 'Protected', 'Primary', ['UnplannedFailover', 'DisableProtection']),
  // Assumed (not recorded): the classic failback's commit-pending state, kept from before the recordings.
  // It lists ChangePit, yet the API has no InMage input to change the recovery point with (refused).
  'InMage:FailedOver': state('UnplannedFailoverCommitPendingStatesBegin', 'Failover completed', 'Recovery', ['Commit', 'ChangePit', 'CancelFailover', 'DisableProtection']),
  // Recorded in V2ATestReprotect.010 (rec2021): after the failback failover was committed.
  'InMage:Committed': COMMITTED,
  'InMage:EnablingFailed': ENABLING_FAILED,
  // V2ATestReprotect.010 (rec2017).
  'InMage:InitialReplication': state('InitialReplicationInProgress', 'Initial replication is in progress', 'Primary', ['DisableProtection']),
  // Classic, on-premises → Azure. V2ATFOJob.010.item-before-tfo.
  'InMageAzureV2:Protected': state('Protected', 'Protected', 'Primary', ['UnplannedFailover', 'DisableProtection', 'TestFailover']),
  // Assumed (not recorded): the classic failover to Azure reports what InMageRcm reports (TestV2ARCMReprotect.011).
  'InMageAzureV2:FailedOver': state('UnplannedFailoverCommitPendingStatesBegin', 'Failover completed', 'Recovery', [
    'CompleteMigration',
    'Commit',
    'DisableProtection',
    'ChangePit',
    'SwitchProtection',
  ]),
  // V2ATestSwitchProtection.010: the VM runs in Azure, committed, and needs reprotect to on-premises.
  'InMageAzureV2:Committed': COMMITTED,
  'InMageAzureV2:EnablingFailed': ENABLING_FAILED,
  // V2ATestReprotect.012 (api-version 2018): a committed failover reported as UnplannedFailoverStatesBegin.
  'InMageAzureV2:FailoverStarted': state('UnplannedFailoverStatesBegin', 'Failover committed', 'Recovery', ['CompleteMigration', 'DisableProtection', 'SwitchProtection']),
  // TestRPJob.010.
  'InMageAzureV2:FailoverFailed': state('UnplannedFailoverCompletionFailed', "Failover couldn't be completed", 'Primary', [
    'RepairReplication',
    'UnplannedFailover',
    'DisableProtection',
  ]),
  // Modernized, Azure → on-premises. TestV2ARCMFailback.011.item-before-plannedFailover.
  'InMageRcmFailback:Protected': state('Protected', 'Protected', 'Primary', ['PlannedFailover', 'DisableProtection']),
  // TestV2ARCM540Reprotect.014.item-before-reProtect: failed back, commit pending; reprotect to Azure allowed.
  'InMageRcmFailback:FailedOver': state('CommitPendingStatesBegin', 'Planned failover finished', 'Recovery', [
    'CompleteMigration',
    'Commit',
    'DisableProtection',
    'SwitchProtection',
    'CancelFailover',
  ]),
  // Assumed (not recorded): a committed failback stays InMageRcmFailback and still allows reprotect to Azure.
  'InMageRcmFailback:Committed': state('PlannedFailoverCommitted', 'Planned failover committed', 'Recovery', ['CompleteMigration', 'DisableProtection', 'SwitchProtection']),
  'InMageRcmFailback:EnablingFailed': ENABLING_FAILED,
  // TestV2ARCMCancelFailover.010.items-list.
  'InMageRcmFailback:InitialReplication': state('InitialReplicationInProgress', 'Initial replication is in progress', 'Primary', ['DisableProtection']),
  // Modernized, on-premises → Azure. TestV2ARCMFailback.010.items-list.
  'InMageRcm:Protected': state('Protected', 'Protected', 'Primary', ['UnplannedFailover', 'DisableProtection', 'TestFailover']),
  // TestV2ARCMReprotect.011.items-list: failed over to Azure, commit pending.
  'InMageRcm:FailedOver': state('UnplannedFailoverCommitPendingStatesBegin', 'Failover completed', 'Recovery', [
    'CompleteMigration',
    'Commit',
    'DisableProtection',
    'ChangePit',
    'SwitchProtection',
  ]),
  // TestV2ARCMReprotect.011.items-list: running in Azure, committed, waiting for reprotect to on-premises.
  'InMageRcm:Committed': COMMITTED,
  // TestV2ARCMReprotect.011.items-list (Rcm-W2K16-153).
  'InMageRcm:EnablingFailed': ENABLING_FAILED,
  // TestV2ARCMCancelFailover.010.items-list.
  'InMageRcm:InitialReplication': state('InitialReplicationRecoveryCompletionPending', 'Waiting for first recovery point', 'Primary', ['DisableProtection']),
};

/** States while a job runs on the item: no operation is allowed until it ends. */
// Assumed (not recorded): the in-progress state names and their empty allowedOperations.
const BUSY: Record<string, [string, string]> = {
  UnplannedFailover: ['UnplannedFailoverInProgress', 'Failover in progress'],
  PlannedFailover: ['PlannedFailoverInProgress', 'Planned failover in progress'],
  CommitFailover: ['UnplannedFailoverCommitInProgress', 'Committing failover'],
  SwitchReplicationGroupProtection: ['SwitchProtectionInProgress', 'Reprotect in progress'],
  CancelFailover: ['CancelFailoverInProgress', 'Cancelling failover'],
  ChangePit: ['ChangePitInProgress', 'Changing recovery point'],
  DisableDr: ['DisablingProtection', 'Disabling protection'],
};

/** Operations that don't change protectionState (a test failover runs beside replication). */
const SIDE_SCENARIOS = new Set(['TestFailover', 'TestFailoverCleanup']);

/** Providers that replicate towards Azure; the other two replicate back to on-premises. */
export function replicatesToAzure(provider: ReplicationProvider): boolean {
  return provider === 'InMageAzureV2' || provider === 'InMageRcm';
}

export function isModernized(provider: ReplicationProvider): boolean {
  return provider === 'InMageRcm' || provider === 'InMageRcmFailback';
}

export function isKnownState(provider: ReplicationProvider, phase: ItemPhase): boolean {
  return `${provider}:${phase}` in STATES;
}

export function itemStateView(provider: ReplicationProvider, phase: ItemPhase, busyScenario?: string): ItemStateView {
  const base = STATES[`${provider}:${phase}`] ?? STATES['InMage:Protected'];
  if (!busyScenario) {
    return base;
  }
  if (SIDE_SCENARIOS.has(busyScenario)) {
    return { ...base, allowedOperations: [] };
  }
  const [name, description] = BUSY[busyScenario] ?? ['OperationInProgress', 'Operation in progress'];
  return { ...base, protectionState: name, protectionStateDescription: description, allowedOperations: [] };
}
