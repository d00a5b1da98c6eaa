import type { RecoveryPointInfo, ReplicatedItem, ReplicationProvider } from './model';
import { sameId } from './armId';

/** The recovery point a user picks, in the extension's words; the Azure layer maps it per provider. */
export type RecoveryPointChoice = { kind: 'latest' } | { kind: 'appConsistent' } | { kind: 'specific'; pointId: string };

/**
 * One entry of the recovery-point picker. A quick pick shows `label` and `description` on one
 * line and `detail` below: the label stays short (the kind of point), the description holds the
 * time with its age, the detail the data-loss sentence, so neither is cut off.
 */
export interface RecoveryPointOption {
  choice: RecoveryPointChoice;
  /** The kind of point: "Latest (crash-consistent)", "Latest app-consistent", "Crash-consistent". */
  label: string;
  /** The point's time and age ("12:04 UTC · 6 min ago"), then "recommended" where it is. */
  description: string;
  /** What the point costs in data, in one short line. */
  detail: string;
  /** The point's type, time and age in one phrase, for the confirmation. */
  summary: string;
  /** Minutes of writes lost compared with Latest; 0 for Latest, undefined when unknown. */
  minutesOlderThanLatest?: number;
  recommended: boolean;
}

/**
 * What a quick pick shows in full at its usual width (600 px): label and description share a
 * line, the detail has one of its own.
 */
export const PICKER_LIMITS = { line: 75, detail: 90 } as const;

export function isAppConsistent(point: RecoveryPointInfo): boolean {
  return /app|tag/i.test(point.type);
}

/** The point's type in words, capitalised for a label: "App-consistent" or "Crash-consistent". */
export function pointTypeWords(point: RecoveryPointInfo): string {
  return isAppConsistent(point) ? 'App-consistent' : 'Crash-consistent';
}

function newest(points: readonly RecoveryPointInfo[]): RecoveryPointInfo | undefined {
  return points.reduce<RecoveryPointInfo | undefined>((best, p) => (!best || p.time > best.time ? p : best), undefined);
}

export function minutesBetween(older: Date, newer: Date): number {
  return Math.max(0, Math.round((newer.getTime() - older.getTime()) / 60_000));
}

/** A span the way people read it: "6 min", "1 h 4 min", "3 h", "2 days 5 h". */
export function spanText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const days = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h ? `${days} days ${h} h` : `${days} days`;
}

/** How long ago, from the scope's clock: "just now", "6 min ago", "1 h 4 min ago". */
export function agoText(time: Date, now: number): string {
  const minutes = (now - time.getTime()) / 60_000;
  return minutes < 1 ? 'just now' : `${spanText(minutes)} ago`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12:04 UTC" on the day of `now` (UTC), "24 Nov 12:04 UTC" before it. */
export function pointTime(time: Date, now: number): string {
  const hhmm = `${time.toISOString().slice(11, 16)} UTC`;
  return time.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10) ? hhmm : `${time.getUTCDate()} ${MONTHS[time.getUTCMonth()]} ${hhmm}`;
}

/** "12:04 UTC · 6 min ago": the description of a point in a picker. */
export function timeAndAge(time: Date, now: number): string {
  return `${pointTime(time, now)} · ${agoText(time, now)}`;
}

/** The data loss of a point older than Latest, in one line. */
export function dataLossWording(minutes: number): string {
  if (minutes <= 0) return 'No data loss compared with Latest.';
  return `${spanText(minutes)} before Latest: writes after it are lost.`;
}

/** "(1 h 4 min before Latest): writes after it are lost", or the no-loss wording for the newest point. */
function lossPhrase(time: Date, minutes: number | undefined, now: number): string {
  if (minutes === undefined) return `(${agoText(time, now)})`;
  if (minutes <= 0) return `(${agoText(time, now)}): no data loss compared with Latest`;
  return `(${spanText(minutes)} before Latest): writes after it are lost`;
}

const LATEST = 'Latest (crash-consistent)';

/**
 * Latest's description and detail: "recommended" after its time where the line has room, else
 * at the start of the detail.
 */
