import assert from 'node:assert/strict';
import { ASR_ERROR_CODES } from '../../../src/simulator/index';
import { failbackClassic } from '../../../src/simulator/scenarios/failback-classic';
import { CLASSIC, clients, collect, createSim, FAST_POLL, itemPath, MODERN, vaultPath, whileAdvancing } from './helpers';
import { azureVm, azureVmNames, finished, get, jobCount, networkId, noDrillWarning, post, tfoBody } from './towards-azure-helpers';

const { vault, rg, fabric, container } = CLASSIC;
const ISOLATED = 'vnet-dr-drill-isolated';

describe('simulator: test failover of a VM replicating to Azure', function () {
  it('refuses what real clients get wrong, with ARM 400s and no job', async () => {
    const sim = createSim();
    const isolated = networkId(sim, rg, ISOLATED);
    const tfo = (name: string, body: unknown) => post(sim, `${itemPath(sim, name)}/testFailover`, body);
    const v2 = { instanceType: 'InMageAzureV2' };
    const jobs = await jobCount(sim, CLASSIC);
    const cases: [string, unknown, number, string][] = [
      ['no networkId', tfoBody(undefined, v2), 400, ASR_ERROR_CODES.missingProviderInputField],
      ['a network that does not exist', tfoBody(networkId(sim, rg, 'vnet-gone'), v2), 400, ASR_ERROR_CODES.invalidTestNetwork],
      ['a network of another subscription', tfoBody(isolated.replace(sim.subscriptionId, '99999999-2222-3333-4444-555555555555'), v2), 400, ASR_ERROR_CODES.invalidTestNetwork],
      ['a subnet id instead of a network id', tfoBody(`${isolated}/subnets/default`, v2), 400, ASR_ERROR_CODES.invalidTestNetwork],
      ['a network outside the vault region', tfoBody(networkId(sim, rg, 'vnet-branch-eastus'), v2), 400, ASR_ERROR_CODES.invalidTestNetwork],
      ['networkType NoNetworkAttachAsInput', tfoBody(isolated, v2, { networkType: 'NoNetworkAttachAsInput' }), 400, ASR_ERROR_CODES.invalidTestNetwork],
      ['InMageRcm input for a classic VM', tfoBody(isolated, { instanceType: 'InMageRcm', networkId: isolated }), 400, ASR_ERROR_CODES.invalidProviderInput],
      ['RecoveryToPrimary', tfoBody(isolated, v2, { failoverDirection: 'RecoveryToPrimary' }), 400, ASR_ERROR_CODES.invalidFailoverDirection],
      ['an unknown recovery point', tfoBody(isolated, { ...v2, recoveryPointId: 'nope' }), 400, ASR_ERROR_CODES.unknownRecoveryPoint],
    ];
    for (const [what, body, status, code] of cases) {
      const res = await tfo('ops-win-11', body);
      assert.equal(res.status, status, what);
      assert.equal(res.json?.error.code, code, `${what}: ${res.json?.error.message}`);
      assert.ok(res.json?.error.message && res.json.error.recommendedAction, what);
    }
    const eastus = await tfo('ops-win-11', tfoBody(networkId(sim, rg, 'vnet-branch-eastus'), v2));
    assert.match(eastus.json?.error.message, /'eastus', not in the vault's region 'westeurope'/);
    // A VM failing back from Azure has no test failover.
    assert.equal((await tfo('app-lnx-01', tfoBody(isolated, { instanceType: 'InMage' }))).json?.error.code, ASR_ERROR_CODES.operationNotAllowed);
    assert.equal(await jobCount(sim, CLASSIC), jobs, 'no job for a refused request');
    sim.dispose();
  });

  it('refuses a VM without recovery points', async () => {
    const scenario = structuredClone(failbackClassic);
    scenario.vaults[0].items.find((i) => i.name === 'ops-win-11')!.recoveryPoints = null;
    const sim = createSim({ scenario });
    const res = await post(sim, `${itemPath(sim, 'ops-win-11')}/testFailover`, tfoBody(networkId(sim, rg, ISOLATED), { instanceType: 'InMageAzureV2' }));
    assert.equal(res.status, 400);
    assert.equal(res.json?.error.code, ASR_ERROR_CODES.noRecoveryPoint);
    sim.dispose();
  });

  it('classic (SDK, V2ATFOJob.012 shape): the test VM runs in the isolated network until the cleanup deletes it; the drill warning goes', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    const isolated = networkId(sim, rg, ISOLATED);
    const points = await collect(asr.recoveryPoints.listByReplicationProtectedItems(vault, rg, fabric, container, 'ops-win-11'));
    const point = points.find((p) => p.properties?.recoveryPointType === 'AppConsistent')!;
    assert.equal((await azureVm(sim, rg, 'ops-win-11-test')).status, 404, 'no test VM before');

    const item = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginTestFailoverAndWait(
        vault,
        rg,
        fabric,
        container,
        'ops-win-11',
        tfoBody(isolated, { instanceType: 'InMageAzureV2', recoveryPointId: point.id }) as never,
        FAST_POLL,
      ),
    );
    const p = item.properties as Record<string, any>;
    assert.equal(p.protectionState, 'Protected', 'replication goes on beside the test');
    assert.equal(p.testFailoverState, 'TestFailoverCompleted');
    assert.equal(p.testFailoverStateDescription, 'Test failover completed');
    assert.deepEqual(p.allowedOperations, ['TestFailoverCleanup', 'DisableProtection']);
    assert.ok(Math.abs(new Date(p.lastSuccessfulTestFailoverTime).getTime() - sim.now().getTime()) < 60 * 60_000);
    assert.equal(
      (p.healthErrors as { errorCode: string }[]).find((e) => e.errorCode === '161011'),
      undefined,
    );
    assert.equal(p.failoverHealth, 'Normal');
    assert.equal(p.providerSpecificDetails.selectedTfoAzureNetworkId, isolated);

    const job = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'TestFailover' and targetObjectName eq 'ops-win-11'" })))[0];
    const cd = job.properties?.customDetails as Record<string, any>;
    assert.equal(cd.instanceType, 'TestFailoverJobDetails');
    assert.equal(cd.testFailoverStatus, 'Active');
    assert.equal(cd.networkName, ISOLATED);
    assert.equal(cd.networkType, 'VmNetworkAsInput');
    assert.equal(cd.protectedItemDetails[0].testVmName, 'ops-win-11-test');
    assert.equal(cd.protectedItemDetails[0].testVmFriendlyName, 'ops-win-11-test');
    assert.equal(cd.protectedItemDetails[0].recoveryPointId, point.name);

    const vm = await azureVm(sim, rg, 'ops-win-11-test', true);
    assert.equal(vm.status, 200);
    assert.equal(vm.json!.type, 'Microsoft.Compute/virtualMachines');
    assert.equal(vm.json!.location, 'westeurope');
    assert.equal(vm.json!.properties.storageProfile.osDisk.osType, 'Windows');
    assert.ok(vm.json!.properties.instanceView.statuses.some((s: { code: string }) => s.code === 'PowerState/running'));
    assert.equal(vm.json!.simulatorDetails.networkId, isolated);
    assert.ok((await azureVmNames(sim, rg)).includes('ops-win-11-test'));

    const again = await post(sim, `${itemPath(sim, 'ops-win-11')}/testFailover`, tfoBody(isolated, { instanceType: 'InMageAzureV2' }));
    assert.equal(again.status, 400, 'a second test failover waits for the cleanup');
    assert.equal(again.json?.error.code, ASR_ERROR_CODES.operationNotAllowed);

    const cleaned = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginTestFailoverCleanupAndWait(vault, rg, fabric, container, 'ops-win-11', { properties: { comments: 'drill ok: app answered' } }, FAST_POLL),
    );
    assert.equal(cleaned.properties?.testFailoverState, 'MarkedForDeletion');
    assert.deepEqual(cleaned.properties?.allowedOperations, ['UnplannedFailover', 'DisableProtection', 'TestFailover']);
    assert.equal(cleaned.properties?.lastSuccessfulTestFailoverTime?.getTime(), new Date(p.lastSuccessfulTestFailoverTime).getTime());
    assert.equal((cleaned.properties?.providerSpecificDetails as Record<string, any>).selectedTfoAzureNetworkId, null, 'recorded null after the cleanup (V2ATFOJob.010)');
    const cleanup = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'TestFailoverCleanup'" })))[0];
    const ccd = cleanup.properties?.customDetails as Record<string, any>;
    assert.equal(ccd.comments, 'drill ok: app answered');
    assert.equal(ccd.testFailoverStatus, null);
    assert.deepEqual(
      cleanup.properties?.tasks?.map((t) => t.name),
      ['VmTfoCleanupPreflightsCheck', 'VmTfoEndFailover', 'VmTfoDeleteTestVm'],
    );
    assert.equal((await azureVm(sim, rg, 'ops-win-11-test')).status, 404, 'the cleanup deleted the test VM');
    sim.dispose();
  });

  it('a test failover cancelled before its test VM booted leaves no test VM and keeps the old drill time', async () => {
    const sim = createSim();
    const started = await post(sim, `${itemPath(sim, 'ops-lnx-12')}/testFailover`, tfoBody(networkId(sim, rg, ISOLATED), { instanceType: 'InMageAzureV2' }));
    assert.equal(started.status, 202);
    const job = new URL(started.headers['Azure-AsyncOperation']).pathname.split('/').pop();
    await sim.advance(3 * 60_000);
    assert.equal((await azureVm(sim, rg, 'ops-lnx-12-test')).status, 404, 'not booted yet (VmTfoBootTestVm creates it)');
    assert.equal((await post(sim, `${vaultPath(sim)}/replicationJobs/${job}/cancel`)).status, 202);
    await sim.advance(10 * 60_000);
    const item = await get(sim, itemPath(sim, 'ops-lnx-12'));
    assert.equal(item.properties.testFailoverState, 'None');
    assert.deepEqual(item.properties.allowedOperations, ['UnplannedFailover', 'DisableProtection', 'TestFailover']);
    assert.equal(Math.round((sim.now().getTime() - Date.parse(item.properties.lastSuccessfulTestFailoverTime)) / 86_400_000), 200, 'still the old drill');
    assert.equal((await azureVm(sim, rg, 'ops-lnx-12-test')).status, 404);
    sim.dispose();
  });

  it('modernized (TestV2ARCMTestFailover.012 / .1083 bodies): networkId repeated in the details, cleanup comments ""', async () => {
    const sim = createSim({ scenario: 'failback-modernized' });
    const isolated = networkId(sim, MODERN.rg, ISOLATED);
    const path = itemPath(sim, 'bill-win-11', MODERN);
    const before = await get(sim, path);
    assert.equal(noDrillWarning(before)?.errorCode, '161011');
    const job = await finished(sim, MODERN, await post(sim, `${path}/testFailover`, tfoBody(isolated, { instanceType: 'InMageRcm', networkId: isolated })));
    assert.equal(job.properties.state, 'Succeeded');
    assert.equal(job.properties.targetObjectId, before.properties.providerSpecificDetails.internalIdentifier);
    assert.deepEqual(
      job.properties.tasks.map((t: { taskId: string }) => t.taskId),
      ['TestFailoverPreflightChecksTask', 'BeginTestFailoverTask', 'PrepareTestProtectedEntitiesTask', 'BootTestProtectedEntitiesTask'],
    );
    assert.equal(job.properties.customDetails.protectedItemDetails[0].testVmName, 'bill-win-11-test');
    const after = await get(sim, path);
    assert.equal(noDrillWarning(after), undefined, 'the 161011 warning is gone once a test failover succeeded');
    assert.equal(after.properties.failoverHealth, 'Normal');
    assert.equal(after.properties.providerSpecificDetails.testNetworkId, isolated);
    assert.deepEqual(
      await azureVmNames(sim, MODERN.rg),
      ['bill-win-11-test', 'web-lnx-05', 'web-win-06', 'app-lnx-08', 'erp-lnx-01', 'erp-win-01', 'print-win-01', 'sql-lnx-01'].sort(),
    );
    const mismatch = await post(
      sim,
      `${itemPath(sim, 'bill-lnx-12', MODERN)}/testFailover`,
      tfoBody(isolated, { instanceType: 'InMageRcm', networkId: networkId(sim, MODERN.rg, 'nope') }),
    );
    assert.equal(mismatch.json?.error.code, ASR_ERROR_CODES.invalidTestNetwork, 'the network repeated in the details is checked too');

    const cleanup = await finished(sim, MODERN, await post(sim, `${path}/testFailoverCleanup`, { properties: { comments: '' } }));
    assert.equal(cleanup.properties.customDetails.comments, '');
    assert.equal(cleanup.properties.customDetails.networkName, null);
    assert.equal((await azureVm(sim, MODERN.rg, 'bill-win-11-test')).status, 404);
    assert.equal((await get(sim, path)).properties.testFailoverState, 'MarkedForDeletion');
    sim.dispose();
  });
});
