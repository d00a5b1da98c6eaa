import assert from 'node:assert/strict';
import { clients, collect, CLASSIC, createSim, FAST_POLL, MODERN, raw, vaultPath, whileAdvancing, itemPath } from './helpers';

describe('simulator: subscriptions, vaults, fabrics, paging, seed disks', function () {
  it('serves subscriptions, vaults, fabrics and containers to the real clients', async () => {
    const sim = createSim();
    const { asr, vaults, subscriptions } = clients(sim);
    const subs = await collect(subscriptions.subscriptions.list());
    assert.equal(subs[0].subscriptionId, sim.subscriptionId);
    const vs = await collect(vaults.vaults.listBySubscriptionId());
    assert.equal(vs[0].name, 'contoso-dr-vault');
    assert.equal(vs[0].properties?.provisioningState, 'Succeeded');
    assert.equal((await vaults.vaults.get(CLASSIC.rg, CLASSIC.vault)).location, 'westeurope');
    const fabrics = await collect(asr.replicationFabrics.list(CLASSIC.vault, CLASSIC.rg));
    const cs = fabrics.find((f) => f.name === CLASSIC.fabric)!.properties?.customDetails as Record<string, any>;
    assert.equal(cs.instanceType, 'VMware');
    assert.equal(cs.processServers.length, 2);
    // Recorded retention volumes are bare drive letters (v2aFailbackReprotect.003).
    assert.equal(cs.masterTargetServers[0].retentionVolumes[0].volumeName, 'R');
    assert.notEqual(cs.processServers[0].lastHeartbeat, '$recent');
    assert.ok(Date.now() - Date.parse(cs.processServers[0].lastHeartbeat) < 10 * 60_000, 'heartbeats are recent');
    const containers = await collect(asr.replicationProtectionContainers.listByReplicationFabrics(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric));
    assert.equal(containers[0].name, CLASSIC.container);
    const item = await asr.replicationProtectedItems.get(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'app-lnx-01');
    assert.ok(item.id?.startsWith('/Subscriptions/'));
    assert.deepEqual(item.properties?.currentScenario, {
      scenarioName: 'None',
      jobId: `${vaultPath(sim).replace('/subscriptions/', '/Subscriptions/')}/replicationJobs/None`,
      startTime: new Date('1753-01-01T01:01:01Z'),
    });
    sim.dispose();
  });

  it('pages 5,000 items: ceil(5000/pageSize) requests, every item once', async () => {
    const sim = createSim({ scenario: 'large', pageSize: 200 });
    const { asr } = clients(sim);
    const items = await collect(asr.replicationProtectedItems.list('large-vault', CLASSIC.rg));
    assert.equal(items.length, 5000);
    assert.equal(new Set(items.map((i) => i.name)).size, 5000);
    assert.equal(items[4999].name, 'vm-05000');
    assert.equal(sim.requestLog.filter((r) => r.path.endsWith('/replicationProtectedItems')).length, Math.ceil(5000 / 200));
    const committed = await collect(asr.replicationProtectedItems.list('large-vault', CLASSIC.rg, { filter: "protectionState eq 'UnplannedFailoverCommitted'" }));
    // Two of the seven mixed states are committed: InMage (failed back) and InMageAzureV2 (running in Azure).
    const committedInMix = Array.from({ length: 5000 }, (_, k) => k % 7).filter((k) => k === 4 || k === 6).length;
    assert.equal(committed.length, committedInMix);
    const v2 = await collect(asr.replicationProtectedItems.list('large-vault', CLASSIC.rg, { filter: "replicationProviderName eq 'InMageAzureV2'" }));
    assert.ok(v2.every((i) => i.properties?.providerSpecificDetails?.instanceType === 'InMageAzureV2') && v2.length > 0);
    sim.dispose();
  });

  it('disabling replication of a VM that replicates to Azure leaves its seed disks, named as recorded', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    const disksPath = `/subscriptions/${sim.subscriptionId}/resourceGroups/contoso-dr-rg/providers/Microsoft.Compute/disks`;
    const seedsOf = async (vm: string) =>
      ((await raw(sim, 'GET', `${disksPath}?api-version=2023-04-02`)).json!.value as { name: string; properties: Record<string, unknown> }[]).filter((d) =>
        d.name.startsWith(`asrseeddisk-${vm.replace(/-/g, '_').slice(0, 8)}-`),
      );
    // A replicating InMageAzureV2 item names its seed disks (protectedManagedDisks, as recorded); they exist.
    const live = (await raw(sim, 'GET', `${itemPath(sim, 'crm-lnx-04')}?api-version=2023-06-01`)).json!;
    const referenced: string[] = live.properties.providerSpecificDetails.protectedManagedDisks.map((d: { seedManagedDiskId: string }) => d.seedManagedDiskId.split('/').pop());
    assert.equal(referenced.length, 2);
    assert.deepEqual((await seedsOf('crm-lnx-04')).map((d) => d.name).sort(), [...referenced].sort());
    await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginDeleteAndWait(
        CLASSIC.vault,
        CLASSIC.rg,
        CLASSIC.fabric,
        CLASSIC.container,
        'crm-lnx-04',
        { properties: { disableProtectionReason: 'NotSpecified' } },
        FAST_POLL,
      ),
    );
    const items = await collect(asr.replicationProtectedItems.list(CLASSIC.vault, CLASSIC.rg));
    assert.ok(!items.some((i) => i.name === 'crm-lnx-04'));
    const left = await seedsOf('crm-lnx-04');
    assert.deepEqual(left.map((d) => d.name).sort(), [...referenced].sort());
    // Recorded pattern: asrseeddisk-<VM, 8 chars>-<disk, 8 chars>-<GUID> (TestV2ARCMRecoveryPlan.011).
    assert.ok(
      left.every((d) => /^asrseeddisk-crm_lnx_-devsd[ab]-[0-9a-f-]{36}$/.test(d.name)),
      left.map((d) => d.name).join(),
    );
    assert.equal(left[0].properties.diskState, 'Unattached');
    const del = await raw(sim, 'DELETE', `${disksPath}/${left[0].name}?api-version=2023-04-02`);
    assert.equal(del.status, 202);
    assert.ok(del.headers['Azure-AsyncOperation']);
    assert.equal((await raw(sim, 'GET', `${disksPath}/${left[0].name}?api-version=2023-04-02`)).status, 404);
    assert.equal((await raw(sim, 'GET', `${itemPath(sim, 'crm-lnx-04')}?api-version=2023-06-01`)).status, 404);
    sim.dispose();
  });

  it('a list answers with no disks, a GET names the seed disks (InMageRcm protectedDisks[].seedManagedDiskId)', async () => {
    const sim = createSim({ scenario: 'failback-modernized' });
    const { asr } = clients(sim);
    const listed = (await collect(asr.replicationProtectedItems.list(MODERN.vault, MODERN.rg))).find((i) => i.name === 'hr-lnx-07')!;
    assert.deepEqual((listed.properties?.providerSpecificDetails as Record<string, any>).protectedDisks, []);
    const got = await asr.replicationProtectedItems.get(MODERN.vault, MODERN.rg, MODERN.fabric, MODERN.container, 'hr-lnx-07');
    const ids: string[] = (got.properties?.providerSpecificDetails as Record<string, any>).protectedDisks.map((d: { seedManagedDiskId: string }) => d.seedManagedDiskId);
    assert.equal(ids.length, 2);
    for (const id of ids) {
      assert.match(id, /\/disks\/asrseeddisk-hr_lnx_0-devsd[ab]-[0-9a-f-]{36}$/);
      const disk = await raw(sim, 'GET', `${id}?api-version=2023-04-02`);
      assert.equal(disk.status, 200);
      // Assumed (not recorded): a replicating VM's seed disk is Unattached.
      assert.equal(disk.json!.properties.diskState, 'Unattached');
    }
    sim.dispose();
  });
});