function recommended(timeText: string | undefined, detail: string): { description: string; detail: string } {
  if (!timeText) return { description: 'recommended', detail };
  const description = `${timeText} · recommended`;
  return `${LATEST}  ${description}`.length <= PICKER_LIMITS.line ? { description, detail } : { description: timeText, detail: `Recommended. ${detail}` };
}

/**
 * The choices offered for one VM, Latest first. Classic items can also recover to a
 * specific point; modernized failback offers crash- and application-consistent only.
 * `now` is the scope's clock (the practice vault runs on its own).
 */
export function recoveryPointOptions(provider: ReplicationProvider, points: readonly RecoveryPointInfo[], now: number = Date.now()): RecoveryPointOption[] {
  const latest = newest(points);
  const latestApp = newest(points.filter(isAppConsistent));
  const classic = provider === 'InMage' || provider === 'InMageAzureV2';
  // Classic "LatestTime" processes every change received; modernized recovers to the newest crash-consistent point.
  const latestDetail = classic ? 'All data Site Recovery has received: the least data loss.' : 'The newest crash-consistent point: the least data loss.';
  const options: RecoveryPointOption[] = [
    {
      choice: { kind: 'latest' },
      label: LATEST,
      ...recommended(latest ? timeAndAge(latest.time, now) : undefined, latestDetail),
      summary: latest
        ? classic
          ? `Latest (crash-consistent): all data Site Recovery has received, newest point ${pointTime(latest.time, now)} (${agoText(latest.time, now)})`
          : `Latest crash-consistent point, ${pointTime(latest.time, now)} (${agoText(latest.time, now)}): the least data loss`
        : 'Latest (crash-consistent): the least data loss',
      minutesOlderThanLatest: 0,
      recommended: true,
    },
  ];
  if (latestApp) {
    const older = latest ? minutesBetween(latestApp.time, latest.time) : undefined;
    options.push({
      choice: { kind: 'appConsistent' },
      label: 'Latest app-consistent',
      description: timeAndAge(latestApp.time, now),
      detail: older === undefined ? 'Application-consistent.' : dataLossWording(older),
      summary: `Latest app-consistent point, ${pointTime(latestApp.time, now)} ${lossPhrase(latestApp.time, older, now)}`,
      minutesOlderThanLatest: older,
      recommended: false,
    });
  }
  if (provider === 'InMage') {
    for (const point of [...points].sort((a, b) => b.time.getTime() - a.time.getTime()).slice(0, 20)) {
      const older = latest ? minutesBetween(point.time, latest.time) : undefined;
      options.push({
        choice: { kind: 'specific', pointId: point.id },
        label: pointTypeWords(point),
        description: timeAndAge(point.time, now),
        detail: older === undefined ? '' : dataLossWording(older),
        summary: `${pointTypeWords(point)} point, ${pointTime(point.time, now)} ${lossPhrase(point.time, older, now)}`,
        minutesOlderThanLatest: older,
        recommended: false,
      });
    }
  }
  return options;
}

export interface VmPoints {
  name: string;
  points: readonly RecoveryPointInfo[];
  /** The VM's replication group (multiVmGroupName), when it has one. */
  group?: string;
}

/** "12:01–12:04 UTC", or one time when all are the same minute. */
function timeRange(times: readonly Date[], now: number): string {
  const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
  const first = pointTime(sorted[0], now);
  const last = pointTime(sorted[sorted.length - 1], now);
  if (first === last) return first;
  // "24 Nov 12:01–12:04 UTC" when both are of one day, "24 Nov 23:58–25 Nov 00:03 UTC" across days.
  const day = (t: string) => t.replace(/\d\d:\d\d UTC$/, '');
  return day(first) === day(last) ? `${first.replace(/ UTC$/, '')}–${last.slice(day(last).length)}` : `${first.replace(/ UTC$/, '')}–${last}`;
}

/** "12:04 UTC · 6 min ago", or "12:01–12:04 UTC · up to 9 min ago" across VMs. */
function rangeAndAge(times: readonly Date[], now: number): string {
  const oldest = times.reduce((a, b) => (b < a ? b : a));
  const range = timeRange(times, now);
  return range.includes('–') ? `${range} · up to ${agoText(oldest, now)}` : `${range} · ${agoText(oldest, now)}`;
}

