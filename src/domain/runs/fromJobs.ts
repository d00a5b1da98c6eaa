// Site Recovery jobs as a run keeps them, and runs rebuilt from the vault's job history (jobs
// started in the portal, by scripts, or in another window). The job history tells what ran and
// how it went, never who started it or what was chosen: those fields stay empty, not guessed.
import type { JobError, JobInfo, JobTask } from '../model';
import { groupAgentRetries, isAgentWaitFailure, isSuccess, isTerminal } from '../jobs';
import { storable } from './redact';
import { RUN_SCHEMA_VERSION, type RunError, type RunJob, type RunOperation, type RunOutcome, type RunRecord, type RunTarget, type RunTask, type VmOutcomeKind } from './types';

const iso = (d: Date | undefined): string | undefined => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);

export function runError(e: JobError): RunError {
  return { code: e.code, message: e.message, possibleCauses: e.possibleCauses, recommendedAction: e.recommendedAction };
}

export function runTask(t: JobTask): RunTask {
  return {
    name: t.friendlyName || t.name,
    state: String(t.state),
    stateDescription: t.stateDescription,
    start: iso(t.startTime),
    end: iso(t.endTime),
    errors: t.errors.map(runError),
  };
}

/** A job as a run keeps it: plain JSON, credentials scrubbed. */
export function runJob(job: JobInfo): RunJob {
  return storable<RunJob>({
    name: job.name,
    id: job.id || undefined,
    friendlyName: job.friendlyName,
    scenario: job.scenarioName,
    state: String(job.state),
    stateDescription: job.stateDescription,
    targetName: job.targetObjectName,
    targetType: job.targetInstanceType,
    start: iso(job.startTime),
    end: iso(job.endTime),
    tasks: job.tasks.map(runTask),
    errors: job.errors.map(runError),
  });
}

/**
 * The operation a job carried out, from its scenario and direction; undefined for jobs that are
 * not part of a failover cycle (enable replication, plan edits, …). `towardsAzure` (the job's
 * replication pair recovers to Azure) tells a failover to Azure from a failback, and a reprotect
 * to on-premises from one to Azure; unsaid, the run says the direction is unknown.
 */
export function operationOfJob(job: Pick<JobInfo, 'scenarioName' | 'towardsAzure'>): RunOperation | undefined {
  const s = job.scenarioName ?? '';
  const dir = job.towardsAzure;
  if (/^TestFailoverCleanup$/i.test(s)) return 'cleanupTestFailover';
  if (/^TestFailover$/i.test(s)) return 'testFailover';
  if (/^CommitFailover$/i.test(s)) return 'commit';
  if (/^CancelFailover$/i.test(s)) return 'cancelFailover';
  if (/^(ChangePit|ApplyRecoveryPoint)$/i.test(s)) return 'changeRecoveryPoint';
  if (/^(Unplanned|Planned)?Failover$/i.test(s)) return dir === true ? 'failoverToAzure' : dir === false ? 'failback' : 'failover';
  if (/^(Switch(ReplicationGroup)?Protection|Reprotect|ReverseReplication)$/i.test(s))
    return dir === true ? 'reprotectToOnPremises' : dir === false ? 'reprotectToAzure' : 'reprotect';
  return undefined;
}

/** A job's state as a VM's outcome. */
export function outcomeOfState(state: string): VmOutcomeKind {
  if (isSuccess(state)) return 'succeeded';
  if (/^failed$/i.test(state)) return 'failed';
  if (/^cancel/i.test(state)) return 'cancelled';
  if (/^notstarted$/i.test(state)) return 'notStarted';
  return 'unknown';
}

/** The first error a reader should see: a failed task's (it says where), else the job's own, else any task's. */
export function firstError(job: RunJob): { error: RunError; task?: string } | undefined {
  const failed = job.tasks.find((t) => t.errors.length && /^failed$/i.test(t.state));
  if (failed) return { error: failed.errors[0], task: failed.name };
  if (job.errors.length) return { error: job.errors[0] };
  const task = job.tasks.find((t) => t.errors.length);
  return task ? { error: task.errors[0], task: task.name } : undefined;
}

/** Site Recovery repeats a task's error in the job's errors: the same code and message. */
export function sameError(a: RunError, b: RunError): boolean {
  return (a.code ?? '') === (b.code ?? '') && a.message === b.message;
}

/** One VM's outcome as its job tells it, with a sentence for the report. */
export function outcomeOfJob(job: RunJob): { outcome: VmOutcomeKind; detail: string } {
  const outcome = outcomeOfState(job.state);
  switch (outcome) {
    case 'succeeded':
      return { outcome, detail: `${job.friendlyName} succeeded${/^CompletedWithInformation$/i.test(job.state) ? ' with information' : ''}.` };
    case 'failed': {
      const first = firstError(job);
      const at = first?.task ? ` at "${first.task}"` : '';
      return { outcome, detail: `${job.friendlyName} failed${at}${first ? `: ${first.error.message}` : '.'}` };
    }
    case 'cancelled':
      return { outcome, detail: `${job.friendlyName} was cancelled.` };
    case 'notStarted':
      return { outcome, detail: `${job.friendlyName} had not started when last read.` };
    default:
      return { outcome, detail: `${job.friendlyName} was ${job.state.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() || 'in an unknown state'} when last read.` };
  }
}

