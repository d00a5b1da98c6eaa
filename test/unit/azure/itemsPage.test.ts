import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { parseItemsPage } from '../../../src/azure/itemsPage';
import { ItemsPageParser, PageParserStoppedError } from '../../../src/azure/itemsPageParser';
import { trailingNextLink } from '../../../src/azure/queries';
import type { VaultRef } from '../../../src/domain/model';

const vault: VaultRef = { subscriptionId: 'sub', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const itemId = (n: number) => `${vault.id}/replicationFabrics/cs-01/replicationProtectionContainers/cloud_01/replicationProtectedItems/vm-${n}`;
const bytes = (body: unknown) => new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
const page = (n: number, nextLink?: string, notes?: string) =>
  bytes({
    value: Array.from({ length: n }, (_, i) => ({
      id: itemId(i),
      name: `vm-${i}`,
      properties: { notes, friendlyName: `VM ${i} — ünïcode`, protectionState: 'Protected', lastSuccessfulFailoverTime: '2026-11-20T10:00:00Z', providerSpecificDetails: { instanceType: 'InMageAzureV2' } },
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
        assert.throws(() => parseItemsPage(bytes(body), vault), (e: Error) => /not valid JSON/.test(e.message) && !/BODY|CONTENT|html|x{3}/.test(e.message), body);
      }
      assert.throws(() => parseItemsPage(bytes({ value: 'nope' }), vault), /no "value" list/);
    });
  });

  describe('trailingNextLink', () => {
    it('reads the nextLink ARM writes last, escapes included', () => {
      assert.equal(trailingNextLink(page(2, 'https://h/a?b=c&d=%2F')), 'https://h/a?b=c&d=%2F');
      assert.equal(trailingNextLink(bytes('{"value":[],"nextLink":"https:\\/\\/h\\/x\\"y"}\n')), 'https://h/x"y');
    });

    it('gives nothing when the link is not last, is null, or belongs to something nested', () => {
      assert.equal(trailingNextLink(bytes('{"nextLink":"https://h/a","value":[]}')), undefined);
      assert.equal(trailingNextLink(bytes('{"value":[],"nextLink":null}')), undefined);
      assert.equal(trailingNextLink(bytes('{"value":[{"nextLink":"https://h/a"}]}')), undefined);
      assert.equal(trailingNextLink(bytes('{"value":[],"x":{"nextLink":"https://h/a"}}')), undefined);
      assert.equal(trailingNextLink(page(0)), undefined);
    });
  });

  describe('ItemsPageParser', () => {
    // Pages of real size (hundreds of KB) go to a worker; small ones are parsed in-thread.
    const big = (n: number, nextLink?: string) => page(n, nextLink, 'x'.repeat(70 * 1024));

    it('parses big pages on a worker thread with the same result as in-thread, items sharing one vault object', async () => {
      const parser = new ItemsPageParser(2);
      try {
        const input = big(50, 'https://h/next');
        const expected = parseItemsPage(input, vault);
        const [a, b] = await Promise.all([parser.parse(input, vault), parser.parse(big(40), vault)]);
        assert.equal(parser.workers, 2, 'two workers started');
        assert.equal(input.byteLength, 0, 'the bytes were moved to the worker, not copied');
        assert.deepEqual(a, expected);
        assert.equal(b.items.length, 40);
        assert.ok([...a.items, ...b.items].every((i) => i.vault === vault));
      } finally {
        parser.dispose();
      }
    });

    it('parses a small page in-thread, starting no worker', async () => {
      const parser = new ItemsPageParser(2);
      try {
        const input = page(3);
        assert.equal((await parser.parse(input, vault)).items.length, 3);
        assert.equal(parser.workers, 0);
        assert.ok(input.byteLength > 0, 'the bytes stayed here');
      } finally {
        parser.dispose();
      }
    });

    it('rejects a malformed page with a clear error and keeps working', async () => {
      const parser = new ItemsPageParser(1);
      try {
        const broken = big(40);
        await assert.rejects(parser.parse(broken.subarray(0, broken.length - 3), vault), /not valid JSON/);
        assert.equal((await parser.parse(big(30), vault)).items.length, 30);
        assert.equal(parser.workers, 1);
      } finally {
        parser.dispose();
      }
    });

    it('parses in-thread when no worker can start', async () => {
      const parser = new ItemsPageParser(2, () => {
        throw new Error('worker threads are not allowed here');
      });
      const parsed = await parser.parse(big(3), vault);
      assert.equal(parsed.items.length, 3);
      assert.equal(parser.workers, 0);
    });

    it('says so when a worker dies with pages (their bytes went with it); starts anew, and parses in-thread after repeated deaths', async () => {
      // Workers that take pages and never answer, then exit.
      let started = 0;
      const parser = new ItemsPageParser(1, () => (started++, new Worker('require("node:worker_threads").parentPort.on("message", () => setTimeout(() => process.exit(3), 20));', { eval: true })));
      for (let death = 1; death <= 3; death++) {
        const pending = [parser.parse(big(4), vault), parser.parse(big(6, 'https://h/n'), vault)];
        for (const p of pending) await assert.rejects(p, PageParserStoppedError);
        assert.equal(started, death, 'a new worker for the next page');
      }
      assert.equal((await parser.parse(big(1), vault)).items.length, 1);
      assert.equal(started, 3, 'no fourth worker: in-thread from then on');
      assert.equal(parser.workers, 0);
    });

    it('on shutdown, rejects what it held without asking for it to be read again', async () => {
      const parser = new ItemsPageParser(1, () => new Worker('require("node:worker_threads").parentPort.on("message", () => {});', { eval: true }));
      const pending = parser.parse(big(5), vault);
      parser.dispose();
      await assert.rejects(pending, (e: Error) => !(e instanceof PageParserStoppedError) && /shutting down/.test(e.message));
    });
  });
});
