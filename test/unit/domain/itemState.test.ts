import assert from 'node:assert/strict';
import { describeItem, failbackPhase, matchesItemFilter } from '../../../src/domain/itemState';
import { itemActions } from '../../../src/domain/actions';
import { item, STATES } from './fixtures';

describe('failback phase and actions of each observed state', () => {
  const expected: Record<keyof typeof STATES, [string, string[]]> = {
    classicReadyToFailBack: ['readyToFailBack', ['failover', 'disableProtection']],
    // No apply-recovery-point input exists for InMage: change recovery point is not offered.
    classicAwaitingCommit: ['awaitingCommit', ['commit', 'disableProtection']],
    classicCommitted: ['needsReprotect', ['reprotect', 'disableProtection']],
    // The way to Azure: a test failover drill beside replication, and the failover itself.
    classicToAzure: ['replicatingToAzure', ['testFailover', 'failoverToAzure', 'disableProtection']],
    modernReadyToFailBack: ['readyToFailBack', ['failover', 'disableProtection']],
    // Recorded (TestV2ARCM540Reprotect): reprotect to Azure is allowed before commit.
    modernAwaitingCommit: ['awaitingCommit', ['commit', 'cancelFailover', 'reprotect', 'disableProtection']],
    modernCommitted: ['needsReprotect', ['reprotect', 'disableProtection']],
    // Recorded: a modernized VM failed over to Azure and committed runs in Azure; its reprotect
    // goes to on-premises (allowed before commit too, as recorded for InMageRcm).
    modernInAzureCommitted: ['runningInAzure', ['reprotectToOnPremises', 'disableProtection']],
    modernInAzureCommitPending: ['failedOverToAzure', ['commit', 'changeRecoveryPoint', 'reprotectToOnPremises', 'disableProtection']],
    classicInAzureCommitted: ['runningInAzure', ['reprotectToOnPremises', 'disableProtection']],
    modernToAzure: ['replicatingToAzure', ['testFailover', 'failoverToAzure', 'disableProtection']],
    enablingFailed: ['notReady', ['disableProtection']],
    hyperV: ['unsupported', []],
  };
  for (const [state, [phase, actions]] of Object.entries(expected)) {
    it(`${state} → ${phase}`, () => {
      const i = item(state as keyof typeof STATES);
      assert.equal(failbackPhase(i), phase);
      assert.deepEqual(itemActions(i), actions);
    });
  }

  it('an item with a running operation offers nothing but says what runs', () => {
    const i = item('classicReadyToFailBack', { currentOperation: { scenarioName: 'UnplannedFailover', jobName: 'j1' } });
    assert.equal(failbackPhase(i), 'operationRunning');
    assert.deepEqual(itemActions(i), []);
    assert.equal(describeItem(i), 'Failover in progress');
  });

  it('describes state and direction in words', () => {
    assert.equal(describeItem(item('classicReadyToFailBack')), 'Replicating to on-premises');
    assert.equal(describeItem(item('modernAwaitingCommit')), 'Failed back · commit pending');
    assert.equal(describeItem(item('classicCommitted')), 'Failed back · reprotect to Azure');
    assert.equal(describeItem(item('modernInAzureCommitted')), 'Running in Azure · reprotect to on-premises');
    assert.equal(describeItem(item('modernInAzureCommitPending')), 'Failed over to Azure · commit pending');
    assert.equal(describeItem(item('modernToAzure')), 'Replicating to Azure');
  });
});

describe('replicated-item filter', () => {
  it('matches part of the name or the state, ignoring case', () => {
    const i = item('classicAwaitingCommit', { friendlyName: 'SQL-Prod-01' });
    assert.ok(matchesItemFilter(i, 'sql'));
    assert.ok(matchesItemFilter(i, 'commit PENDING'));
    assert.ok(matchesItemFilter(i, 'CommitPending'));
    assert.ok(matchesItemFilter(i, '  '));
    assert.ok(!matchesItemFilter(i, 'web'));
    assert.ok(!matchesItemFilter(item('classicReadyToFailBack'), 'commit pending'));
  });
});
