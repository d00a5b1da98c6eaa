// What the extension shows and offers for a Site Recovery resource given as ARM JSON: the
// answer to "why can't I fail this VM over?", and how contract tests read the extension.
// It runs the extension's own mapping (src/azure/mappers) and rules (src/domain), nothing else.
import type { Job, RecoveryPlan, ReplicationProtectedItem } from '@azure/arm-recoveryservices-siterecovery';
import type { ReplicatedItem, VaultRef } from '../domain/model';
import { parseArmId } from '../domain/armId';
import { itemActions, jobActions, planActions, type ItemAction } from '../domain/actions';
import { describeItem, nextStepOf, runsIn, scenarioWords, type RunsIn } from '../domain/itemState';
import { asProvider, generationOf } from '../domain/providers';
import { nextStepAfter, nextStepText } from '../domain/jobs';
import { toItem, toJob, toPlan } from '../azure/mappers';
import { itemFailoverRequest, planFailoverRequest, planProvider } from '../azure/inputs';

export interface Explanation {
  kind: 'item' | 'plan' | 'job';
  name: string;
  provider: string | null;
  generation: 'classic' | 'modernized' | null;
  state: string;
  runsIn: RunsIn;
  /** The manifest's action words (the `can.<word>` of context menus). */
  actions: string[];
  nextStep: string;
  failoverRequest: { operation: string; body: unknown } | null;
}

/** Actions that have a command; disabling replication is Site Recovery's, not offered here. */
const OFFERED: ReadonlySet<ItemAction> = new Set([
  'failover',
  'commit',
  'cancelFailover',
  'changeRecoveryPoint',
  'reprotect',
  'reprotectToOnPremises',
  'testFailover',
  'cleanupTestFailover',
  'failoverToAzure',
]);

type Arm = { id?: string; name?: string; type?: string; properties?: Record<string, unknown> };

/** The resource's collection: the last but one segment of its id ("…/replicationJobs/<name>"). */
function kindOf(r: Arm): Explanation['kind'] | undefined {
  const collection = (r.id ?? '').split('/').filter(Boolean).slice(-2, -1)[0]?.toLowerCase();
  if (collection === 'replicationprotecteditems') return 'item';
  if (collection === 'replicationrecoveryplans') return 'plan';
  if (collection === 'replicationjobs') return 'job';
  return undefined;
}

function vaultOf(id: string): VaultRef {
  const p = parseArmId(id);
  const vaultName = p.segments['vaults'] ?? '';
  const head = id.split(/\/replication/i)[0];
  return { subscriptionId: p.subscriptionId ?? '', resourceGroup: p.resourceGroup ?? '', vaultName, id: head };
}

export function explainItem(item: ReplicatedItem): Explanation {
  const actions = itemActions(item).filter((a) => OFFERED.has(a));
  let failoverRequest: Explanation['failoverRequest'] = null;
  if (actions.includes('failover')) {
    const request = itemFailoverRequest(item, { kind: 'latest' });
    failoverRequest = { operation: request.kind === 'planned' ? 'plannedFailover' : 'unplannedFailover', body: request.body };
  }
  return {
    kind: 'item',
    name: item.friendlyName,
    provider: item.provider ?? item.providerInstanceType,
    generation: item.provider ? generationOf(item.provider) : null,
    state: describeItem(item),
    runsIn: runsIn(item),
    actions,
    nextStep: nextStepOf(item),
    failoverRequest,
  };
}

function explainResource(r: Arm): Explanation | undefined {
  const kind = kindOf(r);
  if (!kind || !r.id) return undefined;
  const vault = vaultOf(r.id);
  if (kind === 'item') return explainItem(toItem(vault, r as ReplicationProtectedItem));
  if (kind === 'job') {
    const job = toJob(vault, r as Job);
    return {
      kind,
      name: job.targetObjectName ?? job.name,
      provider: null,
      generation: null,
      state: `${job.friendlyName || scenarioWords(job.scenarioName)} · ${job.stateDescription ?? job.state}`,
      runsIn: 'unknown',
      actions: jobActions(job.allowedActions).map((a) => `${a}Job`),
      nextStep: nextStepText(nextStepAfter(job)) || 'None.',
      failoverRequest: null,
    };
  }
  const plan = toPlan(vault, r as RecoveryPlan);
  const provider = planProvider(plan, []);
  const actions = planActions(plan).filter((a) => OFFERED.has(a));
  let failoverRequest: Explanation['failoverRequest'] = null;
  if (actions.includes('failover') && provider) {
    const request = planFailoverRequest(plan, provider, { kind: 'latest' });
    failoverRequest = { operation: request.kind === 'planned' ? 'plannedFailover' : 'unplannedFailover', body: request.body };
  }
  const forward = plan.replicationProviders.map(asProvider).find((p) => p === 'InMageAzureV2' || p === 'InMageRcm');
  const generationFrom = provider ?? forward;
  return {
    kind,
    name: plan.friendlyName,
    provider: provider ?? plan.replicationProviders[0] ?? null,
    generation: generationFrom ? generationOf(generationFrom) : null,
    state: plan.currentOperation ? `${scenarioWords(plan.currentOperation.scenarioName)} in progress` : `Allowed: ${plan.allowedOperations.join(', ') || 'nothing'}`,
    runsIn: 'unknown',
    actions,
    nextStep: actions.includes('failover')
      ? 'Fail over from Azure to on-premises (every VM needs a recovery point).'
      : actions.includes('commit')
        ? 'Verify, then commit.'
        : provider
          ? 'None offered now.'
          : 'None: this plan does not fail back VMware VMs.',
    failoverRequest,
  };
}

/**
 * Every resource in a JSON document: one ARM resource, a list response (`value`), or a recorded
 * exchange (`response.body`, as in test/fixtures/recorded/).
 */
export function explainJson(doc: unknown): Explanation[] {
  const d = doc as { value?: unknown; response?: { body?: unknown } } | null;
  if (!d || typeof d !== 'object') return [];
  if (Array.isArray(d)) return d.flatMap(explainJson);
  if (d.response && typeof d.response === 'object') return explainJson(d.response.body);
  if (Array.isArray(d.value)) return d.value.flatMap(explainJson);
  const one = explainResource(d as Arm);
  return one ? [one] : [];
}

/** The same, as text for people. */
export function explanationText(e: Explanation): string {
  const lines = [
    `${e.name} (${e.kind}${e.provider ? `, ${e.provider}` : ''}${e.generation ? `, ${e.generation}` : ''})`,
    `  state:    ${e.state}`,
    `  runs in:  ${e.runsIn === 'onPremises' ? 'on-premises' : e.runsIn}`,
    `  actions:  ${e.actions.join(', ') || 'none'}`,
    `  next:     ${e.nextStep}`,
  ];
  if (e.failoverRequest) lines.push(`  failover: POST ${e.failoverRequest.operation} ${JSON.stringify(e.failoverRequest.body)}`);
  return lines.join('\n');
}
