import type { ReplicatedItem, VaultRef } from '../../../src/domain/model';
import { asProvider } from '../../../src/domain/providers';

export const vault: VaultRef = {
  subscriptionId: 'sub',
  resourceGroup: 'rg',
  vaultName: 'vault',
  id: '/Subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault',
};

/**
 * Item states as recorded on live vaults (test/fixtures/recorded/). Two are assumed,
 * not recorded: the classic InMage commit-pending state (its name follows InMageRcm's recorded
 * UnplannedFailoverCommitPendingStatesBegin) and the modernized failback after commit.
 */
export const STATES = {
  classicReadyToFailBack: { provider: 'InMage', protectionState: 'Protected', activeLocation: 'Primary', allowedOperations: ['UnplannedFailover', 'DisableProtection'] },
  classicAwaitingCommit: {
    provider: 'InMage',
    protectionState: 'UnplannedFailoverCommitPendingStatesBegin',
    activeLocation: 'Recovery',
    allowedOperations: ['Commit', 'ChangePit', 'DisableProtection'],
  },
  classicCommitted: {
    provider: 'InMage',
    protectionState: 'UnplannedFailoverCommitted',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'DisableProtection', 'SwitchProtection'],
  },
  classicToAzure: {
    provider: 'InMageAzureV2',
    protectionState: 'Protected',
    activeLocation: 'Primary',
    allowedOperations: ['UnplannedFailover', 'DisableProtection', 'TestFailover'],
  },
  modernReadyToFailBack: { provider: 'InMageRcmFailback', protectionState: 'Protected', activeLocation: 'Primary', allowedOperations: ['PlannedFailover', 'DisableProtection'] },
  modernAwaitingCommit: {
    provider: 'InMageRcmFailback',
    protectionState: 'CommitPendingStatesBegin',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'Commit', 'DisableProtection', 'SwitchProtection', 'CancelFailover'],
  },
  modernCommitted: {
    provider: 'InMageRcmFailback',
    protectionState: 'PlannedFailoverCommitted',
    activeLocation: 'Recovery',
    allowedOperations: ['SwitchProtection', 'DisableProtection'],
  },
  modernInAzureCommitPending: {
    provider: 'InMageRcm',
    protectionState: 'UnplannedFailoverCommitPendingStatesBegin',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'Commit', 'DisableProtection', 'ChangePit', 'SwitchProtection'],
  },
  classicInAzureCommitted: {
    provider: 'InMageAzureV2',
    protectionState: 'UnplannedFailoverCommitted',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'DisableProtection', 'SwitchProtection'],
  },
  modernInAzureCommitted: {
    provider: 'InMageRcm',
    protectionState: 'UnplannedFailoverCommitted',
    activeLocation: 'Recovery',
    allowedOperations: ['CompleteMigration', 'DisableProtection', 'SwitchProtection'],
  },
  modernToAzure: { provider: 'InMageRcm', protectionState: 'Protected', activeLocation: 'Primary', allowedOperations: ['UnplannedFailover', 'DisableProtection', 'TestFailover'] },
  enablingFailed: { provider: 'InMageAzureV2', protectionState: 'EnablingFailed', activeLocation: undefined, allowedOperations: ['DisableProtection'] },
  hyperV: { provider: 'HyperVReplicaAzure', protectionState: 'Protected', activeLocation: 'Primary', allowedOperations: ['UnplannedFailover'] },
} as const;

export function item(state: keyof typeof STATES, overrides: Partial<ReplicatedItem> = {}): ReplicatedItem {
  const s = STATES[state];
  return {
    id: `/Subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/${state}`,
    name: state,
    friendlyName: `vm-${state}`,
    fabricName: 'f',
    containerName: 'c',
    vault,
    provider: asProvider(s.provider),
    providerInstanceType: s.provider,
    protectionState: s.protectionState,
    protectionStateDescription: s.protectionState,
    activeLocation: s.activeLocation,
    allowedOperations: [...s.allowedOperations],
    healthIssues: [],
    ...overrides,
  };
}
