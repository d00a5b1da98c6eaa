import assert from 'node:assert/strict';
import { actionRefusal, failoverRefusal, planFailoverRefusals, precheckFailover } from '../../../src/domain/prechecks';
import type { RecoveryPlanInfo } from '../../../src/domain/model';
import { item, vault } from './fixtures';

describe('failback prechecks', () => {
  it('lets a reprotected, replicating VM with a recovery point fail back', () => {
    assert.equal(failoverRefusal(item('classicReadyToFailBack'), 3), undefined);
    assert.equal(failoverRefusal(item('modernReadyToFailBack'), 1), undefined);
  });
  it('names the VM and the reason for each refusal', () => {
    assert.match(failoverRefusal(item('classicReadyToFailBack'), 0)!, /vm-classicReadyToFailBack has no recovery point yet/);
    assert.match(failoverRefusal(item('classicToAzure'), 3)!, /replicates to Azure: there is nothing to fail back/);
    assert.match(failoverRefusal(item('modernInAzureCommitted'), 3)!, /runs in Azure but is not replicating to on-premises yet/);
    assert.match(failoverRefusal(item('classicCommitted'), 3)!, /already back on-premises/);
    assert.match(failoverRefusal(item('classicAwaitingCommit'), 3)!, /awaits commit/);
    assert.match(failoverRefusal(item('hyperV'), 3)!, /HyperVReplicaAzure provider/);
    assert.match(failoverRefusal(item('classicReadyToFailBack', { currentOperation: { scenarioName: 'UnplannedFailover' } }), 3)!, /is busy: Site Recovery is running "Failover"/);
  });
  it('splits a selection into ready and refused', () => {
    const a = item('classicReadyToFailBack');
    const b = item('classicToAzure');
    const result = precheckFailover([a, b], new Map([[a.id, 2], [b.id, 2]]));
    assert.deepEqual(result.ready.map((i) => i.name), ['classicReadyToFailBack']);
    assert.equal(result.refused.length, 1);
  });
  it('refuses a plan when any VM has no recovery point', () => {
    const a = item('classicReadyToFailBack', { name: 'a', id: 'A' });
    const b = item('classicReadyToFailBack', { name: 'b', id: 'B', friendlyName: 'vm-b' });
    const plan: RecoveryPlanInfo = { id: 'p', name: 'p', friendlyName: 'plan', vault, replicationProviders: ['InMage'], allowedOperations: ['UnplannedFailover'], groups: [{ groupType: 'Boot', itemIds: ['A', 'B'] }] };
    assert.deepEqual(planFailoverRefusals(plan, [a, b], new Map([['A', 1], ['B', 1]])), []);
    const reasons = planFailoverRefusals(plan, [a, b], new Map([['A', 1], ['B', 0]]));
    assert.equal(reasons.length, 1);
    assert.match(reasons[0], /vm-b has no recovery point/);
  });
  it('commit and reprotect follow what Site Recovery allows', () => {
    assert.equal(actionRefusal(item('classicAwaitingCommit'), 'commit'), undefined);
    assert.match(actionRefusal(item('classicReadyToFailBack'), 'commit')!, /no failover to commit/);
    assert.equal(actionRefusal(item('modernCommitted'), 'reprotect'), undefined);
    // Recorded: a modernized failback is reprotected before commit; a classic one is not.
    assert.equal(actionRefusal(item('modernAwaitingCommit'), 'reprotect'), undefined);
    assert.match(actionRefusal(item('classicAwaitingCommit'), 'reprotect')!, /must be committed before/);
    assert.match(actionRefusal(item('modernInAzureCommitted'), 'reprotect')!, /runs in Azure: reprotect it to on-premises/);
  });
});
