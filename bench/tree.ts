// Tree load: 5,000 replicated items over 20 containers (2 fabrics), every request delayed by a
// fixed latency. Three ways to load the same items, and ours (first page + full load).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { SiteRecoverySimulator, type SimulatorOptions } from '../src/simulator/index';
import { Scope } from '../src/scope';
import type { ReplicatedItem, VaultRef } from '../src/domain/model';
import { toItem } from '../src/azure/mappers';
import { LIST_ALL_CONCURRENCY } from '../src/azure/itemLists';
import type { SiteRecoveryQueries } from '../src/azure/queries';
import { queriesWithWorker } from './itemListsWorker';
import { figure, median, type Figure, type Note } from './report';
import { replay } from './replay';

export const TREE = { fabrics: 2, containersPerFabric: 10, itemsPerContainer: 250, latencyMs: 50, pageSize: 100, runs: 5 };

/** Targets: the full load within 1.25 × the network floor, and no stall of the host thread over 20 ms. */
export const TREE_TARGETS = { fullLoadOverFloor: 1.25, hostStallMs: 20 };

interface LoaderRun {
  /** Real milliseconds from the start until the first rows could be shown. */
  firstRowsMs: number;
  fullMs: number;
  requests: number;
  items: number;
}

type Loader = (world: World) => Promise<{ firstRowsAt: number; items: ReplicatedItem[] }>;

interface World {
  sim: SiteRecoverySimulator;
  scope: Scope;
  /** The scope's queries, item pages parsed on the worker the extension ships. */
  queries: SiteRecoveryQueries;
  vault: VaultRef;
  t0: number;
  requests(): number;
  resetRequests(): void;
  setLatency(ms: number): void;
}

/**
 * The simulator as `transport` says: 'replay' answers what it recorded after `latencyMs`
 * (see replay.ts); 'simulator' is the in-process simulator with its own `latencyMs`.
 */
async function world(options: SimulatorOptions, transport: 'replay' | 'simulator', latencyMs: number): Promise<World> {
  const sim = SiteRecoverySimulator.create({ scenario: 'large', clock: 'manual', retryAfterSeconds: 0, ...options, latencyMs: transport === 'simulator' ? latencyMs : 0 });
  const rec = transport === 'replay' ? replay(sim, latencyMs) : undefined;
  const scope = new Scope('bench', 'Bench', { credential: sim.credential, endpoint: sim.endpoint, httpClient: rec?.httpClient ?? sim.httpClient, practice: true });
  const queries = queriesWithWorker(scope.clients);
  const [vault] = await queries.listVaults(sim.subscriptionId);
  const w: World = {
    sim,
    scope,
    queries,
    vault,
    t0: 0,
    requests: () => rec?.sent ?? sim.requestLog.length,
    resetRequests: () => (rec ? rec.reset() : sim.clearRequestLog()),
    setLatency: (ms) => {
      if (rec) rec.latencyMs = ms;
    },
  };
  // Untimed: SDK loaded, client built, token cached (and, replaying, every answer recorded).
  if (rec) {
    await paged(w);
    await naive(w);
  } else {
    await queries.listItemsPage(vault);
  }
  return w;
}

/** What the Azure CLI and PowerShell force: fabrics, then each fabric's containers, then each container's items, one request at a time. */
const naive: Loader = async ({ scope, vault, t0 }) => {
  const client = await scope.clients.siteRecovery(vault.subscriptionId);
  const items: ReplicatedItem[] = [];
  let firstRowsAt = 0;
  for await (const fabric of client.replicationFabrics.list(vault.vaultName, vault.resourceGroup)) {
    for await (const container of client.replicationProtectionContainers.listByReplicationFabrics(vault.vaultName, vault.resourceGroup, fabric.name!)) {
      for await (const page of client.replicationProtectedItems
        .listByReplicationProtectionContainers(vault.vaultName, vault.resourceGroup, fabric.name!, container.name!)
        .byPage()) {
        items.push(...page.map((rpi) => toItem(vault, rpi)));
        if (!firstRowsAt && items.length > 0) firstRowsAt = performance.now() - t0;
      }
    }
  }
  return { firstRowsAt, items };
};

/** The vault-wide list, following nextLink one page at a time. */
const paged: Loader = async ({ queries, vault, t0 }) => {
  const items: ReplicatedItem[] = [];
  let firstRowsAt = 0;
  let token: string | undefined;
  do {
    const page = await queries.listItemsPage(vault, token);
    items.push(...page.items);
    if (!firstRowsAt) firstRowsAt = performance.now() - t0;
    token = page.continuationToken;
  } while (token);
  return { firstRowsAt, items };
};

