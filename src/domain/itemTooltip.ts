// The rows of a replicated item's tooltip, as label/value pairs: pure, so that what a person
// reads about a recorded item can be tested without VS Code.
import type { ReplicatedItem } from './model';
import { agentRegistrationText } from './checklist';
import { nextStepOf, scenarioWords } from './itemState';
import { generationLabel } from './providers';
import { ageText } from './ages';
import { drillStatus, testEnvironmentAge, testFailoverPendingCleanup } from './drills';

const utc = (d: Date): string =>
  d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
const when = (d: Date | undefined, now: number): string => (d ? `${utc(d)} (${ageText(now - d.getTime())})` : '—');

/** Days after which a VM's last successful test failover is too old (setting siteRecovery.drills.maxAgeDays). */
export const DEFAULT_DRILL_MAX_AGE_DAYS = 180;

export function itemTooltipRows(item: ReplicatedItem, now: number, maxDrillAgeDays = DEFAULT_DRILL_MAX_AGE_DAYS): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['Next', nextStepOf(item)],
    ['Replication health', item.replicationHealth ?? '—'],
    ['Failover health', item.failoverHealth ?? '—'],
    ['Protection state', item.protectionStateDescription || item.protectionState || '—'],
    ['Provider', `${generationLabel(item.provider)} · ${item.providerInstanceType}`],
    ['Active location', item.activeLocation ?? '—'],
    ['RPO', item.rpoSeconds !== undefined ? `${Math.round(item.rpoSeconds / 60)} min` : '—'],
    // Classic items name no latest point of their own: their retention window is kept in the
    // configuration server's clock, which recordings show hours away from UTC. The recovery
    // points list (Failover, Checklist) gives the real times.
    ['Latest recovery point', item.latestRecoveryPointTime ? when(item.latestRecoveryPointTime, now) : 'see the recovery points when failing over'],
    ['Last failover', when(item.lastSuccessfulFailoverTime, now)],
    ...drillRows(item, now, maxDrillAgeDays),
    ['OS', item.osType ?? '—'],
  ];
  const agent = agentRegistrationText(item);
  if (agent) rows.push(['Agent registered after failover', agent]);
  if (item.currentOperation) rows.push(['Current operation', `${scenarioWords(item.currentOperation.scenarioName)} since ${when(item.currentOperation.startTime, now)}`]);
  return rows;
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
