import type { JobError, JobInfo, JobState, JobTask } from './model';
import { errorDetail } from './errors';
import { isAgentNotRegisteredError } from './agentWindow';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'canceled', 'completedwithinformation', 'skipped']);

export function isTerminal(state: JobState): boolean {
  return TERMINAL.has(String(state).toLowerCase());
}

export function isSuccess(state: JobState): boolean {
  return /^(succeeded|completedwithinformation)$/i.test(String(state));
}

export function durationText(start: Date | undefined, end: Date | undefined): string {
  if (!start || !end) return '';
  const s = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

function errorLines(prefix: string, errors: readonly JobError[]): string[] {
  return errors.flatMap((e) =>
    errorDetail(e)
      .split('\n')
      .map((l) => `${prefix}   ${l}`),
  );
}

/** The job's target as shown in front of each line, so concurrent jobs stay readable. */
export function jobLabel(job: JobInfo): string {
  return `[${job.targetObjectName ?? job.name}]`;
}

/** The task a progress notification should name: the running one, else the last finished. */
export function currentTask(job: JobInfo): JobTask | undefined {
  return job.tasks.find((t) => /^InProgress$/i.test(String(t.state))) ?? [...job.tasks].reverse().find((t) => isTerminal(t.state));
}

export type NextStep = 'verifyAndCommit' | 'reprotect' | 'done' | 'verifyAndCommitInAzure' | 'reprotectToOnPremises' | 'replicatingToOnPremises' | 'none';

/**
 * The next step of the replication cycle once a job of this scenario has succeeded. The job's
 * direction (towardsAzure) tells a failover to Azure from a failback: the scenario names are the
 * same both ways (recorded: UnplannedFailover, CommitFailover, SwitchReplicationGroupProtection).
 */
export function nextStepAfter(job: JobInfo): NextStep {
  if (!isSuccess(job.state)) return 'none';
  const toAzure = job.towardsAzure === true;
  if (/^(Unplanned|Planned)Failover$/i.test(job.scenarioName)) return toAzure ? 'verifyAndCommitInAzure' : 'verifyAndCommit';
  if (/Commit/i.test(job.scenarioName)) return toAzure ? 'reprotectToOnPremises' : 'reprotect';
  // Reprotect jobs are "SwitchReplicationGroupProtection" on live vaults (both generations).
  if (/Switch(ReplicationGroup)?Protection|Reprotect|ReverseReplicat/i.test(job.scenarioName)) return toAzure ? 'replicatingToOnPremises' : 'done';
  return 'none';
}

export function nextStepText(step: NextStep): string {
  switch (step) {
    case 'verifyAndCommit':
      return 'Next: verify that the Azure VMs are shut down, then commit.';
    case 'reprotect':
      return 'Next: reprotect the VMs to Azure.';
    case 'done':
      return 'Done: replicating to Azure again.';
    case 'verifyAndCommitInAzure':
      return 'Next: verify the VMs in Azure, then commit the failover.';
    case 'reprotectToOnPremises':
      return 'Next: reprotect the VMs to on-premises (in the Azure portal for now), then fail back.';
    case 'replicatingToOnPremises':
      return 'Done: replicating to on-premises; fail back when ready.';
    default:
      return '';
  }
}

export type ShutdownVerdict = 'shutDown' | 'skipped' | 'notShutDown' | 'unknown';

/**
 * Did the failback's job shut the Azure VM down? Recorded tasks: classic "VmShutdownVmOnPrimary"
 * (Shut down the virtual machine), which ends "Other"/"Skipped" when the request asked for no
 * source-side operation; modernized "VmFailover" (Shut down the Azure virtual machine).
 */
export function shutdownVerdict(job: JobInfo | undefined): ShutdownVerdict {
  const task = job?.tasks.find((t) => /Shutdown/i.test(t.name) || /shut ?down/i.test(t.friendlyName));
  if (!task) return 'unknown';
  if (isSuccess(task.state)) return 'shutDown';
  if (/skipped/i.test(task.stateDescription ?? '') || /^(Other|Skipped)$/i.test(String(task.state))) return 'skipped';
  return isTerminal(task.state) ? 'notShutDown' : 'unknown';
}

export function shutdownText(verdict: ShutdownVerdict): string {
  switch (verdict) {
    case 'shutDown':
      return 'Azure VM shut down.';
    case 'skipped':
      return 'Site Recovery skipped the Azure VM shutdown: make sure the Azure VM is off before you commit.';
    case 'notShutDown':
      return 'Azure VM was NOT shut down.';
    default:
      return 'Azure VM shutdown not reported by the job.';
  }
}

/** All job errors, the job's own and its tasks', for classifying a failure. */
export function allJobErrors(job: JobInfo): JobError[] {
  return [...job.errors, ...job.tasks.flatMap((t) => t.errors)];
}

// ---------------------------------------------------------------------------------------------
// Words every view uses for a job (Jobs rows, progress, output, notifications), so they agree.

const spaced = (s: string): string => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A job's or task's state in words: InProgress "running", Succeeded "done", Failed "failed",
 * Cancelled "cancelled", NotStarted "waiting", Other/Skipped "skipped", Suspended "paused".
 */
export function stateWords(state: JobState, stateDescription?: string): string {
  const s = String(state).toLowerCase();
  if (s === 'succeeded') return 'done';
  if (s === 'completedwithinformation') return 'done, with notes';
  if (s === 'other' || s === 'skipped' || /^skipped$/i.test(stateDescription ?? '')) return 'skipped';
  switch (s) {
    case 'inprogress':
      return 'running';
    case 'failed':
      return 'failed';
    case 'cancelled':
    case 'canceled':
      return 'cancelled';
    case 'cancelling':
      return 'cancelling';
    case 'notstarted':
      return 'waiting';
    case 'suspended':
      return 'paused';
    default:
      return spaced(String(state)) || 'unknown';
  }
}

/** The end of a job as a verb for a sentence: "succeeded", "failed", "cancelled", "was skipped". */
export function endWords(state: JobState): string {
  const s = String(state).toLowerCase();
  if (s === 'succeeded') return 'succeeded';
  if (s === 'completedwithinformation') return 'succeeded with notes';
  if (s === 'canceled' || s === 'cancelled') return 'cancelled';
  if (s === 'other' || s === 'skipped') return 'was skipped';
  return spaced(String(state));
}

/**
 * A reprotect attempt that failed only because the on-premises agent has not registered yet:
 * part of the agent wait (the extension retries within the window), not a failure to show in red.
 */
export function isAgentWaitFailure(job: JobInfo): boolean {
  return /^failed$/i.test(String(job.state)) && allJobErrors(job).some(isAgentNotRegisteredError);
}

export const AGENT_WAIT_WORDS = 'agent not registered yet';

/** Level of a job's end line in the output: a failure is an error, an agent-wait attempt is not. */
export function jobEndLevel(job: JobInfo): 'info' | 'warn' | 'error' {
  if (!isTerminal(job.state) || isSuccess(job.state)) return 'info';
  if (isAgentWaitFailure(job)) return 'info';
  return /^(other|skipped)$/i.test(String(job.state)) ? 'warn' : 'error';
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A time of Site Recovery's clock for the output channel: "10:42:05 UTC" (one clock for all lines). */
export function utcTimeText(d: Date): string {
  return `${d.toISOString().slice(11, 19)} UTC`;
}

/**
 * A start time for a tree row, in local time: "14:05" today, "yesterday 23:10", else
 * "2025-01-01 14:05". `now` is the clock of the job's connection (the practice vault runs ahead).
 */
export function shortLocalTime(d: Date, now: Date): string {
  const hm = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  const day = (x: Date): number => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((day(now) - day(d)) / 86_400_000);
  if (days === 0) return hm;
  if (days === 1) return `yesterday ${hm}`;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${hm}`;
}

/** Local date and time with seconds, for tooltips: "2025-01-01 14:05:03". */
export function longLocalTime(d: Date): string {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** "42 s", "5 min 50 s", "2 h 5 min". */
export function spanText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** How long the job ran: until its end, or until `now` while it runs; '' before it started. */
export function jobElapsedText(job: JobInfo, now: Date): string {
  if (!job.startTime || /^NotStarted$/i.test(String(job.state))) return '';
  const end = job.endTime ?? (isTerminal(job.state) ? undefined : now);
  return end ? spanText(end.getTime() - job.startTime.getTime()) : '';
}

/** The task a row names: the running one (else the next to run) while the job runs, the failed one after a failure. */
export function rowTask(job: JobInfo): JobTask | undefined {
  if (/^failed$/i.test(String(job.state))) return job.tasks.find((t) => /^failed$/i.test(String(t.state)));
  if (isTerminal(job.state)) return undefined;
  return (
    job.tasks.find((t) => /^InProgress$/i.test(String(t.state))) ??
    (/^InProgress$/i.test(String(job.state)) ? job.tasks.find((t) => /^NotStarted$/i.test(String(t.state))) : undefined)
  );
}

/** The job's state for a row: its words, or "agent not registered yet" for an agent-wait attempt. */
export function jobStateText(job: JobInfo): string {
  return isAgentWaitFailure(job) ? AGENT_WAIT_WORDS : stateWords(job.state, job.stateDescription);
}

/**
 * A Jobs row's description: "running · Shut down the virtual machine · started 14:05 · 3 min 5 s".
 * `attempt` (agent-wait retries of one reprotect) goes after the state.
 */
export function jobRowDescription(job: JobInfo, now: Date, attempt?: number): string {
  const started = job.startTime ? `${/^NotStarted$/i.test(String(job.state)) ? 'queued' : 'started'} ${shortLocalTime(job.startTime, now)}` : '';
  return [jobStateText(job), attempt && attempt > 1 ? `attempt ${attempt}` : '', rowTask(job)?.friendlyName ?? '', started, jobElapsedText(job, now)].filter(Boolean).join(' · ');
}

/** The newer of two readings of the same job: the one further along (ended > running > waiting), the first on a tie. */
export function fresherJob(preferred: JobInfo | undefined, other: JobInfo): JobInfo {
  if (!preferred) return other;
  const rank = (j: JobInfo): number => (isTerminal(j.state) ? 2 : /^NotStarted$/i.test(String(j.state)) ? 0 : 1);
  return rank(other) > rank(preferred) ? other : preferred;
}

/** Jobs rows order: running (not ended) first, then the newest start first. */
export function compareJobRows(a: JobInfo, b: JobInfo): number {
  return Number(isTerminal(a.state)) - Number(isTerminal(b.state)) || (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0);
}

/** One operation in the Jobs list: the latest attempt and the agent-wait attempts before it (oldest first). */
export interface JobAttempts {
  job: JobInfo;
  earlier: JobInfo[];
}

/**
 * Groups a reprotect's agent-wait retries: a job of the same scenario and target that started
 * after an attempt which failed only because the agent was not registered yet is the next
 * attempt of the same operation. Every other job stands alone.
 */
export function groupAgentRetries(jobs: readonly JobInfo[]): JobAttempts[] {
  const key = (j: JobInfo): string => `${j.scenarioName}|${j.targetObjectId ?? j.targetObjectName ?? j.name}`.toLowerCase();
  const ordered = [...jobs].sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0));
  const open = new Map<string, JobAttempts>();
  const groups: JobAttempts[] = [];
  for (const job of ordered) {
    const k = key(job);
    const group = open.get(k);
    if (group && isAgentWaitFailure(group.job)) {
      group.earlier.push(group.job);
      group.job = job;
      continue;
    }
    const fresh: JobAttempts = { job, earlier: [] };
    groups.push(fresh);
    open.set(k, fresh);
  }
  return groups;
}

/**
 * The output channel's lines for what changed between two readings of a job, in the words the
 * other views use, every time on Site Recovery's clock in UTC ("10:42:05 UTC"). `prev`
 * undefined = first sight (also the whole story of a job, for Show Job Output).
 */
export function jobOutputLines(prev: JobInfo | undefined, next: JobInfo): string[] {
  const p = jobLabel(next);
  const lines: string[] = [];
  if (!prev) {
    const started = next.startTime && !/^NotStarted$/i.test(String(next.state)) ? `, started ${utcTimeText(next.startTime)}` : '';
    lines.push(`${p} ${next.friendlyName} (${next.scenarioName}) — job ${next.name}: ${stateWords(next.state, next.stateDescription)}${started}`);
  }
  const before = new Map<string, JobTask>((prev?.tasks ?? []).map((t) => [t.id || t.name, t]));
  for (const task of next.tasks) {
    const old = before.get(task.id || task.name);
    if (old && old.state === task.state) continue;
    if (!old && /^NotStarted$/i.test(String(task.state))) continue;
    const at = task.endTime && isTerminal(task.state) ? task.endTime : task.startTime;
    lines.push(`${p}   ${at ? utcTimeText(at) : '--:--:-- UTC'} ${task.friendlyName}: ${stateWords(task.state, task.stateDescription)}`);
    lines.push(...errorLines(p, task.errors.slice(old?.errors.length ?? 0)));
  }
  if (isTerminal(next.state) && !(prev && isTerminal(prev.state))) {
    lines.push(...errorLines(p, next.errors.slice(prev?.errors.length ?? 0)));
    const took = durationText(next.startTime, next.endTime);
    lines.push(
      isAgentWaitFailure(next)
        ? `${p} ${next.friendlyName} attempt ended${took ? ` after ${took}` : ''}: the on-premises agent is not registered yet.`
        : `${p} ${next.friendlyName} ${endWords(next.state)}${took ? ` in ${took}` : ''}.`,
    );
  }
  return lines;
}
