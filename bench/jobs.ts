// Watching 20 concurrent failover jobs for 10 polls on a running clock: requests per poll, and
// how long after a task changes state in the simulator its line reaches the log sink.
import { performance } from 'node:perf_hooks';
import { Scope } from '../src/scope';
import { itemActions } from '../src/domain/actions';
import { JobTracker } from '../src/jobs/jobTracker';
import type { FollowedJob, PersistedWatch } from '../src/jobs/types';
import { SiteRecoverySimulator } from '../src/simulator/index';
import { figure, median, type Figure, type Note } from './report';

export const JOBS = { jobs: 20, polls: 10, intervalMs: 1000, latencyMs: 50, speed: 30 };

interface TaskEvent {
  taskId: string;
  /** Real time (performance.now()) at which the virtual clock reached the change. */
  realAt: number;
  /** 1 = started, 2 = ended (tasks go NotStarted → InProgress → an end state). */
  nth: number;
}

export async function benchJobs(): Promise<{ figures: Figure[]; notes: Note[] }> {
  const { jobs: count, polls, intervalMs, latencyMs, speed } = JOBS;
  const sim = SiteRecoverySimulator.create({
    scenario: 'large',
    // The generated items are in a mix of states: fewer than half of them can fail over.
    large: { fabrics: 1, containersPerFabric: 1, itemsPerContainer: 3 * count },
    clock: { speed },
    latencyMs,
    retryAfterSeconds: 0,
  });
  const scope = new Scope('bench', 'Bench', { credential: sim.credential, endpoint: sim.endpoint, httpClient: sim.httpClient, practice: true });
  const [vault] = await scope.queries.listVaults(sim.subscriptionId);
  const ready = (await scope.queries.listAllItems(vault)).filter((i) => itemActions(i).includes('failover')).slice(0, count);
  if (ready.length < count) throw new Error(`only ${ready.length} items can fail over`);

  const events: TaskEvent[] = [];
  const seen = new Map<string, number>();
  const listener = sim.onChange((e) => {
    if (e.kind !== 'task') return;
    const nth = (seen.get(e.id) ?? 0) + 1;
    seen.set(e.id, nth);
    events.push({ taskId: e.id, nth, realAt: performance.now() - (sim.now().getTime() - e.time) / speed });
  });
  const lines: Array<{ line: string; at: number }> = [];
  let stored: PersistedWatch[] = [];
  const tracker = new JobTracker({
    scopes: () => scope.queries,
    store: { get: () => stored, set: (v) => void (stored = v) },
    log: (line) => lines.push({ line, at: performance.now() }),
    interval: () => intervalMs,
    now: () => sim.now(),
  });

  const started = await Promise.all(ready.map((item) => scope.operations.failoverItem(item, { kind: 'latest' })));
  sim.clearRequestLog();
  const t0 = performance.now();
  const watched: FollowedJob[] = started.map((s, i) => tracker.follow({ scopeKey: 'bench', vault, jobName: s.jobName!, label: ready[i].friendlyName }));
  const listRequests = () => sim.requestLog.filter((r) => r.method === 'GET' && /\/replicationJobs$/i.test(r.path)).length;
  // Until the 10th poll's answer has been read (the tracker logs as soon as it has it).
  while (listRequests() < polls && tracker.running().length > 0) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 2 * latencyMs));
  const stoppedAt = performance.now();
  const requests = sim.requestLog.filter((r) => r.method === 'GET' && /\/replicationJobs(\/[^/]+)?$/i.test(r.path)).length;
  const done = listRequests();
  tracker.dispose();
  listener.dispose();
  sim.dispose();

  // Which line reports which change: "[vm]   hh:mm:ss <task>: <state>".
  const taskOf = new Map<string, { label: string; task: string }>();
  // Task events are named "<job>/<task id>": recorded task ids are the same in every job.
  for (const w of watched) for (const t of w.latest?.tasks ?? []) taskOf.set(`${w.jobName}/${t.id}`, { label: w.label, task: t.friendlyName });
  const bound = intervalMs + latencyMs;
  const delays: number[] = [];
  let unreported = 0;
  for (const e of events) {
    const t = taskOf.get(e.taskId);
    // Changes too late for a poll to have seen them are left out; earlier ones must be in the log.
    if (!t || e.realAt > stoppedAt - bound) continue;
    const forTask = lines.filter((l) => l.line.startsWith(`[${t.label}] `) && l.line.includes(` ${t.task}: `));
    const report = e.nth === 1 ? forTask[0] : forTask.find((l) => !/: running$/.test(l.line));
    if (!report) {
      unreported++;
      continue;
    }
    delays.push(report.at - e.realAt);
  }
  const worst = unreported > 0 ? Number.POSITIVE_INFINITY : Math.max(...delays);
  return {
    figures: [figure('jobs.requestsPerPollPerVault', requests / done, 'requests', 1), figure('jobs.streamDelayOverBound', worst / bound, '× bound', 1)],
    notes: [
      {
        label: 'jobs setup',
        text: `${count} failover jobs in one vault, ${done} polls every ${intervalMs} ms, ${latencyMs} ms per request, clock ×${speed}, ${((stoppedAt - t0) / 1000).toFixed(1)} s`,
      },
      { label: 'jobs requests', text: `${requests} job requests for ${done} polls; one GET per job per poll would be ${count * done}` },
      {
        label: 'jobs stream delay',
        text: `${delays.length} task changes reported, ${unreported} not; delay median ${median(delays).toFixed(0)} ms, worst ${Math.max(...delays).toFixed(0)} ms; bound = interval + round trip = ${bound} ms`,
      },
    ],
  };
}
