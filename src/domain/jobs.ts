import type { JobError, JobInfo, JobState, JobTask } from './model';
import { errorDetail } from './errors';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'canceled', 'completedwithinformation', 'skipped']);

export function isTerminal(state: JobState): boolean {
  return TERMINAL.has(String(state).toLowerCase());
}

export function isSuccess(state: JobState): boolean {
  return /^(succeeded|completedwithinformation)$/i.test(String(state));
}

const time = (d: Date): string => d.toISOString().slice(11, 19);

export function durationText(start: Date | undefined, end: Date | undefined): string {
  if (!start || !end) return '';
  const s = Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

function errorLines(prefix: string, errors: readonly JobError[]): string[] {
  return errors.flatMap((e) => errorDetail(e).split('\n').map((l) => `${prefix}   ${l}`));
}

/** The job's target as shown in front of each line, so concurrent jobs stay readable. */
export function jobLabel(job: JobInfo): string {
  return `[${job.targetObjectName ?? job.name}]`;
}

/**
 * Lines describing what changed between two readings of a job: its start, each task's
 * state change with time, errors, the end state and duration. `prev` undefined = first sight.
 */
export function jobChangeLines(prev: JobInfo | undefined, next: JobInfo): string[] {
  const p = jobLabel(next);
  const lines: string[] = [];
  if (!prev) lines.push(`${p} ${next.friendlyName} (${next.scenarioName}) — job ${next.name}: ${next.stateDescription ?? next.state}`);
  const before = new Map<string, JobTask>((prev?.tasks ?? []).map((t) => [t.id || t.name, t]));
  for (const task of next.tasks) {
    const old = before.get(task.id || task.name);
    if (old && old.state === task.state) continue;
    if (!old && /^NotStarted$/i.test(String(task.state))) continue;
    const at = task.endTime && isTerminal(task.state) ? task.endTime : task.startTime;
    lines.push(`${p}   ${at ? time(at) : '--:--:--'} ${task.friendlyName}: ${task.stateDescription ?? task.state}`);
    const newErrors = task.errors.slice(old?.errors.length ?? 0);
    lines.push(...errorLines(p, newErrors));
  }
  if (isTerminal(next.state) && !(prev && isTerminal(prev.state))) {
    const newErrors = next.errors.slice(prev?.errors.length ?? 0);
    lines.push(...errorLines(p, newErrors));
    const took = durationText(next.startTime, next.endTime);
    lines.push(`${p} ${next.friendlyName} ${String(next.state).toLowerCase()}${took ? ` in ${took}` : ''}.`);
  }
  return lines;
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
