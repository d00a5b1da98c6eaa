import { AzureClients } from '../../../src/azure/clients';
import { SiteRecoveryOperations } from '../../../src/azure/operations';
import { SiteRecoveryQueries } from '../../../src/azure/queries';
import { itemActions } from '../../../src/domain/actions';
import type { JobInfo, ReplicatedItem, VaultRef } from '../../../src/domain/model';
import { JobTracker, type JobTrackerOptions } from '../../../src/jobs/jobTracker';
import type { LogLevel } from '../../../src/jobs/types';
import { SiteRecoverySimulator, type SimulatorOptions } from '../../../src/simulator/index';
import { ManualTimers } from './manualTimers';
import { MemoryStore } from './memoryStore';

export const SCOPE = 'practice';

/**
 * A simulator on a manual clock, the real SDK clients on top of it, and the tracker's
 * timers driving the simulator's clock: advancing the timers is the only way time passes.
 */
export async function createHarness(options: { interval?: number; sim?: SimulatorOptions } = {}) {
  const sim = SiteRecoverySimulator.create({ scenario: 'failback-classic', ...options.sim, clock: 'manual', retryAfterSeconds: 0 });
  const clients = new AzureClients({ credential: sim.credential, endpoint: sim.endpoint, httpClient: sim.httpClient, practice: true });
  const queries = new SiteRecoveryQueries(clients);
  const operations = new SiteRecoveryOperations(clients, queries);
  const [vault] = await queries.listVaults(sim.subscriptionId);
  const timers = new ManualTimers((ms) => sim.advance(ms));
  const store = new MemoryStore();
  const interval = options.interval ?? 30_000;
  const log: Array<{ line: string; level: LogLevel }> = [];
  const trackers: JobTracker[] = [];

  const tracker = (extra: Partial<JobTrackerOptions> = {}): JobTracker => {
    const t = new JobTracker({
      scopes: (key) => (key === SCOPE ? queries : undefined),
      store,
      log: (line, level = 'info') => log.push({ line, level }),
      interval: () => interval,
      timers,
      now: () => sim.now(),
      ...extra,
    });
    trackers.push(t);
    return t;
  };

  /** Starts a failover on `count` items that can fail over now; returns item and job name. */
  const startFailovers = async (count: number): Promise<Array<{ item: ReplicatedItem; jobName: string }>> => {
    const ready = (await queries.listItemsPage(vault)).items.filter((i) => itemActions(i).includes('failover') && i.friendlyName !== 'file-win-01');
    if (ready.length < count) throw new Error(`only ${ready.length} items can fail over`);
    const out: Array<{ item: ReplicatedItem; jobName: string }> = [];
    for (const item of ready.slice(0, count)) {
      const started = await operations.failoverItem(item, { kind: 'latest' });
      if (!started.jobName) throw new Error('no job name');
      out.push({ item, jobName: started.jobName });
    }
    return out;
  };

  const followReq = (vaultRef: VaultRef, jobName: string, label: string) => ({ scopeKey: SCOPE, vault: vaultRef, jobName, label });

  /** Requests the tracker sends: the vault's job list, and single-job GETs. */
  const jobListRequests = () => sim.requestLog.filter((e) => e.method === 'GET' && /\/replicationJobs$/i.test(e.path));
  const jobGetRequests = () => sim.requestLog.filter((e) => e.method === 'GET' && /\/replicationJobs\/[^/]+$/i.test(e.path));

  /** Runs the next `n` timers (polls), moving the clock to each. */
  const runPolls = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const d = timers.nextDelay();
      if (d === undefined) return;
      await timers.advance(d);
    }
  };

  /** One failover, followed by a new tracker that records what it reports. */
  const followFailover = async (extra: Partial<JobTrackerOptions> = {}) => {
    const [{ item, jobName }] = await startFailovers(1);
    const t = tracker(extra);
    const finished: JobInfo[] = [];
    t.onFinished((job) => finished.push(job));
    const watched = t.follow(followReq(vault, jobName, item.friendlyName));
    return { item, jobName, tracker: t, watched, finished };
  };

  const dispose = (): void => {
    trackers.forEach((t) => t.dispose());
    sim.dispose();
  };

  return {
    sim,
    clients,
    queries,
    operations,
    vault,
    timers,
    store,
    interval,
    log,
    tracker,
    startFailovers,
    followReq,
    jobListRequests,
    jobGetRequests,
    runPolls,
    followFailover,
    dispose,
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Registers a fresh harness per test (and its disposal); call the result inside a test. */
export function useHarness(options: Parameters<typeof createHarness>[0] = {}): () => Harness {
  let h: Harness | undefined;
  beforeEach(async () => {
    h = await createHarness(options);
  });
  afterEach(() => h?.dispose());
  return () => h!;
}

export const lines = (h: Harness): string[] => h.log.map((l) => l.line);
