import assert from 'node:assert/strict';
import { SEGMENT_BYTES, SegmentPool } from '../../../src/azure/pageSegments';

describe('SegmentPool (response bodies read into reused 64 KB segments)', () => {
  it('hands a given-back segment out again, and never the same one twice at once', () => {
    const pool = new SegmentPool();
    const a = pool.take();
    const b = pool.take();
    assert.equal(a.byteLength, SEGMENT_BYTES);
    assert.notEqual(a.buffer, b.buffer);
    pool.give([a.subarray(0, 100), a]); // the same buffer twice: kept once
    assert.equal(pool.available, 1);
    const again = pool.take();
    assert.equal(again.buffer, a.buffer, 'the warm buffer, not a new one');
    assert.notEqual(pool.take().buffer, a.buffer, 'then a new one: a was handed out once');
  });

  it('ignores memory it did not hand out and buffers moved away', () => {
    const pool = new SegmentPool();
    pool.give([new Uint8Array(SEGMENT_BYTES), Buffer.alloc(SEGMENT_BYTES)]);
    assert.equal(pool.available, 0, "a caller's own buffers stay the caller's");
    const moved = pool.take();
    structuredClone(moved, { transfer: [moved.buffer as ArrayBuffer] }); // detached here
    pool.give([moved]);
    assert.equal(pool.available, 0, 'a detached buffer is no segment');
  });

  it('adopts buffers a worker moved back, of the segment size only', () => {
    const pool = new SegmentPool();
    const segment = pool.take();
    const back = structuredClone(segment.buffer as ArrayBuffer, { transfer: [segment.buffer as ArrayBuffer] });
    pool.adopt([back, new ArrayBuffer(100)]);
    assert.equal(pool.available, 1);
    const reused = pool.take();
    assert.equal(reused.buffer, back);
    assert.ok(pool.owns(reused.subarray(0, 10)), 'an adopted buffer is the pool’s: it moves whole to a worker');
  });
});
