// Parses an ARM list page a few dozen KB at a time instead of as one string. A page of
// replicated items is hundreds of KB: decoded whole, its text lands in V8's large-object space,
// whose fresh memory cost more to fault in than JSON.parse spends reading it (npm run bench);
// chunks of the "value" array stay in the young generation.
//
// The page is cut where ARM starts a resource (`},{"id":`) and every chunk is checked by
// JSON.parse as a list of whole values: a cut inside an element (a nested list, a string) makes
// its chunk invalid, and the next cut is tried. JSON is read left to right, so a chunk that
// starts at an element and parses as a list ends at an element too. Whatever this cannot vouch
// for returns undefined and the page is parsed whole: a page gives the same values either way.

/** A page's bytes: one buffer, or the segments they arrived in (in order). */
export type PageBytes = Uint8Array | readonly Uint8Array[];

/** Text of a chunk: far below V8's large-object threshold (128 KB) even after an element's overshoot. */
const CHUNK_BYTES = 48 * 1024;
/** Where an ARM list page's elements meet: each resource starts with its id. */
const BOUNDARY = Buffer.from('},{"id":');
/** Cuts that fell inside an element before the rest of the page is taken as one chunk. */
const MAX_MISSES = 4;
/** ARM writes the list first: `{"value":[` (the array must be the top-level object's "value"). */
const HEAD = /^\s*\{\s*"value"\s*:\s*\[/;
const CLOSE_ARRAY = 0x5d;

const utf8 = new TextDecoder('utf-8');

export function segmentsOf(bytes: PageBytes): readonly Uint8Array[] {
  return bytes instanceof Uint8Array ? [bytes] : bytes;
}

export function byteLength(bytes: PageBytes): number {
  let n = 0;
  for (const s of segmentsOf(bytes)) n += s.byteLength;
  return n;
}

/** The page's bytes in one buffer (the whole-page parse needs them so). */
export function joined(bytes: PageBytes): Uint8Array {
  const segments = segmentsOf(bytes);
  return segments.length === 1 ? segments[0] : copyRange(segments, 0, 0, byteLength(segments));
}

/** The page as JSON.parse would give it, read in chunks; undefined where it must be parsed whole. */
export function parseInChunks(bytes: PageBytes): { value: unknown[] } | undefined {
  const segments = segmentsOf(bytes);
  const total = byteLength(segments);
  const read = reader(segments);
  const head = HEAD.exec(Buffer.from(read(0, Math.min(total, 64))).toString('latin1'));
  const close = lastIndexOf(segments, CLOSE_ARRAY);
  if (!head || close < head[0].length) return undefined;
  // The rest of the page (nextLink): another "value" after it would replace the list in JSON.parse.
  const tail = utf8.decode(read(close, total));
  if (tail.includes('"value"')) return undefined;
  let body: { value: unknown[] };
  try {
    body = JSON.parse(`{"value":[${tail}`) as { value: unknown[] };
  } catch {
    return undefined;
  }
  let misses = 0;
  for (let from = head[0].length; from < close; ) {
    for (let search = from + CHUNK_BYTES; ; ) {
      const cut = misses < MAX_MISSES && search < close ? indexOf(segments, BOUNDARY, search, close) : -1;
      const end = cut < 0 ? close : cut + 1;
      const values = listOf(read(from, end));
      if (values) {
        for (const v of values) body.value.push(v);
        from = end + 1; // past the comma (or the closing bracket)
        break;
      }
      if (cut < 0) return undefined;
      misses++;
      search = cut + 1;
    }
  }
  return body;
}

/** The values of a chunk, if it is a comma-separated list of whole JSON values. */
function listOf(chunk: Uint8Array): unknown[] | undefined {
  try {
    return JSON.parse(`[${utf8.decode(chunk)}]`) as unknown[];
  } catch {
    return undefined;
  }
}

/** Reads a byte range: a view where it lies in one segment, a copy where it spans several. */
function reader(segments: readonly Uint8Array[]): (start: number, end: number) => Uint8Array {
  let index = 0;
  let segmentStart = 0;
  return (start, end) => {
    if (start < segmentStart) {
      index = 0;
      segmentStart = 0;
    }
    while (index < segments.length - 1 && start >= segmentStart + segments[index].length) segmentStart += segments[index++].length;
    const first = segments[index];
    if (end <= segmentStart + first.length) return first.subarray(start - segmentStart, end - segmentStart);
    return copyRange(segments, index, start - segmentStart, end - start);
  };
}

function copyRange(segments: readonly Uint8Array[], index: number, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let at = 0, k = index, from = offset; at < length; k++, from = 0) {
    const part = segments[k].subarray(from, Math.min(segments[k].length, from + length - at));
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const view = (s: Uint8Array) => Buffer.from(s.buffer, s.byteOffset, s.byteLength);

/** First `pattern` at or after `from` and before `before` (a pattern split across two segments is not seen). */
function indexOf(segments: readonly Uint8Array[], pattern: Uint8Array, from: number, before: number): number {
  let start = 0;
  for (const s of segments) {
    if (from < start + s.length) {
      const at = view(s).indexOf(pattern, Math.max(0, from - start));
      if (at >= 0) return start + at + pattern.length <= before ? start + at : -1;
    }
    start += s.length;
    if (start >= before) break;
  }
  return -1;
}

function lastIndexOf(segments: readonly Uint8Array[], byte: number): number {
  let end = byteLength(segments);
  for (let k = segments.length - 1; k >= 0; k--) {
    end -= segments[k].length;
    const at = view(segments[k]).lastIndexOf(byte);
    if (at >= 0) return end + at;
  }
  return -1;
}
