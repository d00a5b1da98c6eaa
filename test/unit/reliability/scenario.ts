import type { FaultSpec } from '../../../src/simulator';
import { DEFAULT_AGENT_RETRY } from '../../../src/domain/agentWindow';
import { describeError, errorDetail, isAuthError } from '../../../src/domain/errors';
import { failbackPhase } from '../../../src/domain/itemState';
import { isSuccess } from '../../../src/domain/jobs';
import type { JobInfo, ReplicatedItem } from '../../../src/domain/model';
import { precheckAction } from '../../../src/domain/prechecks';
import { prepareFailover } from '../../../src/workflows/failoverPrep';
import { runReprotect } from '../../../src/workflows/reprotectRunner';
import type { Cell, Operation, Outcome } from './matrix';
import { reliabilityWorld, SCOPE_KEY, type Generation, type ReliabilityWorld } from './world';

export interface ScenarioResult {
  name: string;
  outcome: Outcome;
  /** POSTs to the operation's action path, and those answered 2xx. */
  posts: number;
  accepted: number;
  /** Extra destructive sends: a POST re-sent after a non-429 answer, or more than one job started. */
  duplicates: number;
  /** Jobs Site Recovery started that the tracker did not report exactly once. */
  jobsLost: number;
  problems: string[];
  passed: boolean;
}

const ACTION_PATH: Record<Operation, RegExp> = {
  failover: /\/replicationProtectedItems\/[^/]+\/(?:un)?plannedFailover$/i,
  commit: /\/replicationProtectedItems\/[^/]+\/failoverCommit$/i,
  reprotect: /\/replicationProtectedItems\/[^/]+\/reprotect$/i,
};

/** Polls a stalled job is left stalled before the fault is lifted. */
const STALL_POLLS = 8;
/** Upper bound on polls for one job (hours of virtual time). */
const MAX_POLLS = 600;

type Snapshot = { jobs: Array<{ name: string }>; items: Array<{ name: string; properties: Record<string, unknown> }> };

function jobNames(w: ReliabilityWorld): Set<string> {
  return new Set((w.sim.snapshot() as Snapshot).jobs.map((j) => j.name.toLowerCase()));
}

/** The item as the operation finds it, after the set-up (no fault yet). */
async function stage(w: ReliabilityWorld, operation: Operation): Promise<ReplicatedItem> {
  if (operation === 'failover') return w.readyItem();
  if (operation === 'commit') return w.awaitingCommit();
  return w.needsReprotect();
}

/** Follows a job with the JobTracker, lifting stalls and signing in again as a person would. */
function follower(w: ReliabilityWorld, cell: Cell, label: string, problems: string[]) {
  return async (jobName: string): Promise<JobInfo> => {
    const watched = w.tracker.follow({ scopeKey: SCOPE_KEY, vault: w.vault, jobName, label });
    const ended = () => !w.tracker.running().includes(watched);
    let stalled = cell.fault === 'stallJob' && cell.step === 'postProcessed';
    if (cell.step === 'poll') {
      await w.timers.advance(0); // the first reading, before the fault
      if (cell.fault === 'stallJob') {
        w.sim.injectFault({ kind: 'stallJob', jobName });
        stalled = true;
      } else {
        w.sim.injectFault({ kind: cell.fault, method: 'GET', pathIncludes: '/replicationJobs', times: cell.fault === 'expiredToken' ? Infinity : 5, retryAfterSeconds: 0 });
      }
    }
    let signInNeeded = false;
    const sub = w.tracker.onAuthExpired(() => (signInNeeded = true));
    try {
      for (let polls = 0; polls < MAX_POLLS && !ended(); polls++) {
        if (signInNeeded) {
          signInNeeded = false;
          w.sim.clearFaults(); // the person signs in again
          w.tracker.resumeAfterSignIn(SCOPE_KEY);
        }
        if (stalled && polls === STALL_POLLS) {
          if (w.reports.has(jobName.toLowerCase())) problems.push('a stalled job was reported finished');
          w.sim.clearFaults();
          stalled = false;
        }
        const delay = w.timers.nextDelay();
        if (delay === undefined) break;
        await w.timers.advance(delay);
      }
    } finally {
      sub.dispose();
    }
    if (!ended()) throw new Error(`the tracker stopped following job ${jobName} before its end`);
    return watched.done;
  };
}

