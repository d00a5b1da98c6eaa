import assert from 'node:assert/strict';
import { clients, collect, CLASSIC, createSim, FAST_POLL, raw, vaultPath, whileAdvancing, itemPath } from './helpers';

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
    assert.equal(cs.masterTargetServers[0].retentionVolumes[0].volumeName, 'R:');
    const containers = await collect(asr.replicationProtectionContainers.listByReplicationFabrics(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric));
    assert.equal(containers[0].name, CLASSIC.container);
    const item = await asr.replicationProtectedItems.get(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'app-lnx-01');
    assert.ok(item.id?.startsWith('/Subscriptions/'));
    assert.deepEqual(item.properties?.currentScenario, {
      scenarioName: 'None', jobId: `${vaultPath(sim).replace('/subscriptions/', '/Subscriptions/')}/replicationJobs/None`, startTime: new Date('1753-01-01T01:01:01Z'),
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
    assert.equal(committed.length, Math.round(5000 / 6));
    const v2 = await collect(asr.replicationProtectedItems.list('large-vault', CLASSIC.rg, { filter: "replicationProviderName eq 'InMageAzureV2'" }));
    assert.ok(v2.every((i) => i.properties?.providerSpecificDetails?.instanceType === 'InMageAzureV2') && v2.length > 0);
    sim.dispose();
  });

  it('disabling replication of a failed-back VM leaves seed disks that can be listed and deleted', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    await whileAdvancing(sim, asr.replicationProtectedItems.beginDeleteAndWait(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'crm-lnx-04', { properties: { disableProtectionReason: 'NotSpecified' } }, FAST_POLL));
    const items = await collect(asr.replicationProtectedItems.list(CLASSIC.vault, CLASSIC.rg));
    assert.ok(!items.some((i) => i.name === 'crm-lnx-04'));
    const disksPath = `/subscriptions/${sim.subscriptionId}/resourceGroups/contoso-dr-rg/providers/Microsoft.Compute/disks`;
    const list = await raw(sim, 'GET', `${disksPath}?api-version=2023-04-02`);
    const names: string[] = list.json!.value.map((d: { name: string }) => d.name);
    assert.equal(names.length, 2);
    assert.ok(names.every((n) => /^asrseeddisk-crm-lnx-04-[0-9a-f]{8}$/.test(n)));
    assert.equal(list.json!.value[0].properties.diskState, 'Unattached');
    const del = await raw(sim, 'DELETE', `${disksPath}/${names[0]}?api-version=2023-04-02`);
    assert.equal(del.status, 202);
    assert.ok(del.headers['Azure-AsyncOperation']);
    assert.equal((await raw(sim, 'GET', `${disksPath}/${names[0]}?api-version=2023-04-02`)).status, 404);
    assert.equal((await raw(sim, 'GET', `${itemPath(sim, 'crm-lnx-04')}?api-version=2023-06-01`)).status, 404);
    sim.dispose();
  });
});
