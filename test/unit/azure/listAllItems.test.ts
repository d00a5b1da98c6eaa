import assert from 'node:assert/strict';
import { practiceWorld } from './harness';

const PAGE = 10;
const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
const vaultWideList = /\/vaults\/[^/]+\/replicationProtectedItems$/i;

describe('SiteRecoveryQueries.listAllItems', () => {
  // 2 generated fabrics × 3 containers × 25 items (3 pages each), plus the scenario's Azure fabric.
  const options = { scenario: 'large', large: { fabrics: 2, containersPerFabric: 3, itemsPerContainer: 25 }, pageSize: PAGE };

  it('returns every item exactly once, sorted by name, without the vault-wide list', async () => {
    const { sim, scope, vault, items } = await practiceWorld(options);
    const expected = await items(); // the vault-wide list, page by page
    assert.equal(expected.length, 150);
    sim.clearRequestLog();

    const all = await scope.queries.listAllItems(vault, { concurrency: 4 });
    assert.equal(all.length, expected.length);
    assert.equal(new Set(all.map((i) => i.id.toLowerCase())).size, all.length, 'no duplicates');
    assert.deepEqual(new Set(all.map((i) => i.id)), new Set(expected.map((i) => i.id)));
    assert.deepEqual(all.map((i) => i.friendlyName), [...all.map((i) => i.friendlyName)].sort());
    assert.deepEqual(all.find((i) => i.name === expected[0].name), expected[0], 'the same item as the vault-wide list shows');
    assert.ok(!sim.requestLog.some((r) => vaultWideList.test(r.path)), 'no vault-wide request');
    sim.dispose();
  });

  it('sends one request per page of each list: fabrics, containers per fabric, items per container', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    const client = await scope.clients.siteRecovery(vault.subscriptionId);
    let expected = 0;
    const fabrics: string[] = [];
    for await (const f of client.replicationFabrics.list(vault.vaultName, vault.resourceGroup)) fabrics.push(f.name!);
    expected += pages(fabrics.length);
    for (const f of fabrics) {
      const containers: Array<{ name: string; count: number }> = [];
      for await (const c of client.replicationProtectionContainers.listByReplicationFabrics(vault.vaultName, vault.resourceGroup, f)) {
        containers.push({ name: c.name!, count: c.properties?.protectedItemCount ?? 0 });
      }
      expected += pages(containers.length) + containers.reduce((sum, c) => sum + pages(c.count), 0);
    }
    assert.equal(fabrics.length, 3);
    sim.clearRequestLog();

    await scope.queries.listAllItems(vault);
    const log = sim.requestLog;
    assert.equal(log.length, expected, log.map((r) => r.path).join('\n'));
    const generated = log.filter((r) => /\/replicationFabrics\/cs-\d+\/.*\/replicationProtectedItems$/i.test(r.path));
    assert.equal(generated.length, 2 * 3 * 3, 'three pages per generated container');
    assert.ok(log.every((r) => r.method === 'GET' && r.status === 200));
    sim.dispose();
  });

  it('pages the vault-wide list: listItemsPage hands back the continuation', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    const first = await scope.queries.listItemsPage(vault);
    assert.equal(first.items.length, PAGE);
    assert.ok(first.continuationToken, 'more pages remain');
    const second = await scope.queries.listItemsPage(vault, first.continuationToken);
    assert.equal(second.items.length, PAGE);
    assert.notDeepEqual(second.items[0].id, first.items[0].id);
    sim.dispose();
  });
});
