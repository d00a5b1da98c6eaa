// Follows Site Recovery jobs (failover, commit, reprotect take tens of minutes) so people
// see each task as it happens, across reloads. No `vscode` import: jobsUi.ts adapts it.
import type { JobInfo } from '../domain/model';
import { errorSummary, type ServiceErrorInfo } from '../domain/errors';
import { isTerminal, jobEndLevel, jobOutputLines } from '../domain/jobs';
import { DEFAULT_MAX_BACKOFF_MS } from './backoff';
import { Emitter } from './emitter';
import { realTimers, type Timers } from './timers';
import { TrackedJob } from './trackedJob';
import { VaultPoller, type PollerHost } from './vaultPoller';
import { PersistedWatches, followKey } from './watchStore';
import type { AuthExpiredEvent, DisposableLike, JobQueries, LogSink, ScopeResolver, FollowedJob, FollowRequest, WatchStore } from './types';
import { sameId } from '../domain/armId';

export interface JobTrackerOptions {
  scopes: ScopeResolver;
  store: WatchStore;
  log: LogSink;
  /** Milliseconds between polls; read before every poll, so a settings change applies at once. */
  interval: () => number;
  timers?: Timers;
  /** The clock of the scope a job belongs to (the practice vault runs on its simulator's). */
  now?: (scopeKey: string) => Date;
  maxBackoffMs?: number;
  /** How far the client clock may run ahead of Site Recovery's when bounding a new job's start. */
  clockSkewMs?: number;
  /** How often persisted watches of unavailable scopes are tried again. */
  resumeRetryMs?: number;
  /** Polls in a row in which Site Recovery does not know a job before it is given up. */
  notFoundLimit?: number;
}

export interface ResumeResult {
  /** Persisted watches now followed again. */
  resumed: number;
  /** Persisted watches whose scope is unavailable; kept, and tried again later. */
  waiting: number;
}

export class JobTracker implements DisposableLike {
  private readonly jobs = new Map<string, TrackedJob>();
  private readonly pollers = new Map<string, VaultPoller>();
  private readonly persisted: PersistedWatches;
  private readonly host: PollerHost;
  private readonly timers: Timers;
  private readonly now: (scopeKey: string) => Date;
  private scopes: ScopeResolver;
  private resumeTimer: unknown;
  private disposed = false;
  private readonly changed = new Emitter<[]>();
  private readonly finished = new Emitter<[JobInfo, FollowedJob]>();
  private readonly authExpired = new Emitter<[AuthExpiredEvent]>();
  /** The set of running jobs changed or one of them has a new reading (tree, status bar). */
  readonly onDidChange = this.changed.event;
  /** Exactly once per job and store: the job ended and this tracker is the one reporting it. */
  readonly onFinished = this.finished.event;
  /** A vault's poller got 401 and stopped; call resumeAfterSignIn() once the account is back. */
  readonly onAuthExpired = this.authExpired.event;

  constructor(private readonly options: JobTrackerOptions) {
    this.scopes = options.scopes;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? (() => new Date());
    this.persisted = new PersistedWatches(options.store, (e) => options.log(`Could not save the watched Site Recovery jobs: ${String(e)}`, 'warn'));
    this.host = {
      timers: this.timers,
      log: options.log,
      interval: () => Math.max(1, options.interval()),
      maxBackoffMs: () => options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
      queries: (scopeKey) => this.queries(scopeKey),
      reading: (job, info) => this.reading(job, info),
      notFound: (job) => this.notFound(job),
      authExpired: (poller, info) => this.pollerAuthExpired(poller, info),
    };
  }

  /** Follows a job: persisted at once, polled with the other jobs of its vault. */
  follow(req: FollowRequest): FollowedJob {
    this.assertLive();
    const existing = this.jobs.get(followKey(req));
    if (existing) {
      existing.watching = true;
      return existing;
    }
    this.persisted.add(req, this.now(req.scopeKey));
    return this.begin(req);
  }

  /** Jobs that have not ended yet, whether or not a notification is showing them. */
  running(): FollowedJob[] {
    return [...this.jobs.values()];
  }

  /** The watched job of that name, for the tree to show its fresh state without a request. */
  find(jobName: string, vaultId?: string): FollowedJob | undefined {
    const name = jobName.toLowerCase();
    return [...this.jobs.values()].find((j) => j.jobName.toLowerCase() === name && (!vaultId || sameId(j.vault.id, vaultId)));
  }

  /**
   * Follows again the jobs persisted by an earlier session (or another tracker on the same
   * store). A job that ended meanwhile is read once and reported once: the report goes to
   * whichever tracker removes its entry from the store first. `scopes`, when given, becomes
   * the tracker's resolver (accounts may have signed in since it was built).
   */
  async resume(scopes?: ScopeResolver): Promise<ResumeResult> {
    this.assertLive();
    if (scopes) this.scopes = scopes;
    let resumed = 0;
    let waiting = 0;
    for (const w of this.persisted.all()) {
      if (this.jobs.has(followKey(w))) continue;
      if (!(await this.queries(w.scopeKey))) {
        waiting++;
        continue;
      }
      // Another tracker may have reported it while we awaited the scope.
      if (this.disposed || !this.persisted.has(followKey(w)) || this.jobs.has(followKey(w))) continue;
      this.begin(w, w.startTime ? new Date(w.startTime) : new Date(Date.parse(w.watchedAt) - this.clockSkewMs));
      resumed++;
    }
    this.scheduleResumeRetry(waiting > 0);
    return { resumed, waiting };
  }

