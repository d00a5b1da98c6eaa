// Where item-list pages are parsed. A big vault's full load is megabytes of JSON: parsed on the
// extension host's thread, which every other extension shares, it would stall them all for tens
// of milliseconds (npm run bench). Big pages go to one worker thread, owned by this parser and
// stopped with it; small pages, and every page when no worker can run, are parsed here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VaultRef } from '../../domain/model';
import { MalformedPageError, parseItemsPage, type ParsedItemsPage } from './pages';
import type { PageReply, PageRequest } from './worker';

/** What the item lists need of a parser (tests bring their own). */
export type ItemPageParser = Pick<PageParser, 'parse' | 'workers' | 'workerPages' | 'dispose'>;

export interface PageParserOptions {
  /** Starts the worker; undefined (or a throw) when none can run here. Default: the bundled worker beside extension.js (esbuild.mjs). */
  start?: () => Worker | undefined;
  /** Smaller pages are parsed here: quicker than the hand-over, and a small vault starts no worker. */
  minWorkerBytes?: number;
  /** A worker idle this long stops; the next big page starts another. */
  idleMs?: number;
}

/** Workers that may die before pages are parsed here for good (dispose() sets it too). */
const MAX_DEATHS = 3;

type Pending = { bytes: Uint8Array; vault: VaultRef; resolve(page: ParsedItemsPage): void; reject(error: Error): void };

export class PageParser {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private deaths = 0;
  private idle?: NodeJS.Timeout;
  private parsedOffThread = 0;

  constructor(private readonly options: PageParserOptions = {}) {}

  /** Worker threads running now (0 or 1). */
  get workers(): number {
    return this.worker ? 1 : 0;
  }

  /** Pages the worker has parsed so far: how tests see that big lists left the host thread. */
  get workerPages(): number {
    return this.parsedOffThread;
  }

  parse(bytes: Uint8Array, vault: VaultRef): Promise<ParsedItemsPage> {
    const worker = bytes.byteLength >= (this.options.minWorkerBytes ?? 64 * 1024) ? this.ensure() : undefined;
    if (!worker) return Promise.resolve().then(() => parseItemsPage(bytes, vault));
    clearTimeout(this.idle);
    if (this.pending.size === 0) worker.ref(); // replies due: the process waits for them
    const id = this.nextId++;
    // Pages read from the network are in shared memory (index.ts): sent without a copy.
    worker.postMessage({ id, bytes, vault } satisfies PageRequest);
    return new Promise((resolve, reject) => this.pending.set(id, { bytes, vault, resolve, reject }));
  }

  /** Stops the worker; pages it held reject, later pages are parsed here. */
  dispose(): void {
    this.deaths = MAX_DEATHS;
    this.stop();
    for (const page of this.takePending()) page.reject(new Error('The item list was stopped: the extension is shutting down'));
  }

  private ensure(): Worker | undefined {
    if (this.worker || this.deaths >= MAX_DEATHS) return this.worker;
    let worker: Worker | undefined;
    try {
      worker = (this.options.start ?? bundledWorker)();
    } catch {
      // e.g. worker threads not allowed here
    }
    if (!worker) {
      this.deaths = MAX_DEATHS;
      return undefined;
    }
    const started = worker;
    started.unref();
    started.on('message', (reply: PageReply) => this.settle(reply));
    started.on('error', () => this.died(started));
    started.on('exit', () => this.died(started));
    return (this.worker = started);
  }

  private settle(reply: PageReply): void {
    const page = this.pending.get(reply.id);
    if (!page) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      this.idle = setTimeout(() => this.stop(), this.options.idleMs ?? 30_000).unref();
    }
    if ('error' in reply) return page.reject(reply.malformed !== undefined ? new MalformedPageError(reply.malformed) : new Error(reply.error));
    // One vault object for all, and one copy of each string the page repeats (policy, states): half the heap to keep.
    const strings = new Map<string, string>();
    for (const item of reply.items) {
      item.vault = page.vault;
      const fields = item as unknown as Record<string, unknown>;
      for (const key in fields) {
        const value = fields[key];
        if (typeof value === 'string') fields[key] = strings.get(value) ?? (strings.set(value, value), value);
      }
    }
    this.parsedOffThread++;
    page.resolve({ items: reply.items, nextLink: reply.nextLink });
  }

  /** The worker died: its pages are still here, and go to the next worker (or are parsed here after repeated deaths). */
  private died(worker: Worker): void {
    if (worker !== this.worker) return;
    this.deaths++;
    this.stop();
    for (const page of this.takePending()) this.parse(page.bytes, page.vault).then(page.resolve, page.reject);
  }

  private takePending(): Pending[] {
    const pages = [...this.pending.values()];
    this.pending.clear();
    return pages;
  }

  private stop(): void {
    clearTimeout(this.idle);
    if (!this.worker) return;
    this.worker.removeAllListeners();
    void this.worker.terminate();
    this.worker = undefined;
  }
}

function bundledWorker(): Worker | undefined {
  const script = path.join(__dirname, 'itemListsWorker.js');
  return existsSync(script) ? new Worker(script) : undefined;
}
