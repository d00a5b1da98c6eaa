import assert from 'node:assert/strict';
import type { JobInfo } from '../../../src/domain/model';
import { isItemJobTarget, isPlanTarget, itemOfJobTarget, nextStepTarget, planOfJobTarget } from '../../../src/domain/nextStepTarget';

const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const plan = (name: string, friendlyName = name) => ({ id: `${vault.id}/replicationRecoveryPlans/${name}`, name, friendlyName });
const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'id',
  name: 'job-1',
  vault,
  scenarioName: 'UnplannedFailover',
  friendlyName: 'Failover',
  state: 'Succeeded',
  allowedActions: [],
  tasks: [],
  errors: [],
  ...over,
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

  it('says whether the job acted on a VM', () => {
    assert.equal(isItemJobTarget(nextStepTarget(job({ targetObjectId: 'vm-guid', targetObjectName: 'app-lnx-01', targetInstanceType: 'ProtectionEntity' }))), true);
    assert.equal(isItemJobTarget(nextStepTarget(job({ targetObjectId: 'p1', targetObjectName: 'Plan 1', targetInstanceType: 'RecoveryPlan' }))), false);
    assert.equal(isItemJobTarget({ targetObjectId: 'vm-guid' }), false);
    assert.equal(isItemJobTarget(undefined), false);
  });

  describe('the VM a VM job acted on', () => {
    const other = { ...vault, vaultName: 'other', id: vault.id.replace(/v$/, 'other') };
    const vm = (name: string, friendlyName: string, vmId?: string, v = vault) => ({
      id: `${v.id}/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/${name}`,
      name,
      friendlyName,
      vmId,
      vault: v,
    });
    const items = [
      vm('rpi-1', 'db-lnx-01', '6A0F2C1E-0000-4000-8000-000000000001'),
      vm('rpi-2', 'web-lnx-02'),
      vm('rpi-3', 'shared'),
      vm('rpi-4', 'shared'),
      vm('rpi-5', 'elsewhere', '6a0f2c1e-0000-4000-8000-000000000005', other),
      vm('rpi-6', 'web-lnx-02', undefined, other),
    ];
    /** `vaultId: null`: a hint that names no vault. */
    const target = (jobTarget: string | undefined, jobTargetName?: string, vaultId: string | null = vault.id) => ({
      jobTarget,
      jobTargetName,
      jobTargetType: 'ProtectionEntity',
      vaultId: vaultId ?? undefined,
    });

    it('by ARM id or ARM name, case-insensitively', () => {
      assert.equal(itemOfJobTarget(items, target(items[1].id.toUpperCase())), items[1]);
      assert.equal(itemOfJobTarget(items, target('RPI-2', 'db-lnx-01')), items[1], 'the id decides over the name');
    });

    it('by the VM id Site Recovery names the target with, case-insensitively', () => {
      assert.equal(itemOfJobTarget(items, target('6a0f2c1e-0000-4000-8000-000000000001', 'db-lnx-01')), items[0]);
      assert.equal(itemOfJobTarget(items, target('6a0f2c1e-0000-4000-8000-000000000001')), items[0], 'without a name');
    });

    it('by a friendly name only one item of the vault carries', () => {
      assert.equal(itemOfJobTarget(items, target('4f0c…vm-guid', 'web-lnx-02')), items[1], 'the namesake in the other vault does not count');
      assert.equal(itemOfJobTarget(items, target('4f0c…vm-guid', 'shared')), undefined, 'two VMs share the name: neither is guessed');
      assert.equal(itemOfJobTarget(items, target('4f0c…vm-guid', 'no-such-vm')), undefined);
      assert.equal(itemOfJobTarget(items, target('4f0c…vm-guid', 'web-lnx-02'), { partial: true }), undefined, 'not while the vault may have more items');
      assert.equal(itemOfJobTarget(items, target('4f0c…vm-guid', 'db-lnx-01', null)), undefined, "not without the job's vault");
    });

    it("only in the job's vault", () => {
      assert.equal(itemOfJobTarget(items, target('6a0f2c1e-0000-4000-8000-000000000005', 'elsewhere')), undefined);
      assert.equal(itemOfJobTarget(items, target('rpi-5')), undefined);
      assert.equal(itemOfJobTarget(items, target('rpi-5', undefined, other.id.toUpperCase())), items[4]);
      assert.equal(itemOfJobTarget(items, target('6a0f2c1e-0000-4000-8000-000000000005', undefined, null)), items[4], 'any vault when the job names none');
    });
  });
});