/** Reads, prechecks, one POST and the job followed to its end: what each command does. */
async function perform(w: ReliabilityWorld, operation: Operation, item: ReplicatedItem, follow: (jobName: string) => Promise<JobInfo>): Promise<JobInfo> {
  if (operation === 'failover') {
    const prep = await prepareFailover(w.queries, [item]);
    if (!prep.ready.length) throw new Error(prep.refused.map((r) => r.reason).join('\n'));
    const started = await w.operations.failoverItem(prep.ready[0], { kind: 'latest' });
    if (!started.jobName) throw new Error('failover accepted without a job name');
    return follow(started.jobName);
  }
  const fresh = await w.queries.getItem(item);
  const check = precheckAction([fresh], operation);
  if (!check.ready.length) throw new Error(check.refused.map((r) => r.reason).join('\n'));
  if (operation === 'commit') {
    const started = await w.operations.commitItem(fresh);
    if (!started.jobName) throw new Error('commit accepted without a job name');
    return follow(started.jobName);
  }
  const choices = await w.reprotectChoices();
  const clock = { now: () => w.sim.now().getTime(), sleep: (ms: number) => w.timers.advance(ms) };
  const job = await runReprotect(fresh, choices, { queries: w.queries, operations: w.operations, waitForJob: follow, clock, policy: DEFAULT_AGENT_RETRY }, () => undefined);
  if (!job) throw new Error('reprotect ended without a job');
  return job;
}

function injectBefore(w: ReliabilityWorld, cell: Cell, item: ReplicatedItem): void {
  const { fault, step } = cell;
  if (step === 'read') {
    w.sim.injectFault({ kind: fault, method: 'GET', pathIncludes: `/replicationProtectedItems/${item.name}`, times: 1, retryAfterSeconds: 0 });
  } else if (step === 'postProcessed' && fault === 'stallJob') {
    w.sim.injectFault({ kind: 'stallJob' }); // the job the POST starts
  } else if (step === 'postRefused' || step === 'postProcessed') {
    const spec: FaultSpec = { kind: fault, method: 'POST', pathIncludes: `/replicationProtectedItems/${item.name}/`, afterProcessing: step === 'postProcessed' };
    if (fault === 'throttle') spec.retryAfterSeconds = 1;
    w.sim.injectFault(spec);
  }
}

export async function runScenario(generation: Generation, cell: Cell): Promise<ScenarioResult> {
  const name = `${generation} ${cell.operation} × ${cell.fault} @ ${cell.step}`;
  const w = await reliabilityWorld(generation);
  const problems: string[] = [];
  try {
    const item = await stage(w, cell.operation);
    const before = { phase: failbackPhase(item), protectionState: item.protectionState, op: item.currentOperation?.jobName };
    const jobsBefore = jobNames(w);
    w.sim.clearRequestLog();
    injectBefore(w, cell, item);

    let outcome: Outcome;
    const startedAt = Date.now();
    try {
      const final = await perform(w, cell.operation, item, follower(w, cell, item.friendlyName, problems));
      outcome = 'tracked';
      if (!isSuccess(final.state)) problems.push(`the job ended ${final.state}`);
      if (w.reports.get(final.name.toLowerCase()) !== 1) problems.push(`the final result was reported ${w.reports.get(final.name.toLowerCase()) ?? 0} times`);
      if (w.store.value.length || w.tracker.running().length) problems.push('a watch outlived its job');
    } catch (error) {
      outcome = 'refused';
      const info = describeError(error);
      const detail = errorDetail(info);
      if (!info.message.trim()) problems.push('an empty error message');
      if (/\n\s+at\s/.test(detail) || detail.length > 400) problems.push(`an unreadable error: ${detail.slice(0, 200)}`);
      if (cell.fault === 'expiredToken' && !isAuthError(info)) problems.push('a 401 not recognised as an expired sign-in');
      w.sim.clearFaults();
      const now = await w.queries.getItem(item);
      const after = { phase: failbackPhase(now), protectionState: now.protectionState, op: now.currentOperation?.jobName };
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`the item changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
    if (cell.fault === 'throttle' && cell.step === 'postRefused' && Date.now() - startedAt < 950) problems.push('Retry-After was not honoured');

    const actions = w.sim.requestLog.filter((r) => r.method === 'POST' && ACTION_PATH[cell.operation].test(r.path));
    const accepted = actions.filter((r) => r.status >= 200 && r.status < 300).length;
    const resends = actions.filter((_, i) => i > 0 && actions[i - 1].status !== 429).length;
    const newJobs = [...jobNames(w)].filter((j) => !jobsBefore.has(j));
    const duplicates = resends + Math.max(0, newJobs.length - 1);
    const jobsLost = newJobs.filter((j) => w.reports.get(j) !== 1).length;
    if (accepted > 1) problems.push(`${accepted} POSTs accepted`);
    if (outcome === 'tracked' && newJobs.length !== 1) problems.push(`${newJobs.length} jobs started`);
    if (outcome === 'refused' && newJobs.length) problems.push('an error was shown but a job started');
    if (outcome !== cell.expected) problems.push(`ended ${outcome}, expected ${cell.expected}`);
    return { name, outcome, posts: actions.length, accepted, duplicates, jobsLost, problems, passed: problems.length === 0 && duplicates === 0 && jobsLost === 0 };
  } finally {
    w.dispose();
  }
}
