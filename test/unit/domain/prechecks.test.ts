import assert from 'node:assert/strict';
import { actionRefusal, failoverRefusal, planFailoverBlock, planFailoverRefusals, precheckFailover } from '../../../src/domain/prechecks';
import { planActions } from '../../../src/domain/actions';
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
    const result = precheckFailover(
      [a, b],
      new Map([
        [a.id, 2],
        [b.id, 2],
      ]),
    );
    assert.deepEqual(
      result.ready.map((i) => i.name),
      ['classicReadyToFailBack'],
    );
    assert.equal(result.refused.length, 1);
  });
  it('refuses a plan when any VM has no recovery point', () => {
    const a = item('classicReadyToFailBack', { name: 'a', id: 'A' });
    const b = item('classicReadyToFailBack', { name: 'b', id: 'B', friendlyName: 'vm-b' });
    const plan: RecoveryPlanInfo = {
      id: 'p',
      name: 'p',
      friendlyName: 'plan',
      vault,
      replicationProviders: ['InMage'],
      allowedOperations: ['UnplannedFailover'],
      groups: [{ groupType: 'Boot', itemIds: ['A', 'B'] }],
    };
    assert.deepEqual(
      planFailoverRefusals(
        plan,
        [a, b],
        new Map([
          ['A', 1],
          ['B', 1],
        ]),
      ),
      [],
    );
    const reasons = planFailoverRefusals(
      plan,
      [a, b],
      new Map([
        ['A', 1],
        ['B', 0],
      ]),
    );
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

describe('why a recovery plan cannot fail back', () => {
  const plan = (allowedOperations: string[], ids = ['A', 'B', 'C']): RecoveryPlanInfo => ({
    id: 'p',
    name: 'p',
    friendlyName: 'failback-erp',
    vault,
    replicationProviders: ['InMageRcmFailback'],
    allowedOperations,
    groups: [{ groupType: 'Boot', itemIds: ids }],
  });
  it('says "1 of 3 VMs already failed back" when one VM of a modernized plan is back and Failover left the menu', () => {
    // A modernized plan allows what every VM allows: one VM awaiting commit takes PlannedFailover away.
    const p = plan(['DisableProtection']);
    assert.ok(!planActions(p).includes('failover'));
    const members = [
      item('modernAwaitingCommit', { id: 'A', friendlyName: 'erp-lnx-01' }),
      item('modernReadyToFailBack', { id: 'B', friendlyName: 'erp-win-01' }),
      item('modernReadyToFailBack', { id: 'C', friendlyName: 'sql-lnx-01' }),
    ];
    const block = planFailoverBlock(p, members);
    assert.equal(block?.summary, '1 of 3 VMs already failed back');
    assert.deepEqual(block?.reasons, ['erp-lnx-01 has already failed back and awaits commit.']);
  });
  it('counts each reason, busy and not replicating home alike', () => {
    const members = [
      item('modernCommitted', { id: 'A' }),
      item('modernReadyToFailBack', { id: 'B', currentOperation: { scenarioName: 'DisableProtection' } }),
      item('modernInAzureCommitted', { id: 'C' }),
    ];
    assert.equal(planFailoverBlock(plan([]), members)?.summary, '1 of 3 VMs already failed back, 1 of 3 VMs busy, 1 of 3 VMs not replicating to on-premises');
  });
  it('says nothing when every VM can fail back, or while the plan itself is busy', () => {
    const ready = [item('modernReadyToFailBack', { id: 'A' }), item('modernReadyToFailBack', { id: 'B' }), item('modernReadyToFailBack', { id: 'C' })];
    assert.equal(planFailoverBlock(plan(['PlannedFailover']), ready), undefined);
    assert.equal(planFailoverBlock({ ...plan([]), currentOperation: { scenarioName: 'PlannedFailover' } }, [item('modernAwaitingCommit', { id: 'A' })]), undefined);
  });
});
