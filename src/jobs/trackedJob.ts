import type { JobInfo, VaultRef } from '../domain/model';
import { Emitter } from './emitter';
import type { DisposableLike, FollowedJob, FollowRequest } from './types';
import { followKey } from './watchStore';

/** Why a job's `done` rejected: the tracker stopped following it before it ended. */
export class JobWatchEnded extends Error {
  constructor(
    readonly jobName: string,
    readonly reason: 'disposed' | 'forgotten' | 'notFound',
  ) {
    super(`Stopped following Site Recovery job ${jobName} (${reason}).`);
    this.name = 'JobWatchEnded';
  }
}

/** The tracker's record of one job; handed out as the FollowedJob. */
export class TrackedJob implements FollowedJob {
  readonly key: string;
  readonly scopeKey: string;
  readonly vault: VaultRef;
  readonly jobName: string;
  label: string;
  latest?: JobInfo;
  watching = true;
  finished = false;
  /** Consecutive polls in which Site Recovery did not know the job (list and GET). */
  notFoundCount = 0;
  /** Client-side lower bound of the job's start, used until Site Recovery reports it. */
  readonly notBefore: Date;
  readonly done: Promise<JobInfo>;
  private resolveDone!: (job: JobInfo) => void;
  private rejectDone!: (error: Error) => void;
  private readonly updates = new Emitter<[JobInfo, string[]]>();

  constructor(
    req: FollowRequest,
    notBefore: Date,
    private readonly onStop: (job: TrackedJob, forget: boolean) => void,
  ) {
    this.key = followKey(req);
    this.scopeKey = req.scopeKey;
    this.vault = req.vault;
    this.jobName = req.jobName;
    this.label = req.label;
    this.notBefore = notBefore;
    this.done = new Promise<JobInfo>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // Callers that never await `done` must not cause an unhandled rejection on dispose.
    this.done.catch(() => undefined);
  }

  /** Earliest start Site Recovery reported (a job's startTime moves when it leaves NotStarted). */
  private earliestStart?: Date;

  /** Oldest time the job can have started: what the vault's list filter must include. */
  get since(): Date {
    return this.earliestStart ?? this.notBefore;
  }

  onUpdate(listener: (job: JobInfo, lines: string[]) => void): DisposableLike {
    return this.updates.event(listener);
  }

  stopFollowing(options?: { forget?: boolean }): void {
    if (this.finished) return;
    this.watching = false;
    // Progress listeners go; the tracker's own subscriptions (log, tree) are not on this emitter.
    this.updates.dispose();
    this.onStop(this, options?.forget === true);
  }

  /** Records a reading without telling listeners (nothing changed). */
  note(job: JobInfo): void {
    this.latest = job;
    this.notFoundCount = 0;
    const start = job.startTime;
    if (start && (!this.earliestStart || start < this.earliestStart)) this.earliestStart = start;
  }

  update(job: JobInfo, lines: string[]): void {
    this.note(job);
    this.updates.fire(job, lines);
  }

  finish(job: JobInfo): void {
    if (this.finished) return;
    this.finished = true;
    this.note(job);
    this.updates.dispose();
    this.resolveDone(job);
  }

  abandon(reason: JobWatchEnded['reason']): void {
    if (this.finished) return;
    this.finished = true;
    this.updates.dispose();
    this.rejectDone(new JobWatchEnded(this.jobName, reason));
  }
}
