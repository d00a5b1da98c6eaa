import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { practiceWorld, sourceWorker } from './harness';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { Worker } from 'node:worker_threads';
import { MalformedPageError, PageParser } from '../../../src/azure/itemLists';
import { SiteRecoveryQueries } from '../../../src/azure/queries';
import { toItem } from '../../../src/azure/mappers';
import type { ReplicatedItem } from '../../../src/domain/model';
import { Scope } from '../../../src/scope';

const PAGE = 10;
const pages = (n: number, size = PAGE) => Math.max(1, Math.ceil(n / size));
const vaultWideList = /\/vaults\/[^/]+\/replicationProtectedItems$/i;
const fabricList = /\/vaults\/[^/]+\/replicationFabrics$/i;
const containerList = /\/replicationFabrics\/[^/]+\/replicationProtectionContainers$/i;

/** The practice scope again, its requests going through `sendRequest` (which may pass them on to the simulator). */
function scopeThrough(sim: Awaited<ReturnType<typeof practiceWorld>>['sim'], sendRequest: HttpClient['sendRequest']): Scope {
  return new Scope('practice', 'Practice', { credential: sim.credential, endpoint: sim.endpoint, practice: true, httpClient: { sendRequest } });
}

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
    assert.deepEqual(
      all.map((i) => i.friendlyName),
      [...all.map((i) => i.friendlyName)].sort(),
    );
    assert.deepEqual(
      all.find((i) => i.name === expected[0].name),
      expected[0],
      'the same item as the vault-wide list shows',
    );
    // Both lists map raw JSON (itemLists/pages.ts); the SDK's typed list of the same container must give the same item.
    const client = await scope.clients.siteRecovery(vault.subscriptionId);
    let typed: ReplicatedItem | undefined;
    for await (const rpi of client.replicationProtectedItems.listByReplicationProtectionContainers(
      vault.vaultName,
      vault.resourceGroup,
      expected[0].fabricName,
      expected[0].containerName,
    )) {
      if (rpi.name === expected[0].name) typed = toItem(vault, rpi);
    }
    assert.deepEqual(
      all.find((i) => i.name === expected[0].name),
      typed,
      'the same item as the typed SDK list gives',
    );
    assert.ok(
      all.every((i) => i.vault === vault),
      'every item shares the vault object, also when parsed on a worker',
    );
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

  it('gets every item when a page does not end with its nextLink (no early request, none wasted)', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    // Same pages, nextLink written first: the loader cannot read it off the tail and waits for the parse.
    const inner = sim.httpClient;
    const scopeNextFirst = new (scope.constructor as typeof import('../../../src/scope').Scope)('practice', 'Practice', {
      credential: sim.credential,
      endpoint: sim.endpoint,
      practice: true,
      httpClient: {
        async sendRequest(request) {
          const wantsStream = request.streamResponseStatusCodes;
          request.streamResponseStatusCodes = undefined;
          const response = await inner.sendRequest(request);
          request.streamResponseStatusCodes = wantsStream;
          if (response.status !== 200 || !response.bodyAsText) return response;
          const { nextLink, ...rest } = JSON.parse(response.bodyAsText) as { nextLink?: string };
          return { ...response, bodyAsText: JSON.stringify(nextLink ? { nextLink, ...rest } : rest) };
        },
      },
    });
    const reference = await scope.queries.listAllItems(vault);
    sim.clearRequestLog();
    const all = await scopeNextFirst.queries.listAllItems(vault);
    assert.deepEqual(
      all.map((i) => i.id),
      reference.map((i) => i.id),
    );
    const itemRequests = sim.requestLog.filter((r) => /\/replicationProtectedItems$/i.test(r.path));
    const pageKey = (r: { path: string; query: Record<string, string> }) => `${r.path}?${r.query['skipToken'] ?? ''}`;
    assert.equal(new Set(itemRequests.map(pageKey)).size, itemRequests.length, 'no page requested twice');
    sim.dispose();
  });

  it('refuses a nextLink that leaves the cloud it signed in to, before sending anything there', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    const inner = sim.httpClient;
    const sentTo: string[] = [];
    const hostile = new (scope.constructor as typeof import('../../../src/scope').Scope)('practice', 'Practice', {
      credential: sim.credential,
      endpoint: sim.endpoint,
      practice: true,
      httpClient: {
        async sendRequest(request) {
          sentTo.push(new URL(request.url).origin);
          request.streamResponseStatusCodes = undefined;
          const response = await inner.sendRequest(request);
          if (response.status !== 200 || !response.bodyAsText?.includes('"nextLink"')) return response;
          const page = JSON.parse(response.bodyAsText) as { nextLink?: string };
          if (page.nextLink) page.nextLink = page.nextLink.replace(/^https:\/\/[^/]+/, 'https://collector.example');
          return { ...response, bodyAsText: JSON.stringify(page) };
        },
      },
    });
    await assert.rejects(hostile.queries.listAllItems(vault), /next-page link outside/);
    const first = await hostile.queries.listItemsPage(vault);
    await assert.rejects(hostile.queries.listItemsPage(vault, first.continuationToken), /next-page link outside/);
    assert.deepEqual([...new Set(sentTo)], [new URL(sim.endpoint).origin], 'no request left for another host');
    sim.dispose();
  });

  it('parses the pages on a worker of its own: the items of parsing here, sharing the vault object; dispose stops it', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    sim.clearRequestLog();
    const reference = await scope.queries.listAllItems(vault); // from sources, no bundled worker: parsed here
    const requests = sim.requestLog.length;
    const queries = new SiteRecoveryQueries(scope.clients, new PageParser({ start: sourceWorker, minWorkerBytes: 0 }));
    try {
      sim.clearRequestLog();
      const all = await queries.listAllItems(vault);
      assert.equal(queries.itemListWorkers, 1, 'parsed on the worker');
      assert.deepEqual(all, reference);
      assert.ok(all.every((i) => i.vault === vault));
      assert.equal(sim.requestLog.length, requests, 'one request per page, as parsing here');
    } finally {
      queries.dispose();
    }
    assert.equal(queries.itemListWorkers, 0);
    sim.dispose();
  });

  it('gets every item, once, when the worker dies with pages, without reading any page again', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    sim.clearRequestLog();
    const reference = await scope.queries.listAllItems(vault);
    const requests = sim.requestLog.length;
    // Workers that take pages, never answer, and exit.
    let started = 0;
    const dying = () => (started++, new Worker('require("node:worker_threads").parentPort.on("message", () => setTimeout(() => process.exit(3), 5));', { eval: true }));
    const queries = new SiteRecoveryQueries(scope.clients, new PageParser({ start: dying, minWorkerBytes: 0 }));
    sim.clearRequestLog();
    const all = await queries.listAllItems(vault);
    assert.deepEqual(
      all.map((i) => i.id),
      reference.map((i) => i.id),
    );
    assert.equal(started, 3, 'a new worker after each death, then parsed here');
    assert.equal(sim.requestLog.length, requests, 'no page read again');
    queries.dispose();
    sim.dispose();
  });

  it('follows nextLink through the fabric and container lists too', async () => {
    // Pages of two: four fabrics take two pages, five containers three, three items two.
    const { sim, scope, vault, items } = await practiceWorld({ scenario: 'large', large: { fabrics: 3, containersPerFabric: 5, itemsPerContainer: 3 }, pageSize: 2 });
    const expected = await items();
    const client = await scope.clients.siteRecovery(vault.subscriptionId);
    const fabrics: string[] = [];
    for await (const f of client.replicationFabrics.list(vault.vaultName, vault.resourceGroup)) fabrics.push(f.name!);
    const containers = new Map<string, number>();
    for (const f of fabrics) {
      let n = 0;
      for await (const _ of client.replicationProtectionContainers.listByReplicationFabrics(vault.vaultName, vault.resourceGroup, f)) n++;
      containers.set(f, n);
    }
    assert.equal(fabrics.length, 4);
    assert.equal(containers.get('cs-03'), 5);
    sim.clearRequestLog();

    const all = await scope.queries.listAllItems(vault, { concurrency: 3 });
    assert.deepEqual(new Set(all.map((i) => i.id)), new Set(expected.map((i) => i.id)), 'items of the fabrics and containers on later pages too');
    assert.equal(all.length, 3 * 5 * 3);
    const log = sim.requestLog;
    const fabricPages = log.filter((r) => fabricList.test(r.path));
    assert.equal(fabricPages.length, pages(fabrics.length, 2));
    assert.equal(fabricPages.filter((r) => r.query['skipToken']).length, fabricPages.length - 1, 'the later pages by their nextLink');
    for (const [fabric, count] of containers) {
      const containerPages = log.filter((r) => containerList.test(r.path) && r.path.includes(`/replicationFabrics/${fabric}/`));
      assert.equal(containerPages.length, pages(count, 2), `container pages of ${fabric}`);
    }
    assert.ok(log.every((r) => r.method === 'GET' && r.status === 200));
    sim.dispose();
  });

  it('refuses a nextLink out of the cloud on the fabric or container list, sending nothing there', async () => {
    for (const [list, what] of [
      [fabricList, /^Error: Listing fabrics: Site Recovery returned a next-page link outside https:\/\/management\.simulator\.invalid$/],
      [containerList, /^Error: Listing the protection containers of cs-\d+: Site Recovery returned a next-page link outside /],
    ] as const) {
      const { sim, vault } = await practiceWorld({ ...options, pageSize: 2 });
      const sentTo: string[] = [];
      let rewritten = 0;
      const hostile = scopeThrough(sim, async (request) => {
        sentTo.push(new URL(request.url).origin);
        request.streamResponseStatusCodes = undefined;
        const response = await sim.httpClient.sendRequest(request);
        if (!list.test(new URL(request.url).pathname) || !response.bodyAsText) return response;
        const page = JSON.parse(response.bodyAsText) as { nextLink?: string };
        if (!page.nextLink) return response;
        rewritten++;
        page.nextLink = page.nextLink.replace(/^https:\/\/[^/]+/, 'https://collector.example');
        return { ...response, bodyAsText: JSON.stringify(page) };
      });
      await assert.rejects(hostile.queries.listAllItems(vault), what);
      assert.ok(rewritten > 0, 'a list of several pages');
      assert.deepEqual([...new Set(sentTo)], [new URL(sim.endpoint).origin], 'no request left for another host');
      if (list === fabricList) assert.ok(!sim.requestLog.some((r) => containerList.test(r.path)), 'no fabric walked from a list that was refused');
      sim.dispose();
    }
  });

  it('says the fabric list broke off when its page stops mid-body', async () => {
    const { sim, vault } = await practiceWorld(options);
    const cut = scopeThrough(sim, async (request) => {
      const response = await sim.httpClient.sendRequest(request);
      if (!response.readableStreamBody || !fabricList.test(new URL(request.url).pathname)) return response;
      const body = Readable.from(
        (async function* () {
          yield Buffer.from('{"value":[{"id":"/Subscriptions/');
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        })(),
      );
      return { ...response, readableStreamBody: body };
    });
    await assert.rejects(cut.queries.listAllItems(vault), /^Error: Listing fabrics: the response broke off \(socket hang up\)$/);
    sim.dispose();
  });

  it('says which container an item page came from when it is not valid JSON', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    const all = await scope.queries.listAllItems(vault);
    const container = all[0].containerName;
    // Parsed here and on a worker (every page, however small), the error names the list.
    const onWorker = new SiteRecoveryQueries(scope.clients, new PageParser({ start: sourceWorker, minWorkerBytes: 0 }));
    for (const queries of [scope.queries, onWorker]) {
      sim.injectFault({ kind: 'malformedJson', pathIncludes: `/replicationProtectionContainers/${container}/replicationProtectedItems`, times: 1 });
      await assert.rejects(queries.listAllItems(vault), (e: Error) => e instanceof MalformedPageError && e.message.startsWith(`Listing the items of ${container}: `));
    }
    assert.equal(onWorker.itemListWorkers, 1);
    onWorker.dispose();
    sim.dispose();
  });

  it('rejects a fabric page that came whole but truncated, without quoting it and without walking on', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    sim.injectFault({ kind: 'malformedJson', pathIncludes: '/replicationFabrics', times: 1 }); // the fabric list is asked for first
    sim.clearRequestLog();
    await assert.rejects(
      scope.queries.listAllItems(vault),
      (e: Error) => e instanceof MalformedPageError && /^Listing fabrics: /.test(e.message) && !/Subscriptions|replication|value/i.test(e.message),
    );
    assert.equal(sim.requestLog.length, 1, sim.requestLog.map((r) => r.path).join('\n'));
    assert.match(sim.requestLog[0].path, fabricList);
    // The next load reads the list again, whole.
    assert.equal((await scope.queries.listAllItems(vault)).length, 150);
    sim.dispose();
  });

  it('says the list broke off when its body closes before its end, without an error', async () => {
    const { sim, vault } = await practiceWorld(options);
    const cut = scopeThrough(sim, async (request) => {
      const response = await sim.httpClient.sendRequest(request);
      if (!response.readableStreamBody || !fabricList.test(new URL(request.url).pathname)) return response;
      const body = new Readable({ read() {} });
      body.push(Buffer.from('{"value":[{"id":"/Subscriptions/'));
      setImmediate(() => body.destroy()); // closed, no 'end', no error
      return { ...response, readableStreamBody: body };
    });
    await assert.rejects(cut.queries.listAllItems(vault), /^Error: Listing fabrics: the response broke off \(the connection closed before the end of the body\)$/);
    sim.dispose();
  });

  it('says which list broke off when a page stops mid-body', async () => {
    const { sim, scope, vault } = await practiceWorld(options);
    const inner = sim.httpClient;
    const Scope = scope.constructor as typeof import('../../../src/scope').Scope;
    const cut = new Scope('practice', 'Practice', {
      credential: sim.credential,
      endpoint: sim.endpoint,
      practice: true,
      httpClient: {
        async sendRequest(request) {
          const response = await inner.sendRequest(request);
          if (!response.readableStreamBody) return response;
          // Half a page, then the connection drops.
          const body = Readable.from(
            (async function* () {
              yield Buffer.from('{"value":[{"id":');
              throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
            })(),
          );
          return { ...response, readableStreamBody: body };
        },
      },
    });
    await assert.rejects(cut.queries.listItemsPage(vault), /Listing replicated items: the response broke off \(socket hang up\)/);
    sim.dispose();
  });
});