/**
 * The newest application-consistent time every VM of a replication group has: where a plan's
 * failover recovers the group (multi-VM sync point). Undefined when they share none.
 */
export function commonAppConsistentTime(groupPoints: ReadonlyArray<readonly RecoveryPointInfo[]>): Date | undefined {
  if (groupPoints.length === 0) return undefined;
  const sets = groupPoints.map((points) => new Set(points.filter(isAppConsistent).map((p) => p.time.getTime())));
  const shared = [...sets[0]].filter((t) => sets.every((s) => s.has(t)));
  return shared.length ? new Date(Math.max(...shared)) : undefined;
}

/**
 * The choices for several VMs or a recovery plan: Latest, and app-consistent when every VM has
 * an app-consistent point. In a plan a replication group recovers to the point its VMs share.
 */
export function multiVmRecoveryPointOptions(vms: readonly VmPoints[], opts: { plan?: boolean; now?: number } = {}): RecoveryPointOption[] {
  const now = opts.now ?? Date.now();
  const latestOf = new Map(vms.map((v) => [v, newest(v.points)] as const));
  const latestTimes = [...latestOf.values()].filter((p): p is RecoveryPointInfo => !!p).map((p) => p.time);
  const groups = [...new Set(vms.map((v) => v.group).filter((g): g is string => !!g))];
  const groupWords = groups.length === 1 ? `replication group ${groups[0]}` : `replication groups ${groups.join(', ')}`;
  const options: RecoveryPointOption[] = [
    {
      choice: { kind: 'latest' },
      label: LATEST,
      ...recommended(latestTimes.length ? rangeAndAge(latestTimes, now) : undefined, 'Each VM recovers to its own newest point: the least data loss.'),
      summary:
        (latestTimes.length
          ? `Latest point of each VM, ${timeRange(latestTimes, now)} (each its own newest point): the least data loss`
          : 'Latest point of each VM: the least data loss') + (groups.length ? `; the VMs of ${groupWords} each recover to their own point as well` : ''),
      minutesOlderThanLatest: 0,
      recommended: true,
    },
  ];
  if (vms.length === 0 || !vms.every((v) => v.points.some(isAppConsistent))) return options;
  // Where each VM recovers with app-consistent: its own newest app point, or its group's common one in a plan.
  const common = new Map<string, Date | undefined>();
  if (opts.plan) for (const g of groups) common.set(g, commonAppConsistentTime(vms.filter((v) => v.group === g).map((v) => v.points)));
  const appTimes: Date[] = [];
  let worst = 0;
  for (const v of vms) {
    const time = (opts.plan && v.group ? common.get(v.group) : undefined) ?? newest(v.points.filter(isAppConsistent))!.time;
    appTimes.push(time);
    const latest = latestOf.get(v);
    if (latest) worst = Math.max(worst, minutesBetween(time, latest.time));
  }
  const shared = opts.plan ? groups.filter((g) => common.get(g)).map((g) => `replication group ${g} at ${pointTime(common.get(g)!, now)}`) : [];
  options.push({
    choice: { kind: 'appConsistent' },
    label: 'Latest app-consistent',
    description: rangeAndAge(appTimes, now),
    detail:
      opts.plan && groups.length
        ? `Groups at their shared point. Up to ${spanText(worst)} before Latest: writes after are lost.`
        : worst > 0
          ? `Up to ${spanText(worst)} before Latest: writes after it are lost.`
          : 'No data loss compared with Latest.',
    summary:
      `Latest app-consistent point of each VM, ${timeRange(appTimes, now)} (up to ${spanText(worst)} before Latest): writes after it are lost` +
      (shared.length ? `; ${shared.join(', ')}, the point all its VMs share` : ''),
    minutesOlderThanLatest: worst,
    recommended: false,
  });
  return options;
}

/** The picker's title names what fails back: the VM, the plan, or "3 VMs". */
export function recoveryPointPickerTitle(target: { vms: readonly string[]; plan?: string }): string {
  const what = target.plan ? `recovery plan ${target.plan}` : target.vms.length === 1 ? target.vms[0] : `${target.vms.length} VMs`;
  return `Fail back ${what}: choose the recovery point`;
}

