// Texts of the status bar, progress notification and final notification. Kept free of
// `vscode` so the wording is unit-tested.
import type { JobInfo } from '../domain/model';
import { errorSummary } from '../domain/errors';
import { allJobErrors, currentTask, durationText, endWords, isTerminal, nextStepText, stateWords, type NextStep } from '../domain/jobs';
import type { FollowedJob } from './types';

export function statusText(count: number): string {
  return `$(sync~spin) ${count} Site Recovery job${count === 1 ? '' : 's'}`;
}

/** Share of the work done: finished jobs count whole, running ones by their finished tasks. */
export function fractionDone(watched: readonly FollowedJob[], finished: ReadonlySet<FollowedJob>): number {
  if (watched.length === 0) return 1;
  const parts = watched.map((w) => {
    if (finished.has(w)) return 1;
    const tasks = w.latest?.tasks ?? [];
    return tasks.length ? tasks.filter((t) => isTerminal(t.state)).length / tasks.length : 0;
  });
  return parts.reduce((a, b) => a + b, 0) / watched.length;
}

/** The end of the progress notification's text: its Cancel button only stops watching. */
export const STOP_WATCHING_HINT = 'Cancel only stops watching';

/** `text` without a leading "label: " (a task or job named after its VM would repeat it). */
function withoutLabel(text: string, label: string): string {
  return label && text.toLowerCase().startsWith(`${label.toLowerCase()}: `) ? text.slice(label.length + 2) : text;
}

/**
 * "erp-lnx-01: Shut down the virtual machine · running" for the job a progress notification
 * follows; states in words. `showLabel` false when the notification's title names the VM already.
 */
export function jobProgressText(w: FollowedJob, showLabel = true): string {
  const prefix = showLabel && w.label ? `${w.label}: ` : '';
  const job = w.latest;
  if (!job) return `${prefix}waiting for Site Recovery…`;
  const task = currentTask(job);
  const what = withoutLabel(task ? task.friendlyName : job.friendlyName, w.label);
  const state = task ? stateWords(task.state, task.stateDescription) : stateWords(job.state, job.stateDescription);
  return `${prefix}${what} · ${state}`;
}

/** Does the notification's title already name this VM (as a whole word)? */
function titleNames(title: string | undefined, label: string): boolean {
  if (!title || !label) return false;
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s"'(:])${escaped}($|[\\s"'),:.])`, 'i').test(title);
}

/**
 * "2 of 3 done · erp-lnx-01: Start failover · running"; the count only for several VMs, the VM
 * name only when the title (shown in front of this text) does not say it already.
 */
export function progressMessage(watched: readonly FollowedJob[], finished: ReadonlySet<FollowedJob>, focus: FollowedJob | undefined, title?: string): string {
  const counts = watched.length > 1 ? `${finished.size} of ${watched.length} done` : '';
  const showLabel = !(focus && watched.length === 1 && titleNames(title, focus.label));
  return [counts, focus ? jobProgressText(focus, showLabel) : ''].filter(Boolean).join(' · ');
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
export function vmListText(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The message after a failback's verification, naming the VMs: all fine, or which need a look.
 * Replaces "Failover finished. Verify the on-premises VMs, then commit." and "Failover finished
 * with problems: check before committing."
 */
export function failoverFinishedText(ok: readonly string[], problems: readonly string[]): string {
  if (problems.length === 0) {
    return `Failover finished for ${vmListText(ok)}. Verify the on-premises VM${ok.length === 1 ? '' : 's'}, then commit.`;
  }
  const fine = ok.length ? ` Finished as expected: ${vmListText(ok)}.` : '';
  return `Failover finished with problems for ${vmListText(problems)}: check before committing.${fine}`;
}

/** The notification after the progress notification's Cancel: the jobs go on, and where to see them. */
export function stoppedWatchingText(stopped: readonly FollowedJob[]): string {
  const one = stopped.length === 1;
  const first = stopped[0];
  const what = one ? `${first?.latest?.friendlyName ?? 'the job'} of ${first?.label ?? 'the VM'}` : `${stopped.length} jobs (${vmListText(stopped.map((w) => w.label))})`;
  return (
    `Stopped watching ${what}. ${one ? 'The job goes' : 'The jobs go'} on in Site Recovery: follow ${one ? 'it' : 'them'} under Jobs in the Site Recovery view or in the output; ` +
    `you are told when ${one ? 'it ends' : 'each ends'}. To stop ${one ? 'the job' : 'a job'} itself, use Cancel Job on it.`
  );
}

/** The status bar's tooltip: one line per running job, in the words of the other views. */
export function statusTooltip(running: readonly FollowedJob[]): string {
  return `${running.map((w) => jobProgressText(w)).join('\n')}\nClick to show the output.`;
}

export function successText(job: JobInfo, target: string, step: NextStep): string {
  const took = durationText(job.startTime, job.endTime);
  return `${job.friendlyName} succeeded for ${target}${took ? ` in ${took}` : ''}. ${nextStepText(step)}`.trim();
}

/** Code and message of the first error, its causes and recommended action; the rest is in the output. */
export function failureText(job: JobInfo, target: string): string {
  const errors = allJobErrors(job);
  const first = errors[0];
  const parts = [`${job.friendlyName} ${endWords(job.state)} for ${target}:`, first ? errorSummary(first) : stateWords(job.state, job.stateDescription)];
  if (first?.possibleCauses) parts.push(`Possible causes: ${first.possibleCauses}`);
  if (first?.recommendedAction) parts.push(`Recommended action: ${first.recommendedAction}`);
  if (errors.length > 1) parts.push(`(${errors.length - 1} more error(s) in the output)`);
  return parts.join(' ');
}

/** An agent-wait attempt that ended with nobody retrying it here: a warning that says what to do, not an error. */
export function agentWaitText(job: JobInfo, target: string): string {
  return `${job.friendlyName} for ${target} could not start yet: the on-premises agent is not registered with Site Recovery. It registers within about 15 minutes of the VM starting; then reprotect again.`;
}
