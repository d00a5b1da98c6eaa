import assert from 'node:assert/strict';
import { ASR_ERROR_CODES } from '../../../src/simulator/index';
import { CLASSIC, clients, createSim, FAST_POLL, itemPath, MODERN, vaultPath, whileAdvancing } from './helpers';
import { azureVm, azureVmNames, finished, get, jobCount, networkId, post } from './towards-azure-helpers';

/** Plan bodies as Start-AzRecoveryServicesAsrTestFailoverJob / ...UnplannedFailoverJob send them. */
const planTfo = (networkId: string | undefined, details: Record<string, unknown>, failoverDirection = 'PrimaryToRecovery') => ({
  properties: { failoverDirection, networkType: 'VmNetworkAsInput', ...(networkId ? { networkId } : {}), providerSpecificDetails: [details] },
});
const planUfo = (details: Record<string, unknown>, sourceSiteOperations = 'NotRequired', failoverDirection = 'PrimaryToRecovery') => ({
  properties: { failoverDirection, sourceSiteOperations, providerSpecificDetails: [details] },
});

describe('simulator: recovery plans replicating to Azure', function () {
  it('refuses plan inputs of the wrong provider, direction, point type, sync flag, source-side value or network', async () => {
    const sim = createSim();
    const modern = createSim({ scenario: 'failback-modernized' });
    const classicPlan = `${vaultPath(sim)}/replicationRecoveryPlans/dr-payroll`;
    const modernPlan = `${vaultPath(modern, MODERN as never)}/replicationRecoveryPlans/dr-billing`;
    const net = networkId(sim, CLASSIC.rg, 'vnet-dr-drill-isolated');
    const modernNet = networkId(modern, MODERN.rg, 'vnet-dr-drill-isolated');
    const v2 = { instanceType: 'InMageAzureV2', recoveryPointType: 'Latest' };
    const rcm = { instanceType: 'InMageRcm', recoveryPointType: 'Latest', useMultiVmSyncPoint: 'False' };
    const cases: [string, typeof sim, string, unknown, string][] = [
      ['InMageRcm input for a classic plan', sim, `${classicPlan}/testFailover`, planTfo(net, { ...rcm }), ASR_ERROR_CODES.invalidProviderInput],
      ['RecoveryToPrimary', sim, `${classicPlan}/testFailover`, planTfo(net, v2, 'RecoveryToPrimary'), ASR_ERROR_CODES.invalidFailoverDirection],
      [
        'no direction',
        sim,
        `${classicPlan}/unplannedFailover`,
        { properties: { sourceSiteOperations: 'NotRequired', providerSpecificDetails: [v2] } },
        ASR_ERROR_CODES.invalidFailoverDirection,
      ],
      [
        'LatestCrashConsistent for InMageAzureV2',
        sim,
        `${classicPlan}/testFailover`,
        planTfo(net, { ...v2, recoveryPointType: 'LatestCrashConsistent' }),
        ASR_ERROR_CODES.missingProviderInputField,
      ],
      [
        'the classic failback type LatestTime',
        sim,
        `${classicPlan}/unplannedFailover`,
        planUfo({ ...v2, recoveryPointType: 'LatestTime' }),
        ASR_ERROR_CODES.missingProviderInputField,
      ],
      ['no network', sim, `${classicPlan}/testFailover`, planTfo(undefined, v2), ASR_ERROR_CODES.missingProviderInputField],
      ['a network that does not exist', sim, `${classicPlan}/testFailover`, planTfo(`${net}-gone`, v2), ASR_ERROR_CODES.invalidTestNetwork],
      ['sourceSiteOperations "Sometimes"', sim, `${classicPlan}/unplannedFailover`, planUfo(v2, 'Sometimes'), ASR_ERROR_CODES.invalidProviderInput],
      ['InMageAzureV2 input for a modernized plan', modern, `${modernPlan}/testFailover`, planTfo(modernNet, v2), ASR_ERROR_CODES.invalidProviderInput],
      [
        'ApplicationConsistent (a failback type)',
        modern,
        `${modernPlan}/unplannedFailover`,
        planUfo({ ...rcm, recoveryPointType: 'ApplicationConsistent' }),
        ASR_ERROR_CODES.missingProviderInputField,
      ],
      ['useMultiVmSyncPoint "Yes"', modern, `${modernPlan}/testFailover`, planTfo(modernNet, { ...rcm, useMultiVmSyncPoint: 'Yes' }), ASR_ERROR_CODES.invalidProviderInput],
      ['nothing to clean up', modern, `${modernPlan}/testFailoverCleanup`, { properties: { comments: '' } }, ASR_ERROR_CODES.operationNotAllowed],
      ['nothing to commit', modern, `${modernPlan}/failoverCommit`, undefined, ASR_ERROR_CODES.operationNotAllowed],
    ];
    const before = [await jobCount(sim, CLASSIC), await jobCount(modern, MODERN)];
    for (const [what, s, path, body, code] of cases) {
      const res = await post(s, path, body);
      assert.equal(res.status, 400, what);
      assert.equal(res.json?.error.code, code, `${what}: ${res.json?.error.message}`);
    }
    assert.deepEqual([await jobCount(sim, CLASSIC), await jobCount(modern, MODERN)], before, 'no job for a refused request');
    sim.dispose();
    modern.dispose();
  });

  it('classic plan test failover (SDK): one plan job, a test VM per VM at the group common point, cleanup allowed, then cleaned up', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    const { vault, rg } = CLASSIC;
    const net = networkId(sim, rg, 'vnet-dr-drill-isolated');
    const plan = await whileAdvancing(
      sim,
      asr.replicationRecoveryPlans.beginTestFailoverAndWait(
        vault,
        rg,
        'dr-payroll',
        planTfo(net, { instanceType: 'InMageAzureV2', recoveryPointType: 'LatestApplicationConsistent' }) as never,
        FAST_POLL,
      ),
    );
    assert.deepEqual(plan.properties?.allowedOperations, ['TestFailoverCleanup']);
    assert.ok(plan.properties?.lastTestFailoverTime, 'the plan records its test failover');
    const jobs = (await get(sim, `${vaultPath(sim)}/replicationJobs?$filter=${encodeURIComponent("targetInstanceType eq 'RecoveryPlan'")}`)).value;
    const job = jobs[0].properties;
    assert.equal(job.scenarioName, 'TestFailover');
    assert.equal(job.targetObjectName, 'dr-payroll');
    assert.equal(job.state, 'Succeeded');
    assert.equal(job.customDetails.instanceType, 'TestFailoverJobDetails');
    assert.equal(job.customDetails.networkName, 'vnet-dr-drill-isolated');
    const details = job.customDetails.protectedItemDetails as Record<string, string>[];
    assert.deepEqual(details.map((d) => d.testVmName).sort(), ['pay-app-14-test', 'pay-db-13-test']);
    assert.equal(details[0].recoveryPointTime, details[1].recoveryPointTime, 'the replication group recovers to its common app-consistent point');
    assert.ok(job.tasks.some((t: { friendlyName: string }) => t.friendlyName === 'Creating test virtual machine (pay-app-14)'));
    assert.deepEqual(await azureVmNames(sim, rg), ['app-lnx-01', 'app-win-01', 'db-lnx-01', 'erp-win-05', 'file-win-01', 'pay-app-14-test', 'pay-db-13-test', 'web-lnx-02']);
    for (const name of ['pay-db-13', 'pay-app-14']) {
      const item = await get(sim, itemPath(sim, name));
      assert.equal(item.properties.testFailoverState, 'TestFailoverCompleted', name);
      assert.ok(!item.properties.healthErrors.some((e: { errorCode: string }) => e.errorCode === '161011'), name);
    }

    const cleaned = await whileAdvancing(
      sim,
      asr.replicationRecoveryPlans.beginTestFailoverCleanupAndWait(vault, rg, 'dr-payroll', { properties: { comments: 'payroll drill passed' } }, FAST_POLL),
    );
    assert.deepEqual(cleaned.properties?.allowedOperations, ['UnplannedFailover', 'TestFailover']);
    const cleanup = (await get(sim, `${vaultPath(sim)}/replicationJobs?$filter=${encodeURIComponent("scenarioName eq 'TestFailoverCleanup'")}`)).value[0].properties;
    assert.equal(cleanup.targetInstanceType, 'RecoveryPlan');
    assert.equal(cleanup.customDetails.comments, 'payroll drill passed');
    assert.equal((await azureVm(sim, rg, 'pay-db-13-test')).status, 404);
    assert.equal((await azureVm(sim, rg, 'pay-app-14-test')).status, 404);
    sim.dispose();
  });

  it('classic plan failover to Azure with sourceSiteOperations "Required": VMs shut down on-premises, run in Azure; the plan offers Commit', async () => {
    const sim = createSim();
    const planPath = `${vaultPath(sim)}/replicationRecoveryPlans/dr-payroll`;
    const job = await finished(sim, CLASSIC, await post(sim, `${planPath}/unplannedFailover`, planUfo({ instanceType: 'InMageAzureV2', recoveryPointType: 'Latest' }, 'Required')));
    assert.equal(job.properties.state, 'Succeeded');
    assert.equal(job.properties.scenarioName, 'UnplannedFailover');
    const shutdowns = job.properties.tasks.filter((t: { name: string }) => t.name === 'VmShutdownVmOnPrimary');
    assert.deepEqual(
      shutdowns.map((t: { state: string }) => t.state),
      ['Succeeded', 'Succeeded'],
    );
    const plan = (await get(sim, planPath)).properties;
    assert.ok(plan.allowedOperations.includes('Commit'));
    assert.ok(!plan.allowedOperations.includes('TestFailover'));
    assert.ok(plan.lastUnplannedFailoverTime);
    for (const name of ['pay-db-13', 'pay-app-14']) {
      const item = (await get(sim, itemPath(sim, name))).properties;
      assert.equal(item.protectionState, 'UnplannedFailoverCommitPendingStatesBegin', name);
      assert.equal(item.simulatorDetails.onPremisesVmPowerState, 'Off');
      assert.equal((await azureVm(sim, CLASSIC.rg, name)).status, 200, `${name} runs in Azure`);
    }
    const commit = await finished(sim, CLASSIC, await post(sim, `${planPath}/failoverCommit`));
    assert.equal(commit.properties.state, 'Succeeded');
    assert.equal((await get(sim, itemPath(sim, 'pay-app-14'))).properties.protectionState, 'UnplannedFailoverCommitted');
    sim.dispose();
  });

  it('modernized plan: useMultiVmSyncPoint "True" drills the group at its common point; failover NotRequired skips shutdowns; commit', async () => {
    for (const sync of ['True', 'False'] as const) {
      const sim = createSim({ scenario: 'failback-modernized' });
      const planPath = `${vaultPath(sim, MODERN as never)}/replicationRecoveryPlans/dr-billing`;
      const net = networkId(sim, MODERN.rg, 'vnet-dr-drill-isolated');
      const tfo = await finished(
        sim,
        MODERN,
        await post(sim, `${planPath}/testFailover`, planTfo(net, { instanceType: 'InMageRcm', recoveryPointType: 'LatestApplicationConsistent', useMultiVmSyncPoint: sync })),
      );
      const time = (vm: string) => (tfo.properties.customDetails.protectedItemDetails as Record<string, string>[]).find((d) => d.friendlyName === vm)!.recoveryPointTime;
      // bill-db-13's newest app-consistent point lags an hour behind bill-lnx-12's.
      assert.equal(time('bill-lnx-12') === time('bill-db-13'), sync === 'True', `useMultiVmSyncPoint ${sync}`);
      assert.deepEqual((await get(sim, planPath)).properties.allowedOperations, ['TestFailoverCleanup']);
      await finished(sim, MODERN, await post(sim, `${planPath}/testFailoverCleanup`, { properties: { comments: '' } }));
      const ufo = await finished(
        sim,
        MODERN,
        await post(sim, `${planPath}/unplannedFailover`, planUfo({ instanceType: 'InMageRcm', recoveryPointType: 'LatestCrashConsistent', useMultiVmSyncPoint: sync })),
      );
      assert.ok(
        ufo.properties.tasks.filter((t: { name: string }) => t.name === 'VmShutdownVmOnPrimary').every((t: { state: string }) => t.state === 'Other'),
        'no shutdown asked',
      );
      const offered = (await get(sim, planPath)).properties.allowedOperations as string[];
      assert.ok(offered.includes('Commit') && !offered.includes('TestFailover') && !offered.includes('UnplannedFailover'), offered.join());
      assert.equal((await azureVm(sim, MODERN.rg, 'bill-win-11')).status, 200);
      await finished(sim, MODERN, await post(sim, `${planPath}/failoverCommit`));
      const item = (await get(sim, itemPath(sim, 'bill-db-13', MODERN))).properties;
      assert.equal(item.protectionState, 'UnplannedFailoverCommitted');
      sim.dispose();
    }
  });
});