/** Per-container lists in parallel only (no first page of its own: rows show when all is loaded). */
const parallel =
  (concurrency: number): Loader =>
  async ({ queries, vault, t0 }) => {
    const items = await queries.listAllItems(vault, { concurrency });
    return { firstRowsAt: performance.now() - t0, items };
  };

/**
 * Ours, as ItemsFolderNode.loadAll() runs it on a folder nobody expanded yet (pickers, Filter):
 * the first page from one vault-wide request, the full list from the per-container lists,
 * both started at once.
 */
const ours: Loader = async ({ queries, vault, t0 }) => {
  let firstRowsAt = 0;
  const first = queries.listItemsPage(vault).then((page) => {
    firstRowsAt = performance.now() - t0;
    return page;
  });
  const all = queries.listAllItems(vault);
  const page = await first;
  return { firstRowsAt, items: page.continuationToken ? await all : page.items };
};

/** Every loader starts from a collected heap: the run before leaves megabytes of garbage whose collection would land, at random, in the middle of the next one. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function run(w: World, loader: Loader, collectFirst = true): Promise<LoaderRun> {
  if (collectFirst) collect();
  w.resetRequests();
  w.t0 = performance.now();
  const { firstRowsAt, items } = await loader(w);
  const fullMs = performance.now() - w.t0;
  const ids = new Set(items.map((i) => i.id.toLowerCase()));
  if (ids.size !== items.length) throw new Error(`a loader returned ${items.length - ids.size} duplicates`);
  return { firstRowsMs: firstRowsAt, fullMs, requests: w.requests(), items: items.length };
}

async function medianRun(w: World, loader: Loader, runs: number): Promise<LoaderRun> {
  const all: LoaderRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await run(w, loader));
  return { firstRowsMs: median(all.map((r) => r.firstRowsMs)), fullMs: median(all.map((r) => r.fullMs)), requests: all[0].requests, items: all[0].items };
}

/** Dependency chains in round trips, from the vault's shape (read without latency). */
async function chains(options: SimulatorOptions): Promise<{ naive: number; paged: number; parallel: number; parallelRequests: number; items: number }> {
  const w = await world(options, 'simulator', 0);
  const client = await w.scope.clients.siteRecovery(w.vault.subscriptionId);
  const pages = (n: number) => Math.max(1, Math.ceil(n / TREE.pageSize));
  const { vaultName: v, resourceGroup: rg } = w.vault;
  const fabrics: string[] = [];
  for await (const f of client.replicationFabrics.list(v, rg)) fabrics.push(f.name!);
  let naiveTrips = pages(fabrics.length);
  let deepest = 0;
  let items = 0;
  for (const f of fabrics) {
    const containers: string[] = [];
    for await (const c of client.replicationProtectionContainers.listByReplicationFabrics(v, rg, f)) containers.push(c.name!);
    naiveTrips += pages(containers.length);
    let longest = 0;
    for (const c of containers) {
      let n = 0;
      for await (const page of client.replicationProtectedItems.listByReplicationProtectionContainers(v, rg, f, c).byPage()) n += page.length;
      items += n;
      naiveTrips += pages(n);
      longest = Math.max(longest, pages(n));
    }
    deepest = Math.max(deepest, pages(containers.length) + longest);
  }
  w.queries.dispose();
  w.sim.dispose();
  // The naive walk's requests are all in one chain: as many requests as round trips.
  return { naive: naiveTrips, paged: pages(items), parallel: pages(fabrics.length) + deepest, parallelRequests: naiveTrips, items };
}

/** The simulator's latency must overlap: n small requests at once take about one latency, not n. */
async function overlap(w: World, n = 10): Promise<number> {
  const client = await w.scope.clients.siteRecovery(w.vault.subscriptionId);
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, () => client.replicationFabrics.get(w.vault.vaultName, w.vault.resourceGroup, 'cs-01')));
  return (performance.now() - t) / TREE.latencyMs;
}

