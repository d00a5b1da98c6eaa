// Response bodies of item lists are read into 64 KB segments that are used again and again.
// Fresh memory is dear: on a VM every new page of it faults in, and a full load of a big vault
// reads tens of MB; reused segments are already in place (npm run bench measured the body copy
// at a quarter of a millisecond per page with fresh buffers, most of it faulting).
//
// A segment is taken for one body, travels with the page (to a worker thread and back, when a
// worker parses it) and is given back once the page is parsed. Nothing may read it afterwards.

export const SEGMENT_BYTES = 64 * 1024;

/** Free segments kept at most: a wave of pages in flight (32 requests × 7 segments), about 16 MB. */
const MAX_FREE = 256;

/** Free segments nobody took for this long are released; the next big load allocates again. */
const IDLE_MS = 30_000;

export class SegmentPool {
  private free: ArrayBuffer[] = [];
  /** Buffers this pool handed out: only these come back (never a caller's own memory). */
  private readonly ours = new WeakSet<ArrayBuffer>();
  /** Buffers now in `free`: one given back twice must not be handed out twice. */
  private readonly idle = new WeakSet<ArrayBuffer>();
  private release?: NodeJS.Timeout;

  take(): Uint8Array {
    let buffer = this.free.pop();
    if (buffer) this.idle.delete(buffer);
    else {
      buffer = new ArrayBuffer(SEGMENT_BYTES);
      this.ours.add(buffer);
    }
    return new Uint8Array(buffer);
  }

  /** Whether `segment` lies in a buffer of this pool (moved to a worker whole, and given back). */
  owns(segment: Uint8Array): boolean {
    return this.ours.has(segment.buffer as ArrayBuffer);
  }

  /** Gives back the segments of a page parsed on this thread; others' memory and moved (detached) buffers are ignored. */
  give(segments: readonly Uint8Array[]): void {
    for (const s of segments) if (this.ours.has(s.buffer as ArrayBuffer)) this.keep(s.buffer as ArrayBuffer);
    this.releaseLater();
  }

  /**
   * Takes in buffers a worker moved back after parsing their page. Moving is the proof of
   * ownership: the sender's views were detached, so nothing else can read or write them.
   */
  adopt(buffers: readonly ArrayBuffer[]): void {
    for (const buffer of buffers) {
      if (buffer.byteLength !== SEGMENT_BYTES) continue;
      this.ours.add(buffer);
      this.keep(buffer);
    }
    this.releaseLater();
  }

  private keep(buffer: ArrayBuffer): void {
    if (this.idle.has(buffer) || buffer.byteLength !== SEGMENT_BYTES || this.free.length >= MAX_FREE) return;
    this.idle.add(buffer);
    this.free.push(buffer);
  }

  private releaseLater(): void {
    if (this.release) {
      this.release.refresh(); // once per page: restart the timer, don't make a new one
      return;
    }
    this.release = setTimeout(() => {
      this.release = undefined;
      this.free = [];
    }, IDLE_MS);
    this.release.unref();
  }

  /** Free segments now (for tests and the bench). */
  get available(): number {
    return this.free.length;
  }
}

/** One per extension host, shared by every vault's lists. */
export const segmentPool = new SegmentPool();
