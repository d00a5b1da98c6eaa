import { failbackClassic } from '../../../../src/simulator/scenarios/failback-classic';
import { failbackModernized } from '../../../../src/simulator/scenarios/failback-modernized';
import type { ItemPhase, ScenarioData } from '../../../../src/simulator/scenarios/types';
import { isKnownState, itemStateView } from '../../../../src/simulator/state/item-states';
import type { SiteRecoverySimulator } from '../../../../src/simulator/index';
import assert from 'node:assert/strict';
import { createSim, raw } from '../helpers';
import { itemBefore, postsBetween, recordedPolicyType, type Provider, type Recording } from './recordings';

/**
 * A simulator holding one VM (and a recovery plan of it) in a chosen (provider, phase), on the
 * infrastructure of the practice scenario of its generation, plus what a recorded request needs
 * to address it: the recorded ids are replaced by the simulator's own.
 */
export const VM = 'vm-under-test';
export const PLAN = 'plan-under-test';
export const API = '2023-06-01';
const PHASES: ItemPhase[] = ['InitialReplication', 'Protected', 'FailedOver', 'Committed', 'FailoverStarted', 'FailoverFailed', 'EnablingFailed'];
const MINUTE = 60_000;

/** The simulator's phase that reports this recorded protectionState for the provider. */
export function phaseFor(provider: Provider, protectionState: string): ItemPhase | undefined {
  return PHASES.find((ph) => isKnownState(provider, ph) && itemStateView(provider, ph).protectionState === protectionState);
}

export interface SimInState {
  sim: SiteRecoverySimulator;
  provider: Provider;
  vaultPath: string;
  itemPath: string;
  planPath: string;
  ids: { processServer: string; masterTarget?: string; agent?: string; runAs: string; retentionDrive?: string; datastore: string };
  /** A virtual network of the scenario (the isolated drill network) standing in for a recorded networkId. */
  networkId: string;
  policyIdOfType(instanceType: string): string;
}