const startMs = (j: RunJob): number => (j.start ? Date.parse(j.start) : Number.NEGATIVE_INFINITY);

/** The job that decides: the one started last (a retry replaces the attempt before it). */
function latest(jobs: readonly RunJob[]): RunJob | undefined {
  return jobs.reduce<RunJob | undefined>((best, j) => (!best || startMs(j) >= startMs(best) ? j : best), undefined);
}

/**
 * Each VM's outcome from the run's jobs: a VM's job is the one naming it (the latest attempt);
 * a plan's VMs share the plan job's outcome, said to be the plan's; a VM without a job never
 * started. A plan with no VMs known gets one row for the plan.
 */
export function outcomesFromJobs(target: RunTarget, jobs: readonly RunJob[]): RunOutcome[] {
  if (target.kind === 'plan') {
    const job = latest(jobs);
    const plan = target.plan.name;
    if (!job)
      return (target.vms.length ? target.vms : [{ name: `${plan} (recovery plan)` }]).map((vm) => ({
        vm: vm.name,
        outcome: 'notStarted',
        detail: 'No Site Recovery job was started.',
      }));
    const { outcome, detail } = outcomeOfJob(job);
    if (target.vms.length === 0) return [{ vm: `${plan} (recovery plan)`, outcome, detail: `${detail} The plan's job gives the plan's result, not each VM's.` }];
    return target.vms.map((vm) => ({ vm: vm.name, outcome, detail: `Recovery plan ${plan}: ${detail}` }));
  }
  return target.vms.map((vm) => {
    const own = jobs.filter((j) => j.targetName !== undefined && j.targetName.toLowerCase() === vm.name.toLowerCase());
    const job = latest(own) ?? (target.vms.length === 1 ? latest(jobs) : undefined);
    return job ? { vm: vm.name, ...outcomeOfJob(job) } : { vm: vm.name, outcome: 'notStarted', detail: 'No Site Recovery job was started for this VM.' };
  });
}

/** The fields a run read from the job history cannot have, in the report's words. */
export const NOT_IN_JOB_HISTORY = ['who started it', 'the choices made (recovery point, process server, agent, datastore, policy, network, notes)'] as const;

/**
 * Runs rebuilt from the vault's job history: one per job (a plan's job is one run for the plan),
 * a reprotect's agent-wait attempts joined to the attempt that followed them. Only jobs of the
 * failover cycle that started at or after `sinceMs` count; jobs that have not started are left
 * out (they have no time to place them by). Newest first.
 */
export function runsFromJobHistory(jobs: readonly JobInfo[], opts: { sinceMs: number; now: Date | number }): RunRecord[] {
  const now = typeof opts.now === 'number' ? opts.now : opts.now.getTime();
  const relevant = jobs.filter((j) => operationOfJob(j) && j.startTime && j.startTime.getTime() >= opts.sinceMs && j.startTime.getTime() <= now);
  const runs = groupAgentRetries(relevant).map(({ job, earlier }) => runFromJobs(job, earlier));
  return runs.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

function runFromJobs(job: JobInfo, earlier: readonly JobInfo[]): RunRecord {
  const all = [...earlier, job];
  const plan = /^RecoveryPlan$/i.test(job.targetInstanceType ?? '');
  const name = job.targetObjectName || job.targetObjectId || (plan ? 'unnamed recovery plan' : 'unnamed VM');
  const target: RunTarget = plan ? { kind: 'plan', plan: { name, id: job.targetObjectId }, vms: [] } : { kind: 'vms', vms: [{ name, id: job.targetObjectId }] };
  const jobs = all.map(runJob);
  const notes: string[] = [];
  const waits = earlier.filter(isAgentWaitFailure).length;
  if (waits)
    notes.push(
      `${waits} earlier attempt${waits === 1 ? '' : 's'} failed only because the on-premises agent had not registered yet; the attempt after ${waits === 1 ? 'it' : 'them'} decides the outcome.`,
    );
  const first = all[0];
  return storable<RunRecord>({
    schemaVersion: RUN_SCHEMA_VERSION,
    id: `jobs:${job.name}`,
    source: 'jobHistory',
    vaultId: job.vault.id,
    vaultName: job.vault.vaultName,
    practice: !!job.vault.practice,
    operation: operationOfJob(job)!,
    target,
    startedAt: iso(first.startTime ?? job.startTime)!,
    endedAt: isTerminal(job.state) ? iso(job.endTime) : undefined,
    jobs,
    outcomes: outcomesFromJobs(target, jobs),
    notes: notes.length ? notes : undefined,
  });
}
