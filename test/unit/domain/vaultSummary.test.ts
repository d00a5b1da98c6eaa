// The vault row in one line: VMs by where they stand in the failback cycle, and how many are
// over their policy's RPO threshold.
import assert from 'node:assert/strict';
import { vaultSummary } from '../../../src/domain/vaultSummary';
import type { ReplicatedItem } from '../../../src/domain/model';
import { item, STATES } from './fixtures';

const POLICY = '/Subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/vault/replicationPolicies/';
const thresholds: Record<string, number> = { [`${POLICY}classic`.toLowerCase()]: 15 };
const thresholdOf = (i: ReplicatedItem) => thresholds[(i.policyId ?? '').toLowerCase()];
const vms = (state: keyof typeof STATES, n: number, over: Partial<ReplicatedItem> = {}) =>
  Array.from({ length: n }, (_, k) => item(state, { id: `${state}-${k}`, policyId: `${POLICY}classic`, ...over }));

describe('vault summary', () => {
  it('counts VMs by direction in the order of the cycle, and those over their RPO threshold', () => {
    const items = [
      ...vms('classicReadyToFailBack', 5, { rpoSeconds: 60 }),
      ...vms('classicToAzure', 2, { rpoSeconds: 25 * 60 }),
      ...vms('modernToAzure', 2, { rpoSeconds: 25 * 60, policyId: `${POLICY}modernized` }),
      ...vms('classicInAzureCommitted', 2, { rpoSeconds: 25 * 60 }),
      ...vms('modernInAzureCommitPending', 1),
    ];
    assert.deepEqual(vaultSummary(items, thresholdOf), { text: '12 VMs: 4 to Azure, 3 in Azure, 5 to on-premises · ⚠ 2 over RPO', overRpo: 2 });
  });

  it('over RPO counts only VMs that replicate: a failed-over VM keeps its last RPO, which means nothing now', () => {
    assert.equal(vaultSummary(vms('classicInAzureCommitted', 3, { rpoSeconds: 3600 }), thresholdOf).overRpo, 0);
  });

  it('no warning when nothing is over', () => {
    assert.equal(vaultSummary(vms('classicToAzure', 1, { rpoSeconds: 60 }), thresholdOf).text, '1 VM: 1 to Azure');
  });

  it('failed back, busy, not ready and other VMs in words of their own', () => {
    const items = [
      ...vms('classicAwaitingCommit', 1),
      ...vms('modernCommitted', 1),
      item('classicToAzure', { id: 'busy', currentOperation: { scenarioName: 'UnplannedFailover', jobName: 'j' } }),
      ...vms('enablingFailed', 2),
      ...vms('hyperV', 1),
    ];
    assert.equal(vaultSummary(items, thresholdOf).text, '6 VMs: 2 failed back, 1 busy, 2 not ready, 1 other');
  });

  it('with pages left to load, the count says there are more', () => {
    assert.equal(vaultSummary(vms('classicToAzure', 2), thresholdOf, true).text, '2+ VMs: 2 to Azure');
    assert.equal(vaultSummary(vms('classicToAzure', 1), thresholdOf, true).text, '1+ VMs: 1 to Azure');
  });

  it('an empty vault', () => {
    assert.equal(vaultSummary([], thresholdOf).text, 'no VMs');
    assert.equal(vaultSummary([], thresholdOf, true).text, 'no VMs loaded yet');
  });
});
