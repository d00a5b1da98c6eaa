// Jobs that commands start, and the rule for who announces their end: a command that still
// follows its job shows the next step itself (verify, commit, reprotect), so the tracker's own
// final notification stays quiet for it; a job the command stopped watching, or that failed,
// is announced once here.
import type { JobInfo, VaultRef } from '../domain/model';
import type { Scope } from '../scope';
import type { JobTracker } from './jobTracker';
import type { FollowedJob } from './types';
import { isSuccess, isTerminal } from '../domain/jobs';

export interface CommandJobsDeps {
  /** Told which items a followed job acts on, so their rows show its task. */
  jobStarted?(jobName: string, itemIds: string[]): void;
  tracker: Pick<JobTracker, 'follow'>;
  /** One progress notification for a user action; Cancel = stop watching. */
  progress(jobs: FollowedJob[], title: string): Promise<JobInfo[]>;
  /** The final notification of a job (success with next step, cancellation, or errors). */
  announce(job: JobInfo, watch: FollowedJob): void;
}

export class CommandJobs {
  private readonly owned = new Set<string>();

  constructor(private readonly deps: CommandJobsDeps) {}

  /** Starts following a job; `owned` (default): the calling command reports its outcome. */
  follow(scope: Scope, vault: VaultRef, jobName: string, label: string, owned = true, itemIds: string[] = []): FollowedJob {
    if (owned) this.owned.add(jobName.toLowerCase());
    if (itemIds.length) this.deps.jobStarted?.(jobName, itemIds);
    return this.deps.tracker.follow({ scopeKey: scope.key, vault, jobName, label });
  }

  /** For the tracker's final notification: false for a job a command still reports itself. */
  shouldAnnounce(job: JobInfo): boolean {
    return !this.owned.delete(job.name.toLowerCase());
  }

  async withProgress(title: string, jobs: FollowedJob[]): Promise<JobInfo[]> {
    const results = await this.deps.progress(jobs, title);
    for (const j of jobs) {
      // Stopped watching: the command will not see the end, so the tracker's notification will.
      if (!j.latest || !isTerminal(j.latest.state)) this.owned.delete(j.jobName.toLowerCase());
      // A command goes on with its next step only after success; a failure is told here.
      else if (!isSuccess(j.latest.state)) this.deps.announce(j.latest, j);
    }
    return results;
  }
}
