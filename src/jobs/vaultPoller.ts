import type { JobInfo, VaultRef } from '../domain/model';
import { describeError, errorSummary, isAuthError, type ServiceErrorInfo } from '../domain/errors';
import { backoffDelay, retryAfterMs, statusOf } from './backoff';
import { watchedJobsFilter } from './jobFilter';
import type { Timers } from './timers';
import type { TrackedJob } from './trackedJob';
import type { JobQueries, LogSink } from './types';

/** What a poller needs from its tracker. */
export interface PollerHost {
  readonly timers: Timers;
  readonly log: LogSink;
  interval(): number;
  maxBackoffMs(): number;
  queries(scopeKey: string): Promise<JobQueries | undefined>;
  reading(job: TrackedJob, info: JobInfo): void;
  notFound(job: TrackedJob): void;
  authExpired(poller: VaultPoller, info: ServiceErrorInfo): void;
}

/**
 * Polls one vault for all the jobs watched in it: one job-list request per interval,
 * filtered to jobs that started no earlier than the oldest watched one, matched by name
 * here. Only a watched job missing from the list (Site Recovery has not indexed it yet,
 * or it fell outside the filter) costs a GET of its own.
 */
export class VaultPoller {
  private readonly jobs = new Map<string, TrackedJob>();
  private timer: unknown;
  private polling = false;
  /** Failed polls in a row; the first of a streak is logged, the rest only slow polling down. */
  private failures = 0;
  paused = false;
  private disposed = false;

  constructor(
    readonly scopeKey: string,
    readonly vault: VaultRef,
    private readonly host: PollerHost,
  ) {}

  get size(): number {
    return this.jobs.size;
  }

  add(job: TrackedJob): void {
    this.jobs.set(job.jobName.toLowerCase(), job);
    // A new watch joins the next scheduled poll; an idle poller reads right away.
    if (this.timer === undefined && !this.polling && !this.paused) this.schedule(0);
  }

  remove(job: TrackedJob): void {
    if (this.jobs.get(job.jobName.toLowerCase()) === job) this.jobs.delete(job.jobName.toLowerCase());
    if (this.jobs.size === 0) this.cancelTimer();
  }

  /** After a new sign-in: poll again at once. */
  unpause(): void {
    if (!this.paused || this.disposed) return;
    this.paused = false;
    this.failures = 0;
    if (this.timer === undefined && !this.polling && this.jobs.size > 0) this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.jobs.clear();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.host.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    this.timer = this.host.timers.setTimeout(() => {
      this.timer = undefined;
      // poll() handles Site Recovery's errors; this only guards against our own bugs.
      return this.poll().catch((e: unknown) => this.host.log(`Job polling of ${this.vault.vaultName} stopped: ${String(e)}`, 'error'));
    }, ms);
  }

  private get live(): boolean {
    return !this.disposed && !this.paused;
  }

  /** One round: list, match, fetch the missing, then schedule the next round. */
  async poll(): Promise<void> {
    if (!this.live || this.jobs.size === 0 || this.polling) return;
    this.polling = true;
    let next: number | undefined;
    try {
      next = await this.round();
    } finally {
      this.polling = false;
    }
    if (next !== undefined && this.live && this.jobs.size > 0 && this.timer === undefined) this.schedule(next);
  }

  /** Returns the delay before the next round, or undefined when polling must stop (auth). */
  private async round(): Promise<number | undefined> {
    const watched = [...this.jobs.values()];
    try {
      const queries = await this.host.queries(this.scopeKey);
      if (!queries) throw new ScopeUnavailable(this.scopeKey);
      const since = new Date(Math.min(...watched.map((j) => j.since.getTime())));
      const listed = await queries.listJobs(this.vault, watchedJobsFilter(since));
      if (!this.live) return undefined;
      const byName = new Map(listed.map((j) => [j.name.toLowerCase(), j]));
      const missing: TrackedJob[] = [];
      for (const job of watched) {
        const found = byName.get(job.jobName.toLowerCase());
        if (found) this.deliver(job, found);
        else missing.push(job);
      }
      for (const job of missing) {
        const found = await this.fetchOne(queries, job);
        if (!this.live) return undefined;
        if (found) this.deliver(job, found);
      }
      if (this.failures > 0) this.host.log(`Polling ${this.vault.vaultName} works again after ${this.failures} failed attempt(s).`, 'info');
      this.failures = 0;
      return this.host.interval();
    } catch (error) {
      if (!this.live) return undefined;
      const info = describeError(error);
      if (isAuthError(info)) {
        this.paused = true;
        this.host.authExpired(this, info);
        return undefined;
      }
      this.failures++;
      const delay = backoffDelay(this.host.interval(), this.failures, this.host.maxBackoffMs(), retryAfterMs(error));
      if (this.failures === 1) {
        this.host.log(`Could not read the jobs of ${this.vault.vaultName} (${errorSummary(info)}); the jobs go on in Site Recovery, retrying with growing intervals.`, 'warn');
      }
      return delay;
    }
  }

  private deliver(job: TrackedJob, info: JobInfo): void {
    // A job stopped (forgotten) or finished by another path during this round is left alone.
    if (!job.finished && this.jobs.get(job.jobName.toLowerCase()) === job) this.host.reading(job, info);
  }

  /** The rare path: a watched job that the filtered list did not return. */
  private async fetchOne(queries: JobQueries, job: TrackedJob): Promise<JobInfo | undefined> {
    try {
      return await queries.getJob(this.vault, job.jobName);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      this.host.notFound(job);
      return undefined;
    }
  }
}

/** The scope (account or practice vault) that reaches this vault is not available right now. */
export class ScopeUnavailable extends Error {
  constructor(scopeKey: string) {
    super(`The connection "${scopeKey}" is not available (signed out?).`);
    this.name = 'ScopeUnavailable';
  }
}
