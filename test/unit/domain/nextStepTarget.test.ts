import assert from 'node:assert/strict';
import type { JobInfo } from '../../../src/domain/model';
import { isPlanTarget, nextStepTarget, planOfJobTarget } from '../../../src/domain/nextStepTarget';

const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const plan = (name: string, friendlyName = name) => ({ id: `${vault.id}/replicationRecoveryPlans/${name}`, name, friendlyName });
const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'id', name: 'job-1', vault, scenarioName: 'UnplannedFailover', friendlyName: 'Failover', state: 'Succeeded', allowedActions: [], tasks: [], errors: [], ...over,
});

describe('next-step target of a job', () => {
  it('says whether the job acted on a plan', () => {
    assert.equal(isPlanTarget(nextStepTarget(job({ targetObjectId: 'p1', targetObjectName: 'Plan 1', targetInstanceType: 'RecoveryPlan' }))), true);
    assert.equal(isPlanTarget(nextStepTarget(job({ targetObjectId: 'vm-guid', targetObjectName: 'app-lnx-01', targetInstanceType: 'ProtectionEntity' }))), false);
    assert.equal(isPlanTarget({ jobTarget: 'p1', jobTargetType: 'RecoveryPlan' }), false, 'no vault: not a next-step target');
    assert.equal(isPlanTarget(undefined), false);
  });

  it('finds the plan by ARM id or name, else by a friendly name only one plan has', () => {
    const plans = [plan('plan-a', 'Tier A'), plan('plan-b', 'Shared'), plan('plan-c', 'Shared')];
    const target = (jobTarget: string, jobTargetName?: string) => ({ jobTarget, jobTargetName, jobTargetType: 'RecoveryPlan', vaultId: vault.id });
    assert.equal(planOfJobTarget(plans, target('PLAN-B', 'Tier A')), plans[1], 'the id decides over the name');
    assert.equal(planOfJobTarget(plans, target(plans[2].id.toUpperCase())), plans[2]);
    assert.equal(planOfJobTarget(plans, target('4f0c…internal', 'Tier A')), plans[0]);
    assert.equal(planOfJobTarget(plans, target('4f0c…internal', 'Shared')), undefined, 'two plans share the name: neither is guessed');
    assert.equal(planOfJobTarget(plans, target('4f0c…internal')), undefined);
  });
});
