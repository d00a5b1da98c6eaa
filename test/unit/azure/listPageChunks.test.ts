import assert from 'node:assert/strict';
import { parseInChunks } from '../../../src/azure/listPageChunks';
import { parseListPage } from '../../../src/azure/itemsPage';

/** A deterministic pseudo-random source: the same pages on every run. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/** `bytes` cut into segments of random sizes, as a response body arrives. */
function segmented(bytes: Uint8Array, next: () => number, max = 70_000): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(next() * max);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** Resources as ARM lists them ("id" first), with what makes cutting hard: the cut's own bytes in strings, nested lists of objects with ids, text beyond ASCII. */
function resources(count: number, next: () => number): unknown[] {
  const tricky = ['},{"id":"x', 'plain', 'Büro Ω 東京 😀', '\\"quoted\\"', ']', '[', '},{'];
  return Array.from({ length: count }, (_, i) => ({
    id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/vm-${i}`,
    name: `vm-${i}`,
    properties: {
      friendlyName: tricky[i % tricky.length],
      padding: 'z'.repeat(Math.floor(next() * 6000)),
      disks: Array.from({ length: i % 3 }, (_, d) => ({ id: `disk-${d}`, note: tricky[(i + d) % tricky.length] })),
      rpo: i % 5 === 0 ? null : i * 1.5,
    },
  }));
}

describe('parseInChunks (list pages read a few dozen KB at a time)', () => {
  it('gives what JSON.parse gives for pages cut into any segments', () => {
    const next = random(11);
    let chunked = 0;
    for (let run = 0; run < 300; run++) {
      const page = { value: resources(Math.floor(next() * 60), next), nextLink: run % 3 ? `https://management.example/next?skipToken=${run}` : undefined };
      const text = JSON.stringify(page);
      const got = parseInChunks(segmented(Buffer.from(text), next));
      if (got) chunked++;
      // Undefined only sends the page to the whole-page parse; a value must be JSON.parse's.
      if (got) assert.deepEqual(got, JSON.parse(text), `run ${run}`);
    }
    assert.ok(chunked > 250, `most pages were read in chunks (${chunked} of 300)`);
  });

  it('never accepts a page JSON.parse rejects, and never reads one differently', () => {
    const next = random(5);
    const marks = [0x2c, 0x7d, 0x5d, 0x22, 0x7b, 0x5c];
    for (let run = 0; run < 300; run++) {
      const bytes = Buffer.from(JSON.stringify({ value: resources(1 + Math.floor(next() * 40), next), nextLink: 'https://management.example/next' }));
      bytes[Math.floor(next() * bytes.length)] = marks[run % marks.length]; // one structural byte changed somewhere
      let expected: unknown;
      try {
        expected = JSON.parse(bytes.toString('utf8'));
      } catch {
        expected = undefined;
      }
      const got = parseInChunks(segmented(bytes, next));
      if (got !== undefined) assert.deepEqual(got, expected, `run ${run}`);
    }
  });

  it('leaves to the whole-page parse what it cannot vouch for', () => {
    const page = (s: string) => parseInChunks([Buffer.from(s)]);
    assert.equal(page('{"nextLink":"https://x/next","value":[{"id":"a"}]}'), undefined, '"value" not first');
    assert.equal(page('{"value":[{"id":"a"}],"value":[]}'), undefined, '"value" twice: JSON.parse keeps the last');
    assert.equal(page('[{"id":"a"}]'), undefined, 'not an object');
    assert.equal(page('{"value":[{"id":"a"}],"nextLink":"https://x/?a=]"}'), undefined, 'a bracket after the list');
    assert.equal(page('{"value":[{"id":"a"}'), undefined, 'cut off');
    // Each of these still parses right through parseListPage.
    assert.deepEqual(parseListPage(Buffer.from('{"nextLink":"https://x/next","value":[{"id":"a"}]}')), { value: [{ id: 'a' }], nextLink: 'https://x/next' });
    assert.deepEqual(parseListPage(Buffer.from('{"value":[{"id":"a"}],"value":[]}')).value, []);
    assert.deepEqual(parseListPage(Buffer.from('{"value":[{"id":"a"}],"nextLink":"https://x/?a=]"}')), { value: [{ id: 'a' }], nextLink: 'https://x/?a=]' });
  });

  it('reads an empty list and a list split in the middle of a character', () => {
    assert.deepEqual(parseInChunks([Buffer.from('{"value":[]}')]), { value: [] });
    const text = JSON.stringify({ value: resources(30, random(3)) });
    const bytes = Buffer.from(text);
    const inCharacter = bytes.indexOf(Buffer.from('😀')) + 2; // between the bytes of one character
    assert.deepEqual(parseInChunks([bytes.subarray(0, inCharacter), bytes.subarray(inCharacter)]), JSON.parse(text));
  });
});
