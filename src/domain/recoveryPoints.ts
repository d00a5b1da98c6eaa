import type { RecoveryPointInfo, ReplicationProvider } from './model';

/** The recovery point a user picks, in the extension's words; the Azure layer maps it per provider. */
export type RecoveryPointChoice =
  | { kind: 'latest' }
  | { kind: 'appConsistent' }
  | { kind: 'specific'; pointId: string };

export interface RecoveryPointOption {
  choice: RecoveryPointChoice;
  label: string;
  description: string;
  detail: string;
  /** Minutes of writes lost compared with Latest; 0 for Latest, undefined when unknown. */
  minutesOlderThanLatest?: number;
  recommended: boolean;
}

export function isAppConsistent(point: RecoveryPointInfo): boolean {
  return /app|tag/i.test(point.type);
}

function newest(points: readonly RecoveryPointInfo[]): RecoveryPointInfo | undefined {
  return points.reduce<RecoveryPointInfo | undefined>((best, p) => (!best || p.time > best.time ? p : best), undefined);
}

export function minutesBetween(older: Date, newer: Date): number {
  return Math.max(0, Math.round((newer.getTime() - older.getTime()) / 60_000));
}

export function dataLossWording(minutes: number): string {
  if (minutes <= 0) return 'No data loss compared with Latest.';
  const span = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `≈ ${span} older than Latest: data written after it is lost.`;
}

const when = (d: Date): string => d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/**
 * The choices offered for one VM, Latest first. Classic items can also recover to a
 * specific point; modernized failback offers crash- and application-consistent only.
 */
export function recoveryPointOptions(provider: ReplicationProvider, points: readonly RecoveryPointInfo[]): RecoveryPointOption[] {
  const latest = newest(points);
  const latestApp = newest(points.filter(isAppConsistent));
  const options: RecoveryPointOption[] = [
    {
      choice: { kind: 'latest' },
      label: 'Latest (crash-consistent)',
      description: 'recommended',
      detail: latest
        ? `Processes all data Site Recovery has received: lowest data loss (latest point ${when(latest.time)}).`
        : 'Processes all data Site Recovery has received: lowest data loss.',
      minutesOlderThanLatest: 0,
      recommended: true,
    },
  ];
  if (latestApp) {
    const older = latest ? minutesBetween(latestApp.time, latest.time) : undefined;
    options.push({
      choice: { kind: 'appConsistent' },
      label: 'Latest app-consistent',
      description: when(latestApp.time),
      detail: older === undefined ? 'Application-consistent snapshot.' : `Application-consistent snapshot. ${dataLossWording(older)}`,
      minutesOlderThanLatest: older,
      recommended: false,
    });
  }
  if (provider === 'InMage') {
    for (const point of [...points].sort((a, b) => b.time.getTime() - a.time.getTime()).slice(0, 20)) {
      const older = latest ? minutesBetween(point.time, latest.time) : undefined;
      options.push({
        choice: { kind: 'specific', pointId: point.id },
        label: `Point at ${when(point.time)}`,
        description: isAppConsistent(point) ? 'app-consistent' : 'crash-consistent',
        detail: older === undefined ? '' : dataLossWording(older),
        minutesOlderThanLatest: older,
        recommended: false,
      });
    }
  }
  return options;
}

/** What a recovery-plan failover does with the choice when VMs share a replication group. */
export function planRecoveryPointExplanation(choice: RecoveryPointChoice, hasReplicationGroup: boolean): string {
  if (choice.kind === 'latest') {
    return hasReplicationGroup
      ? 'Latest: each VM recovers to its own latest point, including VMs in a replication group.'
      : 'Latest: each VM recovers to its own latest point.';
  }
  return hasReplicationGroup
    ? 'App-consistent: each replication group recovers to the latest point that all its VMs share; other VMs to their own latest app-consistent point.'
    : 'App-consistent: each VM recovers to its latest application-consistent point.';
}
