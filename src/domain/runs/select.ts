// Which runs concern a VM, a plan or a job, and a run's outcome in a few words: for the picker
// of "Export Run Report" and the report's summary table.
import { sameId } from '../armId';
import { outcomesFromJobs } from './fromJobs';
import { OPERATION_SHORT, type RunOutcome, type RunRecord, type RunTarget, type RunVm } from './types';

/** What a tree node names: a VM (its ARM id, Site Recovery ids and name), a plan, or a job. */
export type RunFocus =
  { kind: 'vm'; name: string; ids: ReadonlyArray<string | undefined> } | { kind: 'plan'; name: string; id?: string; friendlyName?: string } | { kind: 'job'; jobName: string };

const sameName = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

function namesVm(vm: RunVm, focus: Extract<RunFocus, { kind: 'vm' }>): boolean {
  return focus.ids.some((id) => sameId(vm.id, id)) || sameName(vm.name, focus.name);
}

/** Does the run concern the VM (directly or as a member of a plan), the plan, or the job? */
export function runTouches(run: RunRecord, focus: RunFocus): boolean {
  switch (focus.kind) {
    case 'job':
      return run.jobs.some((j) => sameName(j.name, focus.jobName));
    case 'plan':
      return (
        run.target.kind === 'plan' &&
        (sameId(run.target.plan.id, focus.id) || [focus.name, focus.friendlyName].some((n) => sameName(run.target.kind === 'plan' ? run.target.plan.name : undefined, n)))
      );
    case 'vm':
      return run.target.vms.some((vm) => namesVm(vm, focus)) || run.jobs.some((j) => !/^RecoveryPlan$/i.test(j.targetType ?? '') && sameName(j.targetName, focus.name));
  }
}

/** The outcomes a run shows: the recorded ones, else (a run not finished) what its jobs say so far. */
export function effectiveOutcomes(run: RunRecord): RunOutcome[] {
  return run.outcomes.length ? run.outcomes : outcomesFromJobs(run.target, run.jobs);
}

export type RunOutcomeWord = 'succeeded' | 'failed' | 'partly failed' | 'cancelled' | 'not started' | 'in progress' | 'unknown';

/** The run's outcome in a word or two: every VM alike, or "partly failed". */
export function runOutcomeWord(run: RunRecord): RunOutcomeWord {
  const outcomes = effectiveOutcomes(run);
  const all = (k: RunOutcome['outcome']): boolean => outcomes.length > 0 && outcomes.every((o) => o.outcome === k);
  if (all('succeeded')) return 'succeeded';
  if (all('failed')) return 'failed';
  if (outcomes.some((o) => o.outcome === 'failed')) return 'partly failed';
  if (all('cancelled')) return 'cancelled';
  if (all('notStarted')) return 'not started';
  if (!run.endedAt && outcomes.some((o) => o.outcome === 'unknown')) return 'in progress';
  return 'unknown';
}

/** "V2A-W2K16-201", "3 VMs: a, b, c", "recovery plan P (2 VMs)". */
export function targetWords(target: RunTarget, listAtMost = 5): string {
  if (target.kind === 'plan') return `recovery plan ${target.plan.name}${target.vms.length ? ` (${target.vms.length} VM${target.vms.length === 1 ? '' : 's'})` : ''}`;
  const names = target.vms.map((v) => v.name);
  if (names.length === 1) return names[0];
  const shown = names.slice(0, listAtMost).join(', ');
  return `${names.length} VMs: ${shown}${names.length > listAtMost ? ', …' : ''}`;
}

/** A picker's line: "Failback · V2A-W2K16-201", then "2021-04-06 09:50 UTC · succeeded · by a@b". */
export function runPickLine(run: RunRecord): { label: string; description: string } {
  const when = `${run.startedAt.slice(0, 10)} ${run.startedAt.slice(11, 16)} UTC`;
  const by = run.source === 'jobHistory' ? 'from job history' : run.practice ? 'practice' : run.startedBy ? `by ${run.startedBy}` : '';
  return { label: `${OPERATION_SHORT[run.operation]} · ${targetWords(run.target, 3)}`, description: [when, runOutcomeWord(run), by].filter(Boolean).join(' · ') };
}