export function simIn(provider: Provider, phase: ItemPhase): SimInState {
  const modernized = provider === 'InMageRcm' || provider === 'InMageRcmFailback';
  const scenario: ScenarioData = structuredClone(modernized ? failbackModernized : failbackClassic);
  const vault = scenario.vaults[0];
  const template = vault.items[0];
  const policy = vault.policies.find((p) => p.providerSpecificDetails['instanceType'] === provider);
  vault.items = [
    {
      ...template,
      name: VM,
      friendlyName: VM,
      provider,
      phase,
      policy: policy?.name ?? template.policy,
      osType: 'Windows',
      multiVmGroupName: undefined,
      recoveryPoints: { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 },
      failedOverMinutesAgo: 60,
    },
  ];
  vault.recoveryPlans = [
    {
      name: PLAN,
      friendlyName: PLAN,
      groups: [
        { groupType: 'Shutdown', items: [] },
        { groupType: 'Failover', items: [] },
        { groupType: 'Boot', items: [VM] },
      ],
    },
  ];
  vault.historicJobs = [];
  vault.disks = [];
  const sim = createSim({ scenario, agentRegistrationMinutes: 0 });
  const vaultPath = `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;
  const fabric = vault.fabrics[0];
  const details = fabric.customDetails as Record<string, any>;
  const mt = details['masterTargetServers']?.[0];
  return {
    sim,
    provider,
    vaultPath,
    itemPath: `${vaultPath}/replicationFabrics/${fabric.name}/replicationProtectionContainers/${fabric.containers[0].name}/replicationProtectedItems/${VM}`,
    planPath: `${vaultPath}/replicationRecoveryPlans/${PLAN}`,
    ids: {
      processServer: details['processServers'][0].id,
      masterTarget: mt?.id,
      agent: details['reprotectAgents']?.[0].id,
      runAs: modernized ? (fabric.siteRunAsAccountIds ?? [])[0] : details['runAsAccounts'][1].accountId,
      retentionDrive: mt?.retentionVolumes[0].volumeName,
      datastore: 'datastore1',
    },
    networkId: `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.Network/virtualNetworks/vnet-dr-drill-isolated`,
    policyIdOfType: (instanceType) => `${vaultPath}/replicationPolicies/${vault.policies.find((p) => p.providerSpecificDetails['instanceType'] === instanceType)?.name ?? 'none'}`,
  };
}

/** The item as a GET (or, like the recording, as a list entry) returns it. */
export async function readItem(s: SimInState, asList: boolean): Promise<any> {
  if (!asList) {
    return (await raw(s.sim, 'GET', `${s.itemPath}?api-version=${API}`)).json;
  }
  const list = (await raw(s.sim, 'GET', `${s.vaultPath}/replicationProtectedItems?api-version=${API}`)).json;
  return list?.value.find((i: { name: string }) => i.name === VM);
}

/** The provider a reprotect starts (the policy a recorded reprotect names is of that provider). */
const REPROTECT_POLICY: Record<Provider, string> = { InMageAzureV2: 'InMage', InMage: 'InMageAzureV2', InMageRcm: 'InMageRcmFailback', InMageRcmFailback: 'InMageRcm' };

/**
 * The recorded body with the simulator's ids: infrastructure by role, a policy of the same provider
 * type as the recorded one, the newest recovery point for a recorded point id.
 */
export async function adaptBody(s: SimInState, rec: Recording): Promise<unknown> {
  const body = rec.request.body === null ? null : structuredClone(rec.request.body);
  const props = body?.properties;
  if (!props) {
    return body;
  }
  const points = (await raw(s.sim, 'GET', `${s.itemPath}/recoveryPoints?api-version=${API}`)).json?.value ?? [];
  const pointId: string | undefined = points[0]?.id;
  const adapt = (d: Record<string, any>) => {
    const replace: Record<string, unknown> = {
      processServerId: s.ids.processServer,
      masterTargetId: s.ids.masterTarget,
      reprotectAgentId: s.ids.agent,
      runAsAccountId: s.ids.runAs,
      retentionDrive: s.ids.retentionDrive,
      datastoreName: s.ids.datastore,
      recoveryPointId: pointId,
      networkId: s.networkId,
    };
    for (const [k, v] of Object.entries(replace)) {
      if (k in d && v !== undefined) d[k] = v;
    }
    for (const k of ['policyId', 'profileId']) {
      if (typeof d[k] === 'string') {
        d[k] = s.policyIdOfType(recordedPolicyType(d[k].split('/').pop() ?? '') ?? REPROTECT_POLICY[s.provider]);
      }
    }
  };
  if (typeof props.recoveryPointId === 'string' && pointId) props.recoveryPointId = pointId;
  if (typeof props.networkId === 'string') props.networkId = s.networkId;
  const details = props.providerSpecificDetails;
  (Array.isArray(details) ? details : details ? [details] : []).forEach(adapt);
  return body;
}

/** Sends a recorded item or plan operation (ids adapted) to the simulator. */
export async function sendRecorded(s: SimInState, rec: Recording, bodyOverride?: unknown) {
  const operation = rec.request.uri.split('?')[0].split('/').pop();
  const onPlan = rec.request.uri.includes('/replicationRecoveryPlans/');
  const body = bodyOverride !== undefined ? bodyOverride : await adaptBody(s, rec);
  return raw(s.sim, 'POST', `${onPlan ? s.planPath : s.itemPath}/${operation}?api-version=${API}`, body === null ? undefined : JSON.stringify(body));
}

/** Lets every running job finish (virtual time). */
export async function finishJobs(s: SimInState): Promise<void> {
  await s.sim.advance(60 * MINUTE);
}

/** The simulator in the state the recorded request was sent in. */
export async function simBefore(rec: Recording): Promise<SimInState> {
  const before = itemBefore(rec);
  assert.ok(before, `no recorded state of '${rec.request.uri.split('?')[0].split('/').slice(-2, -1)[0]}' before ${rec.file}`);
  const phase = phaseFor(before.provider, before.protectionState);
  assert.ok(phase, `the simulator has no ${before.provider} state '${before.protectionState}'`);
  const s = simIn(before.provider, phase);
  for (const earlier of postsBetween(rec.session, before.rec.entry, rec.entry)) {
    const res = await sendRecorded(s, earlier);
    assert.equal(res.status, 202, `replaying ${earlier.file}: ${JSON.stringify(res.json?.error)}`);
    await finishJobs(s);
  }
  return s;
}
