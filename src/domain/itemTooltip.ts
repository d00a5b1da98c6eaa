// The rows of a replicated item's tooltip, as label/value pairs: pure, so that what a person
// reads about a recorded item can be tested without VS Code.
import type { ReplicatedItem } from './model';
import { agentRegistrationText } from './checklist';
import { nextStepOf, scenarioWords } from './itemState';
import { generationLabel } from './providers';
import { ageText } from './ages';

const utc = (d: Date): string =>
  d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
const when = (d: Date | undefined, now: number): string => (d ? `${utc(d)} (${ageText(now - d.getTime())})` : '—');

export function itemTooltipRows(item: ReplicatedItem, now: number): Array<[string, string]> {
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
    ['OS', item.osType ?? '—'],
  ];
  const agent = agentRegistrationText(item);
  if (agent) rows.push(['Agent registered after failover', agent]);
  if (item.currentOperation) rows.push(['Current operation', `${scenarioWords(item.currentOperation.scenarioName)} since ${when(item.currentOperation.startTime, now)}`]);
  return rows;
}