  /** The account of a scope signed in again: paused pollers read at once. */
  resumeAfterSignIn(scopeKey?: string): void {
    for (const p of this.pollers.values()) if (!scopeKey || p.scopeKey === scopeKey) p.unpause();
  }

  /** Stops polling; the persisted watches stay for the next session. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.resumeTimer !== undefined) this.timers.clearTimeout(this.resumeTimer);
    for (const p of this.pollers.values()) p.dispose();
    this.pollers.clear();
    for (const j of this.jobs.values()) j.abandon('disposed');
    this.jobs.clear();
    this.changed.dispose();
    this.finished.dispose();
    this.authExpired.dispose();
  }

  private begin(req: FollowRequest, knownStart?: Date): TrackedJob {
    // Until Site Recovery reports the start, bound it by our clock minus the possible skew.
    const notBefore = knownStart ?? new Date(this.now(req.scopeKey).getTime() - this.clockSkewMs);
    const job = new TrackedJob(req, notBefore, (j, forget) => this.stopped(j, forget));
    this.jobs.set(job.key, job);
    this.poller(job).add(job);
    this.changed.fire();
    return job;
  }

  private get clockSkewMs(): number {
    return this.options.clockSkewMs ?? 15 * 60_000;
  }

  private poller(job: TrackedJob): VaultPoller {
    const key = `${job.scopeKey}|${job.vault.id}`.toLowerCase();
    let p = this.pollers.get(key);
    if (!p) {
      p = new VaultPoller(job.scopeKey, job.vault, this.host);
      this.pollers.set(key, p);
    }
    return p;
  }

  private async queries(scopeKey: string): Promise<JobQueries | undefined> {
    try {
      return await this.scopes(scopeKey);
    } catch {
      return undefined;
    }
  }

  private reading(job: TrackedJob, info: JobInfo): void {
    const prev = job.latest;
    const lines = jobOutputLines(prev, info);
    // A failed or cancelled job's last line (its end) stands out in the log channel; an attempt
    // that met the agent window is part of a wait, not an error.
    const endLevel = isTerminal(info.state) ? jobEndLevel(info) : 'info';
    lines.forEach((line, i) => this.options.log(line, i === lines.length - 1 ? endLevel : 'info'));
    if (info.startTime && !prev?.startTime) this.persisted.setStartTime(job.key, info.startTime);
    const changed = lines.length > 0 || !prev || prev.state !== info.state || prev.stateDescription !== info.stateDescription;
    if (changed) job.update(info, lines);
    else job.note(info);
    if (isTerminal(info.state)) this.complete(job, info);
    else if (changed) this.changed.fire();
  }

  private complete(job: TrackedJob, info: JobInfo): void {
    this.untrack(job);
    const reportHere = this.persisted.claim(job.key);
    job.finish(info);
    if (reportHere) this.finished.fire(info, job);
    this.changed.fire();
  }

  private stopped(job: TrackedJob, forget: boolean): void {
    if (forget) {
      this.untrack(job);
      this.persisted.claim(job.key);
      job.abandon('forgotten');
      this.options.log(`[${job.label}] Stopped following job ${job.jobName}; it goes on in Site Recovery.`, 'info');
    }
    this.changed.fire();
  }

  private notFound(job: TrackedJob): void {
    job.notFoundCount++;
    if (job.notFoundCount < (this.options.notFoundLimit ?? 5)) return;
    this.untrack(job);
    this.persisted.claim(job.key);
    job.abandon('notFound');
    this.options.log(`[${job.label}] Site Recovery no longer knows job ${job.jobName}; stopped following it.`, 'warn');
    this.changed.fire();
  }

  private pollerAuthExpired(poller: VaultPoller, info: ServiceErrorInfo): void {
    const message = `Sign-in expired while following jobs in ${poller.vault.vaultName} (${errorSummary(info)}). Polling paused until you sign in again; the jobs go on in Site Recovery.`;
    this.options.log(message, 'error');
    this.authExpired.fire({ scopeKey: poller.scopeKey, vault: poller.vault, message });
  }

  private untrack(job: TrackedJob): void {
    this.jobs.delete(job.key);
    const key = `${job.scopeKey}|${job.vault.id}`.toLowerCase();
    const p = this.pollers.get(key);
    p?.remove(job);
    if (p && p.size === 0) {
      p.dispose();
      this.pollers.delete(key);
    }
  }

  private scheduleResumeRetry(needed: boolean): void {
    if (this.resumeTimer !== undefined) this.timers.clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
    if (!needed || this.disposed) return;
    this.resumeTimer = this.timers.setTimeout(() => {
      this.resumeTimer = undefined;
      return this.disposed ? undefined : this.resume();
    }, this.options.resumeRetryMs ?? 60_000);
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('The job tracker has been disposed.');
  }
}
