// Hands item-list pages to worker threads (itemsPageWorker.ts) and gets the mapped items back.
// The extension host's thread is shared by every extension: parsing a big vault's megabytes of
// JSON there would block them all, and the page chains would wait behind that work (npm run
// bench). Small pages, and all pages where no worker can start, are parsed in-thread with the
// same code. Page bytes are handed over (transferred, not copied); a page whose worker died is
// lost to the parser, which says so with PageParserStoppedError: the caller reads it again.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VaultRef } from '../domain/model';
import { MalformedPageError, parseItemsPage, type ParsedItemsPage } from './itemsPage';
import { unpackItems } from './itemsPageWire';
import { byteLength, segmentsOf, type PageBytes } from './listPageChunks';
import { segmentPool } from './pageSegments';
import type { ItemsPageReply, ItemsPageRequest } from './itemsPageWorker';

/** Workers nobody used for this long stop; the next big load starts them again (tens of ms, behind the first round trips). */
const IDLE_MS = 30_000;

/** A core is left to the host thread (on two cores, two workers ran slower than one: npm run bench); two keep up with a page wave. */
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism() - 1));

/** Below this, a page is parsed in-thread: quicker than the hand-over, and no worker starts for a small vault. */
const IN_THREAD_MAX_BYTES = 64 * 1024;

/** Workers that died before the parser gives up on them for the session (parsing in-thread from then on). */
const MAX_FAILURES = 3;

/**
 * Pages a worker holds at once: one parsing, one waiting in its port, so it never idles while
 * this thread is busy. Pages beyond that wait here, where this thread takes them when idle.
 */
const WORKER_DEPTH = 2;

/** The page was with a worker that stopped: its bytes went with it, read the page again. */
export class PageParserStoppedError extends Error {
  constructor() {
    super('The item-list parser stopped before it answered');
    this.name = 'PageParserStoppedError';
  }
}

interface Pending {
  vault: VaultRef;
  resolve(page: ParsedItemsPage): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

interface Queued extends Pending {
  bytes: PageBytes;
}

/** The worker script: bundled beside extension.js, or the TypeScript source when running from sources (unit tests, bench). */
function startWorker(): Worker {
  const built = path.join(__dirname, 'itemsPageWorker.js');
  if (existsSync(built)) return new Worker(built);
  const source = path.join(__dirname, 'itemsPageWorker.ts');
  if (existsSync(source)) return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
  throw new Error('no items-page worker script');
}

export class ItemsPageParser {
  private pool: PoolWorker[] = [];
  private unavailable = false;
  private failures = 0;
  private nextId = 1;
  private idle?: NodeJS.Timeout;
  /** Pages no worker can take yet; this thread parses them between its I/O (see drain). */
  private queue: Queued[] = [];
  private draining = false;

  constructor(
    private readonly size = POOL_SIZE,
    private readonly start: () => Worker = startWorker,
  ) {}

  /** Starts the workers before the first page arrives, so their start-up overlaps the round trips. */
  warm(): void {
    this.ensure();
    this.scheduleIdle();
  }