/** What a recovery-plan failover does with the choice when VMs share a replication group. */
export function planRecoveryPointExplanation(choice: RecoveryPointChoice, hasReplicationGroup: boolean): string {
  if (choice.kind === 'latest') {
    return hasReplicationGroup ? 'Latest: each VM recovers to its own latest point, including VMs in a replication group.' : 'Latest: each VM recovers to its own latest point.';
  }
  return hasReplicationGroup
    ? 'App-consistent: each replication group recovers to the latest point that all its VMs share; other VMs to their own latest app-consistent point.'
    : 'App-consistent: each VM recovers to its latest application-consistent point.';
}

/**
 * Failing VMs of a replication group over one by one (not through their recovery plan): each
 * recovers to its own point, so the group is no longer consistent. One sentence per group.
 * `planOfGroup` names the recovery plan that holds the group, when known.
 */
export function replicationGroupWarnings(
  items: ReadonlyArray<Pick<ReplicatedItem, 'friendlyName' | 'multiVmGroupName'>>,
  planOfGroup: ReadonlyMap<string, string> = new Map(),
): string[] {
  const byGroup = new Map<string, string[]>();
  for (const i of items) if (i.multiVmGroupName) byGroup.set(i.multiVmGroupName, [...(byGroup.get(i.multiVmGroupName) ?? []), i.friendlyName]);
  return [...byGroup].map(([group, names]) => {
    const plan = planOfGroup.get(group);
    const fix = plan ? `fail recovery plan ${plan} over to keep the group consistent` : 'fail the recovery plan over to keep the group consistent';
    return names.length === 1
      ? `${names[0]} is in replication group ${group}: failing it over alone recovers it to its own point; ${fix}.`
      : `${listWords(names)} are in replication group ${group}: failing them over outside a recovery plan recovers each to its own point; ${fix}.`;
  });
}

function listWords(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The point a failed-over VM runs from (`failoverRecoveryPointId`, an ARM id), when the item
 * carries it: Change Recovery Point marks it as the point in use.
 */
export function pointInUseId(item: Pick<ReplicatedItem, 'id'> & { failoverRecoveryPointId?: string }): string | undefined {
  return item.failoverRecoveryPointId || undefined;
}

/** Does `point` stand for `inUseId`: the same ARM id, or the same point name (ids differ in casing). */
export function isPointInUse(point: Pick<RecoveryPointInfo, 'id' | 'name'>, inUseId: string | undefined): boolean {
  if (!inUseId) return false;
  const tail = inUseId.split('/').pop()!.toLowerCase();
  return sameId(point.id, inUseId) || (!!point.name && point.name.toLowerCase() === tail);
}

export interface ChangePointOption {
  point: RecoveryPointInfo;
  label: string;
  description: string;
  detail: string;
  inUse: boolean;
}

/**
 * Change Recovery Point's picker: newest first, each with its type, time, age and data loss;
 * the point the VM runs from now is marked "in use".
 */
export function changeRecoveryPointOptions(points: readonly RecoveryPointInfo[], inUseId: string | undefined, now: number, limit = 50): ChangePointOption[] {
  const latest = newest(points);
  return [...points]
    .sort((a, b) => b.time.getTime() - a.time.getTime())
    .slice(0, limit)
    .map((p) => {
      const inUse = isPointInUse(p, inUseId);
      return {
        point: p,
        label: pointTypeWords(p),
        description: `${timeAndAge(p.time, now)}${inUse ? ' · in use' : ''}`,
        detail: dataLossWording(latest ? minutesBetween(p.time, latest.time) : 0),
        inUse,
      };
    });
}

/** "the app-consistent point of 11:00 UTC (1 h 10 min ago)": a point in a sentence. */
export function pointPhrase(point: RecoveryPointInfo, now: number): string {
  return `the ${pointTypeWords(point).toLowerCase()} point of ${pointTime(point.time, now)} (${agoText(point.time, now)})`;
}
