import assert from 'node:assert/strict';
import { describeItem, failbackPhase, matchesItemFilter } from '../../../src/domain/itemState';
import { itemActions } from '../../../src/domain/actions';
import { item, STATES } from './fixtures';

describe('failback phase and actions of each observed state', () => {
  const expected: Record<keyof typeof STATES, [string, string[]]> = {
    classicReadyToFailBack: ['readyToFailBack', ['failover', 'disableProtection']],
    classicAwaitingCommit: ['awaitingCommit', ['commit', 'changeRecoveryPoint', 'disableProtection']],
    classicCommitted: ['needsReprotect', ['reprotect', 'disableProtection']],
    classicToAzure: ['replicatingToAzure', ['disableProtection']],
    modernReadyToFailBack: ['readyToFailBack', ['failover', 'disableProtection']],
    modernAwaitingCommit: ['awaitingCommit', ['commit', 'disableProtection']],
    modernCommitted: ['needsReprotect', ['reprotect', 'disableProtection']],
    modernInAzureCommitted: ['needsReprotect', ['reprotect', 'disableProtection']],
    modernToAzure: ['replicatingToAzure', ['disableProtection']],
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
    assert.equal(describeItem(item('modernAwaitingCommit')), 'Failed over · awaiting commit');
    assert.equal(describeItem(item('classicCommitted')), 'Committed · needs reprotect');
    assert.equal(describeItem(item('modernToAzure')), 'Replicating to Azure');
  });
});

describe('replicated-item filter', () => {
  it('matches part of the name or the state, ignoring case', () => {
    const i = item('classicAwaitingCommit', { friendlyName: 'SQL-Prod-01' });
    assert.ok(matchesItemFilter(i, 'sql'));
    assert.ok(matchesItemFilter(i, 'awaiting COMMIT'));
    assert.ok(matchesItemFilter(i, 'CommitPending'));
    assert.ok(matchesItemFilter(i, '  '));
    assert.ok(!matchesItemFilter(i, 'web'));
    assert.ok(!matchesItemFilter(item('classicReadyToFailBack'), 'awaiting commit'));
  });
});
