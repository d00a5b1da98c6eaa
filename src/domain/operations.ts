// What this window is doing to a VM right now, as every view shows it: the request on its way,
// the job with its current task, or the wait for the on-premises agent with its attempt and
// time left. Site Recovery's own reading of the item says what it allows; this says what runs.
import { countdownText } from './agentWindow';

export interface ItemOperation {
  /** "Failover", "Commit", "Reprotect", … */
  label: string;
  phase: 'sending' | 'running' | 'waitingForAgent';
  jobName?: string;
  /** The job's current task, in Site Recovery's words. */
  task?: string;
  /** Agent wait: the attempt about to be made, and when it is made (scope clock, ms). */
  attempt?: number;
  nextTryAt?: number;
  /** Agent wait: when the window closes (scope clock, ms). */
  windowEndsAt?: number;
}

/** The row text: "Reprotect · waiting for agent · attempt 6 · 5:29 left". */
export function operationText(op: ItemOperation, now: number): string {
  switch (op.phase) {
    case 'sending':
      return `${op.label} · starting`;
    case 'waitingForAgent': {
      const parts = [op.label, 'waiting for the agent'];
      if (op.attempt) parts.push(`attempt ${op.attempt}`);
      if (op.windowEndsAt !== undefined) parts.push(`${countdownText(op.windowEndsAt - now)} left`);
      return parts.join(' · ');
    }
    default:
      return [op.label, op.task ?? 'running'].join(' · ');
  }
}
