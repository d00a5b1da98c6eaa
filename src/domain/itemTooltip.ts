// The rows of a replicated item's tooltip, as label/value pairs: pure, so that what a person
// reads about a recorded item can be tested without VS Code.
import type { RecoveryPointInfo, ReplicatedItem } from './model';
import { agentRegistrationText } from './checklist';
import { failbackPhase, nextStepOf, scenarioWords } from './itemState';
import { generationLabel } from './providers';
import { ageText } from './ages';
import { drillStatus, testEnvironmentAge, testFailoverPendingCleanup } from './drills';
import { isAppConsistent } from './recoveryPoints';
import { minutesWords, replicationRpo } from './rpo';

const utc = (d: Date): string =>
  d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
const when = (d: Date | undefined, now: number): string => (d ? `${utc(d)} (${ageText(now - d.getTime())})` : '—');

/** Days after which a VM's last successful test failover is too old (setting siteRecovery.drills.maxAgeDays). */
export const DEFAULT_DRILL_MAX_AGE_DAYS = 180;

/**
 * The VM's recovery points as read for the tooltip (newest first), or why they could not be
 * read. Items lists do not carry them: the tree reads them when a row is hovered.
 */
export type PointsReading = { points: readonly RecoveryPointInfo[] } | { error: string };

export interface TooltipExtras {
  /** The RPO threshold of the VM's policy, in minutes; none is recorded for modernized policies. */
  rpoThresholdMinutes?: number;
  points?: PointsReading;
}

export function itemTooltipRows(item: ReplicatedItem, now: number, maxDrillAgeDays = DEFAULT_DRILL_MAX_AGE_DAYS, extras: TooltipExtras = {}): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Next', nextStepOf(item)],
    ['Replication health', item.replicationHealth ?? '—'],
    ['Failover health', item.failoverHealth ?? '—'],
    ['Protection state', item.protectionStateDescription || item.protectionState || '—'],
    ['Provider', `${generationLabel(item.provider)} · ${item.providerInstanceType}`],
    ['Active location', item.activeLocation ?? '—'],
    ['RPO', rpoWords(item, extras.rpoThresholdMinutes)],
    // Classic items name no latest point of their own: their retention window is kept in the
    // configuration server's clock, which recordings show hours away from UTC. The recovery
    // points list (Failover, Checklist, the points read on hover) gives the real times.
    ...(item.latestRecoveryPointTime || !extras.points
      ? [['Latest recovery point', item.latestRecoveryPointTime ? when(item.latestRecoveryPointTime, now) : 'see the recovery points when failing over'] as [string, string]]
      : []),
    ...(extras.points ? pointRows(extras.points, now) : []),
    ['Last failover', when(item.lastSuccessfulFailoverTime, now)],
    ...drillRows(item, now, maxDrillAgeDays),
    ['OS', item.osType ?? '—'],
  ];
  const agent = agentRegistrationText(item);
  if (agent) rows.push(['Agent registered after failover', agent]);
  if (item.currentOperation) rows.push(['Current operation', `${scenarioWords(item.currentOperation.scenarioName)} since ${when(item.currentOperation.startTime, now)}`]);
  return rows;
}

/** "25 min · over the policy's 15 min threshold", "4 min · threshold 15 min", or "4 min" without one. */
function rpoWords(item: ReplicatedItem, thresholdMinutes: number | undefined): string {
  if (item.rpoSeconds === undefined) return '—';
  const value = minutesWords(item.rpoSeconds / 60);
  // Once failed over, the RPO is the last one measured: there is nothing to hold against the threshold.
  const rpo = replicationRpo(item, failbackPhase(item), thresholdMinutes);
  if (!rpo || thresholdMinutes === undefined || !(thresholdMinutes > 0)) return value;
  return rpo.over ? `⚠ ${value} · over the policy's ${minutesWords(thresholdMinutes)} threshold` : `${value} · threshold ${minutesWords(thresholdMinutes)}`;
}

/**
 * The newest crash-consistent and app-consistent points with their times. Every app-consistent
 * point is crash-consistent too: the newest point of any type is the latest crash-consistent one,
 * as the failover picker's "Latest (crash-consistent)" says.
 */
export function pointRows(reading: PointsReading, now: number): Array<[string, string]> {
  if ('error' in reading) return [['Recovery points', `could not be read: ${reading.error}`]];
  const newest = (points: readonly RecoveryPointInfo[]) => points.reduce<RecoveryPointInfo | undefined>((best, p) => (!best || p.time > best.time ? p : best), undefined);
  const crash = newest(reading.points);
  const app = newest(reading.points.filter(isAppConsistent));
  return [
    ['Latest crash-consistent point', crash ? when(crash.time, now) : 'none yet'],
    ['Latest app-consistent point', app ? when(app.time, now) : 'none yet'],
  ];
}

/** Test failover: its state while one is active, the test VM, and when the VM was last tested. */
function drillRows(item: ReplicatedItem, now: number, maxAgeDays: number): Array<[string, string]> {
  // Drills run on the way to Azure only (InMageAzureV2, InMageRcm).
  if (item.provider !== 'InMageAzureV2' && item.provider !== 'InMageRcm') return [];
  const rows: Array<[string, string]> = [];
  if (item.testFailoverState && !/^None$/i.test(item.testFailoverState)) rows.push(['Test failover', item.testFailoverStateDescription || item.testFailoverState]);
  // Recorded (TestV2ARCMTestFailover.1082): Site Recovery names the test VM after the VM, "-test".
  if (testFailoverPendingCleanup(item)) rows.push(['Test VM', `${item.friendlyName}-test (clean up when done)`]);
  const age = testEnvironmentAge(item, now);
  if (age) rows.push(['⚠ Test environment', age]);
  const drill = drillStatus(item, now, maxAgeDays);
  rows.push([
    'Last successful test failover',
    drill.kind === 'never' ? drill.text : `${when(item.lastSuccessfulTestFailoverTime, now)}${drill.kind === 'stale' ? ` ⚠ older than ${maxAgeDays} days` : ''}`,
  ]);
  return rows;
}
