// Texts of the status bar, progress notification and final notification. Kept free of
// `vscode` so the wording is unit-tested.
import type { JobInfo } from '../domain/model';
import { errorSummary } from '../domain/errors';
import { allJobErrors, currentTask, durationText, isTerminal, nextStepText, type NextStep } from '../domain/jobs';
import type { WatchedJob } from './types';

export function statusText(count: number): string {
  return `$(sync~spin) ${count} Site Recovery job${count === 1 ? '' : 's'}`;
}

/** Share of the work done: finished jobs count whole, running ones by their finished tasks. */
export function fractionDone(watched: readonly WatchedJob[], finished: ReadonlySet<WatchedJob>): number {
  if (watched.length === 0) return 1;
  const parts = watched.map((w) => {
    if (finished.has(w)) return 1;
    const tasks = w.latest?.tasks ?? [];
    return tasks.length ? tasks.filter((t) => isTerminal(t.state)).length / tasks.length : 0;
  });
  return parts.reduce((a, b) => a + b, 0) / watched.length;
}

/** "VM: task (state)" for the job a progress notification follows. */
export function jobProgressText(w: WatchedJob): string {
  const task = w.latest && currentTask(w.latest);
  if (!task) return w.latest ? `${w.label}: ${w.latest.stateDescription ?? w.latest.state}` : `${w.label}: waiting for Site Recovery…`;
  return `${w.label}: ${task.friendlyName} (${task.stateDescription ?? task.state})`;
}

/** "2 of 3 done · VM: task (state)"; the count only for several VMs. */
export function progressMessage(watched: readonly WatchedJob[], finished: ReadonlySet<WatchedJob>, focus: WatchedJob | undefined): string {
  const counts = watched.length > 1 ? `${finished.size} of ${watched.length} done` : '';
  return [counts, focus ? jobProgressText(focus) : ''].filter(Boolean).join(' · ');
}

export function successText(job: JobInfo, target: string, step: NextStep): string {
  const took = durationText(job.startTime, job.endTime);
  return `${job.friendlyName} succeeded for ${target}${took ? ` in ${took}` : ''}. ${nextStepText(step)}`.trim();
}

/** Code and message of the first error, its causes and recommended action; the rest is in the output. */
export function failureText(job: JobInfo, target: string): string {
  const errors = allJobErrors(job);
  const first = errors[0];
  const parts = [`${job.friendlyName} ${String(job.state).toLowerCase()} for ${target}:`, first ? errorSummary(first) : (job.stateDescription ?? String(job.state))];
  if (first?.possibleCauses) parts.push(`Possible causes: ${first.possibleCauses}`);
  if (first?.recommendedAction) parts.push(`Recommended action: ${first.recommendedAction}`);
  if (errors.length > 1) parts.push(`(${errors.length - 1} more error(s) in the output)`);
  return parts.join(' ');
}
