import { guidFrom, MINUTE, HOUR } from '../ids';
import type { ItemRecord } from './model';
import type { ItemPhase } from '../scenarios/types';

export type RecoveryPointKind = 'CrashConsistent' | 'AppConsistent';

export interface RecoveryPointRecord {
  name: string;
  time: number;
  type: RecoveryPointKind;
  tag?: string;
}

const NO_POINTS = new Set<ItemPhase>(['Committed', 'FailoverStarted', 'InitialReplication', 'EnablingFailed']);

/** Newest crash-consistent point trails "now" by this much (the data still in flight). */
const CRASH_LAG = 1 * MINUTE;

/**
 * The item's recovery points at virtual time `now`, newest first. Points are not stored: they are
 * derived from the item's point plan on a fixed time grid, so they keep appearing while replication
 * runs and stop when it stops, and the same point keeps its name. Committed items have none
 * (the failover purged them), nor have items whose replication never produced one; items
 * replicating again get new points from their restart time.
 */
export function recoveryPointsOf(item: ItemRecord, now: number): RecoveryPointRecord[] {
  const m = item.mutable;
  const plan = m.points;
  if (!plan || NO_POINTS.has(m.phase)) {
    return [];
  }
  const end = Math.min(now, m.replicationStoppedAt ?? now);
  const start = Math.max(end - plan.retentionHours * HOUR, m.replicationStartedAt);
  const crashStep = Math.max(1, plan.crashEveryMinutes) * MINUTE;
  const appStep = Math.max(1, plan.appEveryMinutes) * MINUTE;
  const appEnd = end - (plan.appLagMinutes ?? 0) * MINUTE;

  const apps: RecoveryPointRecord[] = [];
  for (let t = Math.floor(appEnd / appStep) * appStep; t >= start; t -= appStep) {
    apps.push({ name: pointName(item, 'a', t), time: t, type: 'AppConsistent' });
  }
  (plan.tags ?? []).forEach((tag, i) => {
    if (apps[i]) {
      apps[i].tag = tag;
    }
  });
  const appTimes = new Set(apps.map((p) => p.time));
  const crashes: RecoveryPointRecord[] = [];
  for (let t = Math.floor((end - CRASH_LAG) / crashStep) * crashStep; t >= start; t -= crashStep) {
    if (!appTimes.has(t)) {
      crashes.push({ name: pointName(item, 'c', t), time: t, type: 'CrashConsistent' });
    }
  }
  return [...apps, ...crashes].sort((a, b) => b.time - a.time);
}

function pointName(item: ItemRecord, kind: string, t: number): string {
  return guidFrom(`${item.vmId}/${kind}/${t}`);
}

export function latestPoint(points: RecoveryPointRecord[], kind?: RecoveryPointKind): RecoveryPointRecord | undefined {
  return points.find((p) => kind === undefined || p.type === kind);
}

/** Accepts a point's name or its full ARM id. */
export function findPoint(points: RecoveryPointRecord[], nameOrId: string): RecoveryPointRecord | undefined {
  const name = nameOrId.split('/').pop()?.toLowerCase();
  return points.find((p) => p.name.toLowerCase() === name);
}
