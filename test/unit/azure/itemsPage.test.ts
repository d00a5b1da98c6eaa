import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { parseItemsPage } from '../../../src/azure/itemsPage';
import { ItemsPageParser, PageParserStoppedError } from '../../../src/azure/itemsPageParser';
import { trailingNextLink } from '../../../src/azure/queries';
import type { VaultRef } from '../../../src/domain/model';

const vault: VaultRef = { subscriptionId: 'sub', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const itemId = (n: number) => `${vault.id}/replicationFabrics/cs-01/replicationProtectionContainers/cloud_01/replicationProtectedItems/vm-${n}`;
const bytes = (body: unknown) => new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
const page = (n: number, nextLink?: string) =>
  bytes({
    value: Array.from({ length: n }, (_, i) => ({
      id: itemId(i),
      name: `vm-${i}`,
      properties: { friendlyName: `VM ${i} — ünïcode`, protectionState: 'Protected', lastSuccessfulFailoverTime: '2026-11-20T10:00:00Z', providerSpecificDetails: { instanceType: 'InMageAzureV2' } },
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
      const secret = 'x'.repeat(50) + 'BODY-CONTENT';
      assert.throws(() => parseItemsPage(bytes(`{"value":[${secret}`), vault), (e: Error) => /not valid JSON/.test(e.message) && !e.message.includes('BODY-CONTENT'));
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
    it('parses on a worker thread with the same result as in-thread, items sharing one vault object', async () => {
      const parser = new ItemsPageParser(2);
      try {
        const input = page(50, 'https://h/next');
        const expected = parseItemsPage(input, vault);
        const [a, b] = await Promise.all([parser.parse(input, vault), parser.parse(page(5), vault)]);
        assert.equal(parser.workers, 2, 'two workers started');
        assert.deepEqual(a, expected);
        assert.equal(b.items.length, 5);
        assert.ok([...a.items, ...b.items].every((i) => i.vault === vault));
      } finally {
        parser.dispose();
      }
    });

    it('rejects a malformed page with a clear error and keeps working', async () => {
      const parser = new ItemsPageParser(1);
      try {
        await assert.rejects(parser.parse(bytes('{"value":[{'), vault), /not valid JSON/);
        assert.equal((await parser.parse(page(2), vault)).items.length, 2);
        assert.equal(parser.workers, 1);
      } finally {
        parser.dispose();
      }
    });

    it('parses in-thread when no worker can start', async () => {
      const parser = new ItemsPageParser(2, () => {
        throw new Error('worker threads are not allowed here');
      });
      const parsed = await parser.parse(page(3), vault);
      assert.equal(parsed.items.length, 3);
      assert.equal(parser.workers, 0);
    });

    it('says so when its worker dies with pages (their bytes went with it), then parses in-thread', async () => {
      // A worker that takes pages and never answers, then exits.
      let worker: Worker | undefined;
      const parser = new ItemsPageParser(1, () => (worker = new Worker('require("node:worker_threads").parentPort.on("message", () => setTimeout(() => process.exit(3), 20));', { eval: true })));
      const input = page(4);
      const pending = [parser.parse(input, vault), parser.parse(page(6, 'https://h/n'), vault)];
      assert.ok(worker, 'the worker started');
      assert.equal(input.byteLength, 0, 'the bytes were moved to the worker, not copied');
      for (const p of pending) await assert.rejects(p, PageParserStoppedError);
      assert.equal(parser.workers, 0, 'in-thread from then on');
      assert.equal((await parser.parse(page(1), vault)).items.length, 1);
    });
  });
});
