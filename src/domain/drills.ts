// Test failover drills: when a VM was last tested, whether that is too long ago, and a test
// environment left running. Site Recovery reports lastSuccessfulTestFailoverTime on each item.
import type { ReplicatedItem } from './model';
import { spanText } from './recoveryPoints';

/** Cleanup comments: assumed limit (not recorded); the portal's notes box is of this order. */
export const COMMENTS_LIMIT = 1024;

const DAY = 86_400_000;

/** The cleanup's comments: the outcome first, so the job history says it too. */
export function cleanupComments(succeeded: boolean, notes: string): string {
  const outcome = succeeded ? 'Test succeeded' : 'Test failed';
  const text = notes.trim();
  return text ? `${outcome}: ${text}` : `${outcome}.`;
}

/** True when a finished test failover still waits for its cleanup (its test VM exists). */
export function testFailoverPendingCleanup(item: Pick<ReplicatedItem, 'allowedOperations'>): boolean {
  return item.allowedOperations.some((o) => /^TestFailoverCleanup$/i.test(o));
}

/**
 * "Test environment running for 2 days: clean it up" when a test failover waits for cleanup for
 * more than a day (test VMs cost money and hold the next drill back); undefined otherwise.
 */
export function testEnvironmentAge(item: Pick<ReplicatedItem, 'allowedOperations' | 'lastSuccessfulTestFailoverTime'>, now: number): string | undefined {
  if (!testFailoverPendingCleanup(item) || !item.lastSuccessfulTestFailoverTime) return undefined;
  const age = now - item.lastSuccessfulTestFailoverTime.getTime();
  if (age <= DAY) return undefined;
  return `Test environment running for ${spanText(age / 60_000)}: clean it up`;
}

export type DrillStatus = { kind: 'recent' | 'stale' | 'never'; text: string };

/** When the VM was last tested successfully, against the drills.maxAgeDays setting. */
export function drillStatus(item: Pick<ReplicatedItem, 'lastSuccessfulTestFailoverTime'>, now: number, maxAgeDays: number): DrillStatus {
  const last = item.lastSuccessfulTestFailoverTime;
  if (!last) return { kind: 'never', text: 'Never tested: no successful test failover' };
  const days = Math.floor((now - last.getTime()) / DAY);
  const when = days < 1 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  if (days > maxAgeDays) return { kind: 'stale', text: `Last tested ${when}: older than ${maxAgeDays} days` };
  return { kind: 'recent', text: `Last tested ${when}` };
}
