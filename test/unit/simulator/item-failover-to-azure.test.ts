import assert from 'node:assert/strict';
import { ASR_ERROR_CODES, type SiteRecoverySimulator } from '../../../src/simulator/index';
import { CLASSIC, createSim, itemPath, MODERN, vaultPath } from './helpers';
import { azureVm, finished, get, jobCount, networkId, noDrillWarning, post, tfoBody } from './towards-azure-helpers';

/** Recorded failover bodies: V2AFailoverJob.010 (classic) and TestV2ARCMFailover.012 (modernized). */
const classicFailover = (extra: Record<string, unknown> = {}, sourceSiteOperations = 'NotRequired') => ({
  properties: { failoverDirection: 'PrimaryToRecovery', sourceSiteOperations, providerSpecificDetails: { instanceType: 'InMageAzureV2', ...extra } },
});
const modernFailover = (performShutdown: 'True' | 'False') => ({
  properties: { failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'NotRequired', providerSpecificDetails: { instanceType: 'InMageRcm', performShutdown } },
});

async function step(sim: SiteRecoverySimulator, v: typeof CLASSIC | typeof MODERN, path: string, operation: string, body?: unknown) {
  const job = await finished(sim, v, await post(sim, `${path}/${operation}`, body));
  assert.equal(job.properties.state, 'Succeeded', `${operation}: ${JSON.stringify(job.properties.errors)}`);
  return job;
}