export async function benchTree(): Promise<{ figures: Figure[]; notes: Note[] }> {
  const options: SimulatorOptions = {
    large: { fabrics: TREE.fabrics, containersPerFabric: TREE.containersPerFabric, itemsPerContainer: TREE.itemsPerContainer },
    pageSize: TREE.pageSize,
  };
  const chain = await chains(options);
  const inProcess = await world(options, 'simulator', TREE.latencyMs);
  const overlapTrips = await overlap(inProcess);
  const inProcessRun = await run(inProcess, ours);
  inProcess.queries.dispose();
  inProcess.sim.dispose();

  const w = await world(options, 'replay', TREE.latencyMs);
  const naiveRun = await medianRun(w, naive, TREE.runs);
  const pagedRun = await medianRun(w, paged, TREE.runs);
  const parallel8 = await medianRun(w, parallel(8), TREE.runs);
  const parallelRun = await medianRun(w, parallel(LIST_ALL_CONCURRENCY), TREE.runs);
  const oursRun = await medianRun(w, ours, TREE.runs);
  const stalls: number[] = [];
  for (let i = 0; i < TREE.runs; i++) {
    collect(); // before the probe starts: the bench's own collection is no stall of ours
    stalls.push(await longestStall(() => run(w, ours, false)));
  }
  const stall = median(stalls);
  const workers = w.queries.itemListWorkers;
  w.setLatency(0);
  const cpuOnly = await medianRun(w, ours, TREE.runs);
  w.queries.dispose();
  w.sim.dispose();

  for (const [name, r] of [
    ['naive', naiveRun],
    ['paged', pagedRun],
    ['parallel', parallelRun],
    ['ours', oursRun],
  ] as const) {
    if (r.items !== chain.items) throw new Error(`the ${name} loader found ${r.items} items of ${chain.items}`);
  }
  const floorTrips = Math.min(chain.naive, chain.paged, chain.parallel);
  const floorMs = floorTrips * TREE.latencyMs;
  const trips = (ms: number) => ms / TREE.latencyMs;
  const row = (label: string, r: LoaderRun, chainTrips: number): Note => ({
    label,
    text: `first rows ${r.firstRowsMs.toFixed(0)} ms (${trips(r.firstRowsMs).toFixed(1)} RT), all ${r.items} in ${r.fullMs.toFixed(0)} ms (${trips(r.fullMs).toFixed(1)} RT; chain ${chainTrips} RT), ${r.requests} requests`,
  });
  return {
    figures: [
      // Whole latencies elapsed before the first rows: k requests in a chain take at least k.
      figure('tree.firstPageRoundTrips', Math.floor(trips(oursRun.firstRowsMs)), 'round trips', 1),
      figure('tree.fullLoadOverFloor', oursRun.fullMs / floorMs, '× floor', TREE_TARGETS.fullLoadOverFloor),
      // The longest the extension host's thread (shared by every extension) was blocked during a full load.
      figure('tree.hostStallMs', stall, 'ms', TREE_TARGETS.hostStallMs),
      // Meeting the floor target implies at least this much against the naive walk's chain.
      figure('tree.naiveOverOurs', naiveRun.fullMs / oursRun.fullMs, '×', chain.naive / (TREE_TARGETS.fullLoadOverFloor * floorTrips), 'higher'),
      // No request wasted: the first page plus what the per-container walk needs.
      figure('tree.requests', oursRun.requests, 'requests', 1 + chain.parallelRequests),
    ],
    notes: [
      {
        label: 'tree setup',
        text: `${chain.items} items, ${TREE.fabrics} fabrics × ${TREE.containersPerFabric} containers, ${TREE.latencyMs} ms per request, page size ${TREE.pageSize}, median of ${TREE.runs}${(globalThis as { gc?: unknown }).gc ? ', heap collected before each' : ''}; floor = ${floorTrips} RT = ${floorMs} ms; simulator answers replayed (replay.ts)`,
      },
      {
        label: 'simulator latency',
        text: `10 concurrent requests to the in-process simulator took ${overlapTrips.toFixed(2)} RT (they overlap); ours against it, server work on our thread: ${inProcessRun.fullMs.toFixed(0)} ms`,
      },
      row('naive walk (CLI, PowerShell)', naiveRun, chain.naive),
      row('vault-wide paged list', pagedRun, chain.paged),
      row('per-container, concurrency 8', parallel8, chain.parallel),
      row(`per-container, concurrency ${LIST_ALL_CONCURRENCY}`, parallelRun, chain.parallel),
      row('ours (first page + per-container)', oursRun, chain.parallel),
      {
        label: 'client CPU',
        text: `ours with no latency (${chain.items} items of ~4 KB JSON parsed and mapped on ${workers} worker thread(s), merged and sorted): ${cpuOnly.fullMs.toFixed(0)} ms = ${(cpuOnly.fullMs / floorMs).toFixed(2)} × the network floor; ours ÷ max(network floor, CPU alone) = ${(oursRun.fullMs / Math.max(floorMs, cpuOnly.fullMs)).toFixed(2)}`,
      },
      {
        label: 'host thread',
        text: `longest stall of the extension host's thread during ours, ${TREE.runs} loads: ${stalls.map((ms) => ms.toFixed(1)).join(', ')} ms (median ${stall.toFixed(1)}; other extensions wait that long at most)`,
      },
    ],
  };
}

/** The longest the event loop was blocked while `work` ran, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await work();
  h.disable();
  return h.max / 1e6;
}
