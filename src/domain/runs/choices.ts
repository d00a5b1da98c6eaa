// What commands hand to the run log, built from what they already hold: the VMs or plan acted
// on, and the recovery point the user picked with its time and data-loss window.
import type { RecoveryPlanInfo, ReplicatedItem } from '../model';
import type { RecoveryPointOption } from '../recoveryPoints';
import type { RunRecoveryPoint, RunTarget } from './types';

export function itemsTarget(items: ReadonlyArray<Pick<ReplicatedItem, 'id' | 'friendlyName'>>): RunTarget {
  return { kind: 'vms', vms: items.map((i) => ({ name: i.friendlyName, id: i.id })) };
}

export function planTarget(plan: Pick<RecoveryPlanInfo, 'id' | 'friendlyName'>, members: ReadonlyArray<Pick<ReplicatedItem, 'id' | 'friendlyName'>> = []): RunTarget {
  return { kind: 'plan', plan: { name: plan.friendlyName, id: plan.id }, vms: members.map((i) => ({ name: i.friendlyName, id: i.id })) };
}

/**
 * The recovery point as the run keeps it. `time`: the point's time when the caller knows it
 * (for several VMs, the oldest of their points); the option's data-loss minutes are the window
 * compared with the newest point.
 */
export function recoveryPointRecord(
  option: Pick<RecoveryPointOption, 'label' | 'summary' | 'minutesOlderThanLatest'> & { choice: { kind: string; pointId?: string } },
  time?: Date,
): RunRecoveryPoint {
  return {
    label: option.label,
    kind: option.choice.kind,
    time: time && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined,
    dataLossMinutes: option.minutesOlderThanLatest,
    summary: option.summary,
    pointId: option.choice.pointId,
  };
}

/** A component known by its id only: named by the id's last segment. */
export function namedId(id: string): { name: string; id: string } {
  return { name: id.split('/').filter(Boolean).pop() ?? id, id };
}
