import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { practiceWorld, rawPages, sourceWorker } from './harness';
import { MalformedPageError, PageParser, tailLink } from '../../../src/azure/itemLists';
import { parseItemsPage } from '../../../src/azure/itemLists/pages';
import type { VaultRef } from '../../../src/domain/model';

const vault: VaultRef = { subscriptionId: 'sub', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const itemId = (n: number) => `${vault.id}/replicationFabrics/cs-01/replicationProtectionContainers/cloud_01/replicationProtectedItems/vm-${n}`;
const bytes = (body: unknown) => new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
const page = (n: number, nextLink?: string, notes?: string) =>
  bytes({
    value: Array.from({ length: n }, (_, i) => ({
      id: itemId(i),
      name: `vm-${i}`,
      properties: {
        notes,
        friendlyName: `VM ${i} — ünïcode`,
        protectionState: 'Protected',
        lastSuccessfulFailoverTime: '2026-11-20T10:00:00Z',
        providerSpecificDetails: { instanceType: 'InMageAzureV2' },
      },
    })),
    ...(nextLink ? { nextLink } : {}),
  });

describe('item-list pages', () => {
  describe('parseItemsPage', () => {
    it('maps items and the nextLink from the bytes', () => {
      const parsed = parseItemsPage(page(3, 'https://management.azure.com/next?skipToken=a'), vault);
      assert.equal(parsed.items.length, 3);
      assert.equal(parsed.items[2].friendlyName, 'VM 2 — ünïcode');
      assert.equal(parsed.items[0].containerName, 'cloud_01');
      assert.equal(parsed.items[0].provider, 'InMageAzureV2');
      assert.ok(parsed.items[0].lastSuccessfulFailoverTime instanceof Date);
      assert.equal(parsed.nextLink, 'https://management.azure.com/next?skipToken=a');
      assert.equal(parseItemsPage(page(1), vault).nextLink, undefined);
    });

    it('rejects a page that is not JSON, or has no list, without quoting the body', () => {
      for (const body of ['<html><body>BODY-CONTENT</body></html>', `{"value":[${'x'.repeat(50)}BODY-CONTENT`, '{"value":[{"id":"BODY-CONTENT"']) {
        assert.throws(
          () => parseItemsPage(bytes(body), vault),
          (e: Error) => /not valid JSON/.test(e.message) && !/BODY|CONTENT|html|x{3}/.test(e.message),
          body,
        );
      }
      assert.throws(() => parseItemsPage(bytes({ value: 'nope' }), vault), /no "value" list/);
    });
  });

  describe('tailLink', () => {
    it('reads the nextLink ARM writes last, escapes included', () => {
      assert.equal(tailLink(page(2, 'https://h/a?b=c&d=%2F')), 'https://h/a?b=c&d=%2F');
      assert.equal(tailLink(bytes('{"value":[],"nextLink":"https:\\/\\/h\\/x\\"y"}\n')), 'https://h/x"y');
      assert.equal(tailLink(page(40, 'https://h/a?skipToken=abc', 'y'.repeat(5000))), 'https://h/a?skipToken=abc', 'at the end of a big page');
    });

    it('gives nothing when the link is not last, is null, or belongs to something nested', () => {
      assert.equal(tailLink(bytes('{"nextLink":"https://h/a","value":[]}')), undefined);
      assert.equal(tailLink(bytes('{"value":[],"nextLink":null}')), undefined);
      assert.equal(tailLink(bytes('{"value":[{"nextLink":"https://h/a"}]}')), undefined);
      assert.equal(tailLink(bytes('{"value":[],"x":{"nextLink":"https://h/a"}}')), undefined);
      assert.equal(tailLink(page(0)), undefined);
    });
  });

  describe('PageParser', () => {
    // Pages of real size (hundreds of KB) go to the worker; small ones are parsed here.
    const big = (n: number, nextLink?: string) => page(n, nextLink, 'x'.repeat(70 * 1024));
    const parsers: PageParser[] = [];
    const parser = (options: ConstructorParameters<typeof PageParser>[0] = {}) => {
      const p = new PageParser({ start: sourceWorker, ...options });
      parsers.push(p);
      return p;
    };
    afterEach(() => parsers.splice(0).forEach((p) => p.dispose()));

    it('parses big pages on its worker with the result of parsing here, items sharing the caller’s vault object', async () => {
      const p = parser();
      const input = big(50, 'https://h/next');
      const [a, b] = await Promise.all([p.parse(input, vault), p.parse(big(40), vault)]);
      assert.equal(p.workers, 1, 'one worker');
      assert.deepEqual(a, parseItemsPage(input, vault));
      assert.equal(b.items.length, 40);
      assert.ok([...a.items, ...b.items].every((i) => i.vault === vault));
    });

    it('parses a small page here, starting no worker', async () => {
      let started = 0;
      const p = parser({ start: () => (started++, sourceWorker()) });
      assert.equal((await p.parse(page(3), vault)).items.length, 3);
      assert.equal(started, 0);
      assert.equal(p.workers, 0);
    });

    it('rejects a malformed page as MalformedPageError and keeps working', async () => {
      const p = parser();
      const broken = big(40);
      await assert.rejects(
        p.parse(broken.subarray(0, broken.length - 3), vault),
        (e: Error) => e instanceof MalformedPageError && /not valid JSON \(at position \d+\)/.test(e.message),
      );
      assert.equal((await p.parse(big(30), vault)).items.length, 30);
      assert.equal(p.workers, 1);
    });

    it('parses here when no worker can start', async () => {
      for (const start of [() => undefined, () => assert.fail('worker threads are not allowed here')]) {
        const p = parser({ start });
        assert.equal((await p.parse(big(3), vault)).items.length, 3);
        assert.equal(p.workers, 0);
      }
    });

    it('when its worker dies with pages, gives them to a new one; after repeated deaths, parses here', async () => {
      // Workers that take pages and never answer, then exit.
      let started = 0;
      const p = parser({
        start: () => (started++, new Worker('require("node:worker_threads").parentPort.on("message", () => setTimeout(() => process.exit(3), 20));', { eval: true })),
      });
      const pages = await Promise.all([p.parse(big(4), vault), p.parse(big(6, 'https://h/n'), vault)]);
      assert.deepEqual(
        pages.map((r) => r.items.length),
        [4, 6],
        'every page parsed all the same',
      );
      assert.equal(pages[1].nextLink, 'https://h/n');
      assert.ok(pages.every((r) => r.items.every((i) => i.vault === vault)));
      assert.equal(started, 3, 'a new worker after each death, three in all');
      assert.equal((await p.parse(big(1), vault)).items.length, 1);
      assert.equal(started, 3, 'no fourth worker: parsed here from then on');
      assert.equal(p.workers, 0);
    });

    it('stops its idle worker, and starts one again for the next big page', async () => {
      let started = 0;
      const p = parser({ start: () => (started++, sourceWorker()), idleMs: 20 });
      await p.parse(big(2), vault);
      assert.equal(p.workers, 1);
      await new Promise((resolve) => setTimeout(resolve, 60));
      assert.equal(p.workers, 0, 'stopped when idle');
      assert.equal((await p.parse(big(2), vault)).items.length, 2);
      assert.equal(started, 2);
    });

    it('owns its worker: two parsers, two workers, and disposing one leaves the other working', async () => {
      const [a, b] = [parser(), parser()];
      await Promise.all([a.parse(big(2), vault), b.parse(big(2), vault)]);
      assert.deepEqual([a.workers, b.workers], [1, 1]);
      a.dispose();
      assert.equal(a.workers, 0);
      assert.equal((await b.parse(big(5), vault)).items.length, 5);
      assert.equal(b.workers, 1);
    });

    it('on dispose, rejects what its worker held, none left unhandled; later pages are parsed here', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        const p = parser({ start: () => new Worker('require("node:worker_threads").parentPort.on("message", () => {});', { eval: true }) });
        const settled = Promise.allSettled([p.parse(big(5), vault), p.parse(big(6), vault)]);
        p.dispose();
        for (const outcome of await settled) {
          assert.equal(outcome.status, 'rejected');
          assert.match(((outcome as PromiseRejectedResult).reason as Error).message, /shutting down/);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
        assert.deepEqual(unhandled, []);
        assert.equal((await p.parse(big(2), vault)).items.length, 2);
        assert.equal(p.workers, 0, 'no worker starts again');
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });

    it('gives a wave of real pages the result of parsing them here', async () => {
      // Pages as Site Recovery sends them: 150 items each, hundreds of KB.
      const world = await practiceWorld({ scenario: 'large', large: { fabrics: 2, containersPerFabric: 6, itemsPerContainer: 150 }, pageSize: 150 });
      const texts = await rawPages(world.sim, `${world.vault.id}/replicationProtectedItems?api-version=2023-06-01`);
      world.sim.dispose();
      const inputs = texts.map((t) => bytes(t));
      assert.equal(inputs.length, 12);
      assert.ok(
        inputs.every((b) => b.byteLength >= 64 * 1024),
        'every page big enough for the worker',
      );
      const p = parser();
      const results = await Promise.all(inputs.map((b) => p.parse(b, world.vault)));
      results.forEach((r, i) => assert.deepEqual(r, parseItemsPage(inputs[i], world.vault), `page ${i + 1}`));
      assert.equal(p.workers, 1);
    });
  });
});