  /** Parses a page; `bytes` are handed over (unusable afterwards) when a worker takes them. */
  parse(bytes: PageBytes, vault: VaultRef): Promise<ParsedItemsPage> {
    if (byteLength(bytes) < IN_THREAD_MAX_BYTES || this.ensure().length === 0) return Promise.resolve().then(() => parsedHere(bytes, vault));
    clearTimeout(this.idle);
    return new Promise<ParsedItemsPage>((resolve, reject) => {
      this.queue.push({ bytes, vault, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers running now (0 when idle or when pages are parsed in-thread). */
  get workers(): number {
    return this.pool.length;
  }

  /** A worker is running and has nothing queued: a page handed over now is parsed at once. */
  get idleWorker(): boolean {
    return this.pool.some((w) => w.pending.size === 0);
  }

  dispose(): void {
    this.unavailable = true;
    const shuttingDown = () => new Error('The item list was stopped: the extension is shutting down');
    for (const page of this.queue.splice(0)) page.reject(shuttingDown());
    this.stop(shuttingDown);
  }

  /** Hands queued pages to workers with room; what is left, this thread parses when idle. */
  private dispatch(): void {
    for (const target of this.pool) {
      while (target.pending.size < WORKER_DEPTH && this.queue.length > 0) this.send(target, this.queue.shift()!);
    }
    if (this.queue.length > 0 && !this.draining) {
      this.draining = true;
      // After pending I/O: answers and next-page requests go out first, a page is parsed between them.
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    this.draining = false;
    const page = this.queue.shift();
    if (page) {
      try {
        page.resolve(parsedHere(page.bytes, page.vault));
      } catch (e) {
        page.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
    this.dispatch();
    if (this.queue.length === 0 && this.pool.length > 0 && this.pool.every((w) => w.pending.size === 0)) this.scheduleIdle();
  }

  private send(target: PoolWorker, page: Queued): void {
    const id = this.nextId++;
    target.pending.set(id, page);
    if (target.pending.size === 1) target.worker.ref(); // replies outstanding: keep the process alive for them
    // Moved, not copied: a copy costs the host thread more than the rest of the hand-over. The
    // pool's segments move whole (and come back with the reply); other memory only if the page
    // has all of its buffer.
    const { bytes, vault } = page;
    const owned = segmentsOf(bytes).map((s) => (segmentPool.owns(s) || (s.byteOffset === 0 && s.byteLength === s.buffer.byteLength) ? s : s.slice()));
    target.worker.postMessage({ id, bytes: owned, vault } satisfies ItemsPageRequest, [...new Set(owned.map((s) => s.buffer as ArrayBuffer))]);
  }

  private ensure(): PoolWorker[] {
    while (!this.unavailable && this.pool.length < this.size) {
      let worker: Worker;
      try {
        worker = this.start();
      } catch {
        this.unavailable = true; // e.g. worker threads not allowed here: in-thread from now on
        break;
      }
      const entry: PoolWorker = { worker, pending: new Map() };
      worker.unref();
      worker.on('message', (reply: ItemsPageReply) => this.settle(entry, reply));
      worker.on('error', () => this.fallBack(entry));
      worker.on('exit', () => this.fallBack(entry));
      this.pool.push(entry);
    }
    return this.pool;
  }

  private settle(entry: PoolWorker, reply: ItemsPageReply): void {
    const p = entry.pending.get(reply.id);
    if (!p) return;
    entry.pending.delete(reply.id);
    if (entry.pending.size === 0) entry.worker.unref();
    segmentPool.adopt(reply.segments);
    this.dispatch();
    if (this.queue.length === 0 && this.pool.every((w) => w.pending.size === 0)) this.scheduleIdle();
    if ('error' in reply) return p.reject(reply.malformed !== undefined ? new MalformedPageError(reply.malformed) : new Error(reply.error));
    // One vault object for all items, as in-thread mapping gives.
    p.resolve({ items: unpackItems(reply.items, p.vault), nextLink: reply.nextLink });
  }

  /**
   * A worker died: what the pool held is lost (PageParserStoppedError, the caller reads it
   * again). The next page starts a new pool, until workers have died too often.
   */
  private fallBack(entry: PoolWorker): void {
    if (!this.pool.includes(entry)) return;
    if (++this.failures >= MAX_FAILURES) this.unavailable = true;
    this.stop(() => new PageParserStoppedError());
  }

  private scheduleIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(() => new PageParserStoppedError()), IDLE_MS);
    this.idle.unref();
  }

  /** Stops every worker; pages they still held are rejected with `reason()`. */
  private stop(reason: () => Error): void {
    clearTimeout(this.idle);
    const pool = this.pool;
    this.pool = [];
    for (const { worker, pending } of pool) {
      worker.removeAllListeners();
      void worker.terminate();
      for (const p of pending.values()) p.reject(reason());
      pending.clear();
    }
  }
}

/** One per extension host: pages from every vault share the workers. */
export const itemsPageParser = new ItemsPageParser();

/** Parses a page on this thread; its segments go back to the pool. */
function parsedHere(bytes: PageBytes, vault: VaultRef): ParsedItemsPage {
  try {
    return parseItemsPage(bytes, vault);
  } finally {
    segmentPool.give(segmentsOf(bytes));
  }
}
