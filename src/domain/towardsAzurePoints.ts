import type { RecoveryPointInfo } from './model';
import { agoText, dataLossWording, isAppConsistent, minutesBetween, pointTime, pointTypeWords, timeAndAge } from './recoveryPoints';

/**
 * The recovery point of a step towards Azure (test failover, failover). The API differs from the
 * failback's: a VM takes a recovery point id or none ("in case of latest recovery point, null
 * should be passed", the REST spec), a recovery plan takes a recovery point type
 * (LatestProcessed, Latest, LatestApplicationConsistent; Azure PowerShell's plan cmdlets).
 */
export type TowardsAzurePointChoice = { kind: 'latestProcessed' } | { kind: 'latest' } | { kind: 'appConsistent'; pointId?: string } | { kind: 'specific'; pointId: string };

export interface TowardsAzurePointOption {
  choice: TowardsAzurePointChoice;
  label: string;
  description: string;
  detail: string;
  /** The point in one phrase, for the confirmation and the run report. */
  summary: string;
  /** The point's time when known (a VM's points are listed; a plan's are per VM). */
  time?: Date;
  /** Minutes of writes lost compared with the newest point; undefined when unknown. */
  minutesOlderThanLatest?: number;
  recommended: boolean;
}

const byTimeDesc = (a: RecoveryPointInfo, b: RecoveryPointInfo): number => b.time.getTime() - a.time.getTime();

/** Choices for one VM or several VMs picked together: each VM's own points are listed. */
export function towardsAzurePointOptions(points: readonly RecoveryPointInfo[], now: number, opts: { specific?: boolean } = {}): TowardsAzurePointOption[] {
  const sorted = [...points].sort(byTimeDesc);
  const latest = sorted[0];
  const latestApp = sorted.find(isAppConsistent);
  const options: TowardsAzurePointOption[] = [
    {
      choice: { kind: 'latestProcessed' },
      label: 'Latest processed',
      description: latest ? `${timeAndAge(latest.time, now)} · recommended` : 'recommended',
      detail: 'The newest point Site Recovery has processed: the lowest recovery time.',
      summary: latest ? `Latest processed point, ${pointTime(latest.time, now)} (${agoText(latest.time, now)})` : 'Latest processed point',
      time: latest?.time,
      minutesOlderThanLatest: 0,
      recommended: true,
    },
  ];
  if (latestApp) {
    const older = latest ? minutesBetween(latestApp.time, latest.time) : undefined;
    options.push({
      choice: { kind: 'appConsistent', pointId: opts.specific ? latestApp.id : undefined },
      label: 'Latest app-consistent',
      description: timeAndAge(latestApp.time, now),
      detail: older === undefined ? 'Application-consistent.' : dataLossWording(older),
      summary: `Latest app-consistent point, ${pointTime(latestApp.time, now)} (${agoText(latestApp.time, now)})`,
      time: latestApp.time,
      minutesOlderThanLatest: older,
      recommended: false,
    });
  }
  if (opts.specific) {
    for (const point of sorted.slice(0, 20)) {
      const older = latest ? minutesBetween(point.time, latest.time) : undefined;
      options.push({
        choice: { kind: 'specific', pointId: point.id },
        label: pointTypeWords(point),
        description: timeAndAge(point.time, now),
        detail: older === undefined ? '' : dataLossWording(older),
        summary: `${pointTypeWords(point)} point, ${pointTime(point.time, now)} (${agoText(point.time, now)})`,
        time: point.time,
        minutesOlderThanLatest: older,
        recommended: false,
      });
    }
  }
  return options;
}

/**
 * Choices for a recovery plan (and for VMs picked together): types, each VM recovering to its own
 * point of that type. "Latest" first processes the data Site Recovery has received but not yet
 * processed: the least data loss, the longest recovery.
 */
export function planTowardsAzurePointOptions(): TowardsAzurePointOption[] {
  return [
    {
      choice: { kind: 'latestProcessed' },
      label: 'Latest processed',
      description: 'recommended',
      detail: "Each VM's newest processed point: the lowest recovery time.",
      summary: "Latest processed: each VM's newest processed point",
      recommended: true,
    },
    {
      choice: { kind: 'latest' },
      label: 'Latest',
      description: 'least data loss',
      detail: 'Processes all data received first: the least data loss, a longer recovery.',
      summary: 'Latest: all data Site Recovery has received, processed first',
      recommended: false,
    },
    {
      choice: { kind: 'appConsistent' },
      label: 'Latest app-consistent',
      description: 'older',
      detail: "Each VM's (or replication group's) newest app-consistent point: writes after it are lost.",
      summary: "Latest app-consistent: each VM's newest app-consistent point",
      recommended: false,
    },
  ];
}

/** A VM's choice: "latest app-consistent" is sent as that VM's own newest app-consistent point. */
export function choiceForVm(option: TowardsAzurePointOption, points: readonly RecoveryPointInfo[]): TowardsAzurePointChoice | undefined {
  if (option.choice.kind !== 'appConsistent' || option.choice.pointId) return option.choice;
  const app = points.find(isAppConsistent);
  return app ? { kind: 'appConsistent', pointId: app.id } : undefined;
}
