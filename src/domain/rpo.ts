// How old a VM's latest recovery point is (Site Recovery's RPO), against its replication
// policy's threshold: the tree row says it, and warns when the threshold is passed.
import type { ReplicatedItem } from './model';
// Type only: itemState renders the row with these functions, so a value import would be a circle.
import type { FailbackPhase } from './itemState';

export interface RpoState {
  /** "RPO 4 min", or "⚠ RPO 25 min (over 15 min)" when over the policy's threshold. */
  text: string;
  over: boolean;
}

/** A span of minutes in the unit people read: "4 min", "2 h", "3 days". */
export function minutesWords(minutes: number): string {
  const min = Math.max(0, Math.round(minutes));
  return min < 120 ? `${min} min` : min < 2880 ? `${Math.round(min / 60)} h` : `${Math.round(min / 1440)} days`;
}

/** A threshold that can be passed: a positive number of minutes (a policy without one gives none). */
function usable(thresholdMinutes: number | undefined): thresholdMinutes is number {
  return thresholdMinutes !== undefined && Number.isFinite(thresholdMinutes) && thresholdMinutes > 0;
}

/**
 * The VM's RPO and whether it is over `thresholdMinutes` (the policy's
 * recoveryPointThresholdInMinutes). Undefined when Site Recovery reports no RPO. Over is decided
 * on the whole minutes shown: a row reading "RPO 15 min (over 15 min)" would contradict itself.
 */
export function rpoState(item: Pick<ReplicatedItem, 'rpoSeconds'>, thresholdMinutes?: number): RpoState | undefined {
  if (item.rpoSeconds === undefined || !Number.isFinite(item.rpoSeconds)) return undefined;
  const minutes = Math.max(0, Math.round(item.rpoSeconds / 60));
  const text = `RPO ${minutesWords(minutes)}`;
  if (!usable(thresholdMinutes) || minutes <= thresholdMinutes) return { text, over: false };
  return { text: `⚠ ${text} (over ${minutesWords(thresholdMinutes)})`, over: true };
}

/** An RPO means something only while the VM replicates; after a failover it is the last one measured. */
export function showsRpo(phase: FailbackPhase): boolean {
  return phase === 'readyToFailBack' || phase === 'replicatingToAzure';
}

/** The RPO the tree shows for a VM in `phase`: only while it replicates. */
export function replicationRpo(item: Pick<ReplicatedItem, 'rpoSeconds'>, phase: FailbackPhase, thresholdMinutes?: number): RpoState | undefined {
  return showsRpo(phase) ? rpoState(item, thresholdMinutes) : undefined;
}
