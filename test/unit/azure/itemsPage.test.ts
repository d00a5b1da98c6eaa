import assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { practiceWorld, rawPages } from './harness';
import { MalformedPageError, parseItemsPage } from '../../../src/azure/itemsPage';
import { ItemsPageParser, PageParserStoppedError } from '../../../src/azure/itemsPageParser';
import { trailingNextLink } from '../../../src/azure/queries';
import { SEGMENT_BYTES, segmentPool } from '../../../src/azure/pageSegments';
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

    it('reads it across the segments a body arrived in, wherever they are cut', () => {
      const whole = page(2, 'https://h/a?skipToken=abc');
      for (const cut of [whole.length - 1, whole.length - 5, whole.length - 30, whole.length - 2047, 10]) {
        assert.equal(trailingNextLink([whole.subarray(0, cut), whole.subarray(cut)]), 'https://h/a?skipToken=abc', `cut at ${cut}`);
      }
      const small = Array.from(whole.subarray(whole.length - 100), (b) => Uint8Array.of(b)); // one byte each
      assert.equal(trailingNextLink([whole.subarray(0, whole.length - 100), ...small]), 'https://h/a?skipToken=abc');
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
        // Thrown on the worker, it arrives as the same kind of error, so the caller can name the list.
        await assert.rejects(parser.parse(broken.subarray(0, broken.length - 3), vault), (e: Error) => e instanceof MalformedPageError && /not valid JSON \(at position \d+\)/.test(e.message));
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

    describe('under a wave of pages (a big vault’s full load)', () => {
      /** Pages a worker holds at once (WORKER_DEPTH in itemsPageParser.ts). */
      const DEPTH = 2;
      const WORKERS = 2;
      const PAGES = 12;
      // The real worker script, started as the parser starts it from sources.
      const workerSource = path.join(__dirname, '../../../src/azure/itemsPageWorker.ts');
      let wave: { vault: VaultRef; pages: string[] };
      const parsers: ItemsPageParser[] = [];
      const encode = (text: string) => new TextEncoder().encode(text);

      before(async () => {
        // Pages as Site Recovery sends them: 150 items each, hundreds of KB.
        const world = await practiceWorld({ scenario: 'large', large: { fabrics: 2, containersPerFabric: PAGES / 2, itemsPerContainer: 150 }, pageSize: 150 });
        wave = { vault: world.vault, pages: await rawPages(world.sim, `${world.vault.id}/replicationProtectedItems?api-version=2023-06-01`) };
        world.sim.dispose();
        assert.equal(wave.pages.length, PAGES);
        assert.ok(wave.pages.every((p) => encode(p).byteLength >= 64 * 1024), 'every page big enough for a worker');
      });

      after(() => {
        for (const p of parsers) p.dispose();
      });

      it('gives every page the in-thread result: workers hold two pages each, this thread parses the rest one per loop turn', async () => {
        // Real workers, watched: how many pages each holds at once.
        let sent = 0;
        let mostHeld = 0;
        const parser = new ItemsPageParser(WORKERS, () => {
          const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerSource)});`, { eval: true });
          const post = worker.postMessage.bind(worker);
          let held = 0;
          worker.on('message', () => held--); // before the parser's own listener, which may hand over the next page
          worker.postMessage = (...args: Parameters<Worker['postMessage']>) => {
            sent++;
            mostHeld = Math.max(mostHeld, ++held);
            post(...args);
          };
          return worker;
        });
        parsers.push(parser);
        const { vault } = wave;
        const expected = wave.pages.map((p) => parseItemsPage(encode(p), vault));
        const inputs = wave.pages.map(encode);

        // A turn of the event loop is one tick: pages parsed here must land on distinct ticks.
        let ticks = 0;
        let done = false;
        const tick = () => {
          ticks++;
          if (!done) setImmediate(tick);
        };
        setImmediate(tick);
        const settledAt: number[] = [];
        const results = await Promise.all(inputs.map((bytes, i) => parser.parse(bytes, vault).then((page) => ((settledAt[i] = ticks), page))));
        done = true;

        results.forEach((page, i) => assert.deepEqual(page, expected[i], `page ${i + 1}`));
        assert.ok(results.every((page) => page.items.every((item) => item.vault === vault)));
        assert.equal(parser.workers, WORKERS);
        const movedToWorkers = inputs.filter((b) => b.byteLength === 0).length;
        assert.equal(movedToWorkers, sent, 'a page given to a worker was moved there; the others stayed here');
        assert.ok(sent >= WORKERS * DEPTH, `the workers took their share (${sent})`);
        assert.ok(sent < PAGES, `this thread parsed some while the workers were busy (${PAGES - sent})`);
        assert.equal(mostHeld, DEPTH, 'a worker never held more than two pages');
        const hereAt = settledAt.filter((_, i) => inputs[i].byteLength > 0);
        assert.equal(new Set(hereAt).size, hereAt.length, `one page per loop turn here: ${hereAt.join(', ')}`);
      });

      it('gives every page’s segments back to the pool, from the worker and from this thread', async () => {
        const parser = new ItemsPageParser(1);
        parsers.push(parser);
        const { vault } = wave;
        const expected = wave.pages.map((p) => parseItemsPage(encode(p), vault));
        while (segmentPool.available > 0) segmentPool.take(); // from empty: every segment below counts
        // Each page in pool segments, as readAll leaves it (the last one partly filled).
        const pages = wave.pages.map((text) => {
          const bytes = encode(text);
          const segments: Uint8Array[] = [];
          for (let at = 0; at < bytes.length; at += SEGMENT_BYTES) {
            const part = bytes.subarray(at, at + SEGMENT_BYTES);
            const segment = segmentPool.take();
            segment.set(part);
            segments.push(segment.subarray(0, part.length));
          }
          return segments;
        });
        const count = pages.reduce((n, segments) => n + segments.length, 0);
        const results = await Promise.all(pages.map((segments) => parser.parse(segments, vault)));
        results.forEach((page, i) => assert.deepEqual(page, expected[i], `page ${i + 1}`));
        const moved = pages.filter((segments) => segments[0].byteLength === 0).length;
        assert.ok(moved > 0 && moved < PAGES, `parsed both on the worker (${moved}) and here (${PAGES - moved})`);
        assert.equal(segmentPool.available, count, 'every segment back, none twice');
      });

      it('on shutdown with pages still queued, rejects every one of them, none left unhandled', async () => {
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => unhandled.push(reason);
        process.on('unhandledRejection', onUnhandled);
        try {
          const parser = new ItemsPageParser(1);
          parsers.push(parser);
          const { vault } = wave;
          const inputs = wave.pages.map(encode);
          const settled = Promise.allSettled(inputs.map((bytes) => parser.parse(bytes, vault)));
          parser.dispose();
          const outcomes = await settled;
          // Let the host-thread turn that was already scheduled come and go.
          await new Promise((resolve) => setTimeout(resolve, 50));

          for (const [i, outcome] of outcomes.entries()) {
            assert.equal(outcome.status, 'rejected', `page ${i + 1}`);
            const error = (outcome as PromiseRejectedResult).reason as Error;
            // Shutting down is not a lost page: nothing is to be read again.
            assert.ok(!(error instanceof PageParserStoppedError) && /shutting down/.test(error.message), `page ${i + 1}: ${error.message}`);
          }
          assert.equal(inputs.filter((b) => b.byteLength > 0).length, PAGES - DEPTH, 'all but the worker’s two were still queued here');
          assert.deepEqual(unhandled, []);
          assert.equal(parser.workers, 0);

          // A page arriving after shutdown is parsed here; no worker starts again.
          const late = encode(wave.pages[0]);
          assert.deepEqual(await parser.parse(late, vault), parseItemsPage(encode(wave.pages[0]), vault));
          assert.ok(late.byteLength > 0);
          assert.equal(parser.workers, 0);
        } finally {
          process.off('unhandledRejection', onUnhandled);
        }
      });
    });

    it('on shutdown, rejects what it held without asking for it to be read again', async () => {
      const parser = new ItemsPageParser(1, () => new Worker('require("node:worker_threads").parentPort.on("message", () => {});', { eval: true }));
      const pending = parser.parse(big(5), vault);
      parser.dispose();
      await assert.rejects(pending, (e: Error) => !(e instanceof PageParserStoppedError) && /shutting down/.test(e.message));
    });
  });
});