describe('simulator: failover to Azure of a VM running on-premises', function () {
  it('classic replication group: a member alone is refused test failover and failover (assumed), with its group and plan named', async () => {
    const sim = createSim();
    const isolated = networkId(sim, CLASSIC.rg, 'vnet-dr-drill-isolated');
    const jobs = await jobCount(sim, CLASSIC);
    for (const [operation, body] of [
      ['testFailover', tfoBody(isolated, { instanceType: 'InMageAzureV2' })],
      ['unplannedFailover', classicFailover()],
    ] as const) {
      const res = await post(sim, `${itemPath(sim, 'pay-db-13')}/${operation}`, body);
      assert.equal(res.status, 400, operation);
      assert.equal(res.json?.error.code, ASR_ERROR_CODES.replicationGroupMember);
      assert.match(res.json?.error.message, /'pay-db-13' alone: it is in the replication group 'payroll-tier'.*through their recovery plan/);
      assert.match(res.json?.error.recommendedAction, /recovery plan 'dr-payroll'/);
    }
    assert.equal(await jobCount(sim, CLASSIC), jobs);
    // Alone (multiVmGroupName = multiVmGroupId): accepted. Modernized groups and the classic failback are not refused.
    assert.equal((await post(sim, `${itemPath(sim, 'ops-win-11')}/unplannedFailover`, classicFailover())).status, 202);
    const modern = createSim({ scenario: 'failback-modernized' });
    assert.equal((await post(modern, `${itemPath(modern, 'bill-lnx-12', MODERN)}/unplannedFailover`, modernFailover('False'))).status, 202);
    const failback = {
      properties: {
        failoverDirection: 'PrimaryToRecovery',
        sourceSiteOperations: 'NotRequired',
        providerSpecificDetails: { instanceType: 'InMage', recoveryPointType: 'LatestTime' },
      },
    };
    assert.equal((await post(sim, `${itemPath(sim, 'app-lnx-01')}/unplannedFailover`, failback)).status, 202);
    modern.dispose();
    sim.dispose();
  });

  it('classic: sourceSiteOperations "Required" shuts the on-premises VM down before the failover; "NotRequired" (recorded) skips it', async () => {
    for (const sourceSide of ['Required', 'NotRequired']) {
      const sim = createSim();
      const path = itemPath(sim, 'ops-lnx-12');
      const points = (await get(sim, `${path}/recoveryPoints`)).value as { name: string; id: string }[];
      const res = await post(sim, `${path}/unplannedFailover`, classicFailover({ recoveryPointId: points[2].id }, sourceSide));
      assert.equal(res.status, 202);
      await sim.advance(100_000);
      const mid = await get(sim, path);
      assert.equal(mid.properties.simulatorDetails.onPremisesVmPowerState, sourceSide === 'Required' ? 'Off' : 'Running', sourceSide);
      assert.equal((await azureVm(sim, CLASSIC.rg, 'ops-lnx-12')).status, 404, 'no Azure VM before the failover task');
      const job = await finished(sim, CLASSIC, res);
      assert.deepEqual(
        job.properties.tasks.map((t: { taskId: string; state: string }) => [t.taskId, t.state]),
        [
          ['UnplannedFailoverPreflightChecksTask', 'Succeeded'],
          ['ShutdownVmOnPrimaryForUFO', sourceSide === 'Required' ? 'Succeeded' : 'Other'],
          ['PrepareForUnPlannedFailoverTask', sourceSide === 'Required' ? 'Succeeded' : 'Other'],
          ['FailoverTask', 'Succeeded'],
          ['StartVmOnSecondary', 'Succeeded'],
        ],
      );
      assert.equal(job.properties.customDetails.protectedItemDetails[0].recoveryPointId, points[2].name);
      const item = (await get(sim, path)).properties;
      assert.equal(item.protectionState, 'UnplannedFailoverCommitPendingStatesBegin');
      assert.equal(item.activeLocation, 'Recovery');
      assert.ok(item.allowedOperations.includes('Commit'));
      assert.ok(item.failoverRecoveryPointId.endsWith(`/recoveryPoints/${points[2].name}`));
      const vm = await azureVm(sim, CLASSIC.rg, 'ops-lnx-12', true);
      assert.equal(vm.status, 200, 'the failed-over VM runs in Azure');
      assert.ok(vm.json!.properties.instanceView.statuses.some((s: { code: string }) => s.code === 'PowerState/running'));
      assert.equal(vm.json!.properties.storageProfile.osDisk.osType, 'Linux');
      sim.dispose();
    }
  });

  it('modernized: performShutdown "True" shuts the on-premises VM down first (the recorded "False" skips the task)', async () => {
    for (const shutdown of ['True', 'False'] as const) {
      const sim = createSim({ scenario: 'failback-modernized' });
      const path = itemPath(sim, 'bill-win-11', MODERN);
      const res = await post(sim, `${path}/unplannedFailover`, modernFailover(shutdown));
      assert.equal(res.status, 202);
      await sim.advance(100_000);
      const mid = (await get(sim, path)).properties;
      assert.equal(mid.providerSpecificDetails.discoveredVmDetails.powerStatus, shutdown === 'True' ? 'OFF' : 'ON');
      const job = await finished(sim, MODERN, res);
      assert.equal(job.properties.tasks[1].friendlyName, 'Shut down the virtual machine', 'as recorded (TestV2ARCMFailover.1121)');
      assert.equal(job.properties.tasks[1].state, shutdown === 'True' ? 'Succeeded' : 'Other');
      assert.equal((await get(sim, path)).properties.protectionState, 'UnplannedFailoverCommitPendingStatesBegin');
      assert.equal((await azureVm(sim, MODERN.rg, 'bill-win-11')).status, 200);
      sim.dispose();
    }
  });

  it('modernized, the whole cycle: drill, failover, commit, reprotect, failback, commit (Azure VM gone), reprotect to Azure (drill warning back)', async () => {
    const sim = createSim({ scenario: 'failback-modernized', agentRegistrationMinutes: 0 });
    const path = itemPath(sim, 'bill-win-11', MODERN);
    const policy = (name: string) => `${vaultPath(sim, MODERN as never)}/replicationPolicies/${name}`;
    const isolated = networkId(sim, MODERN.rg, 'vnet-dr-drill-isolated');
    const state = async () => (await get(sim, path)).properties;

    await step(sim, MODERN, path, 'testFailover', tfoBody(isolated, { instanceType: 'InMageRcm', networkId: isolated }));
    await step(sim, MODERN, path, 'testFailoverCleanup', { properties: { comments: 'drill' } });
    await step(sim, MODERN, path, 'unplannedFailover', modernFailover('False'));
    await step(sim, MODERN, path, 'failoverCommit');
    assert.equal((await state()).protectionState, 'UnplannedFailoverCommitted');
    await step(sim, MODERN, path, 'reProtect', {
      properties: {
        failoverDirection: 'RecoveryToPrimary',
        providerSpecificDetails: {
          instanceType: 'InMageRcm',
          reprotectAgentId: MODERN.agent,
          datastoreName: 'datastore1',
          logStorageAccountId: `/subscriptions/${sim.subscriptionId}/resourceGroups/${MODERN.rg}/providers/Microsoft.Storage/storageAccounts/asrcachelogs`,
          policyId: policy('failback-policy-rcm'),
        },
      },
    });
    assert.equal((await state()).providerSpecificDetails.instanceType, 'InMageRcmFailback');
    assert.equal((await azureVm(sim, MODERN.rg, 'bill-win-11')).status, 200, 'the VM runs in Azure while it replicates back');
    await step(sim, MODERN, path, 'plannedFailover', { properties: { providerSpecificDetails: { instanceType: 'InMageRcmFailback', recoveryPointType: 'CrashConsistent' } } });
    const stopped = await azureVm(sim, MODERN.rg, 'bill-win-11', true);
    assert.ok(
      stopped.json!.properties.instanceView.statuses.some((s: { code: string }) => s.code === 'PowerState/deallocated'),
      'failed back: the Azure VM is shut down',
    );
    await step(sim, MODERN, path, 'failoverCommit');
    assert.equal((await azureVm(sim, MODERN.rg, 'bill-win-11')).status, 404, 'the committed failback deleted the Azure VM');
    await step(sim, MODERN, path, 'reProtect', {
      properties: { providerSpecificDetails: { instanceType: 'InMageRcmFailback', processServerId: MODERN.ps, policyId: policy('replication-policy-rcm') } },
    });
    const again = await get(sim, path);
    assert.equal(again.properties.providerSpecificDetails.instanceType, 'InMageRcm');
    assert.equal(again.properties.protectionState, 'Protected');
    assert.deepEqual(again.properties.allowedOperations, ['UnplannedFailover', 'DisableProtection', 'TestFailover']);
    assert.equal(again.properties.lastSuccessfulTestFailoverTime, null, 'a new replication has had no test failover');
    assert.equal(noDrillWarning(again)?.errorCode, '161011');
    sim.dispose();
  });

  it('classic: disabling replication of a VM failed over to Azure keeps its Azure VM', async () => {
    const sim = createSim();
    const path = itemPath(sim, 'ops-win-11');
    await step(sim, CLASSIC, path, 'unplannedFailover', classicFailover());
    await step(sim, CLASSIC, path, 'failoverCommit');
    await step(sim, CLASSIC, path, 'remove', { properties: { disableProtectionReason: 'MigrationComplete' } });
    const vm = await azureVm(sim, CLASSIC.rg, 'ops-win-11');
    assert.equal(vm.status, 200);
    assert.equal(vm.json!.simulatorDetails.replicatedItemName, null);
    sim.dispose();
  });
});
