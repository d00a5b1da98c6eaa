import { guidFrom, HOUR, MINUTE, newGuid } from '../ids';
import type { HistoricJobData, ItemData, ScenarioData, VaultData } from '../scenarios/types';
import { isKnownState, isModernized, replicatesToAzure } from './item-states';
import type { ItemMutable, ItemRecord, JobRecord, VaultRecord } from './model';
import { recoveryPointsOf } from './recovery-points';
import { createSeedDisks } from './seed-disks';
import { Store, vaultKeyOf } from './store';

/** Builds the runtime store from scenario data, placing relative times around `now`. */
export function loadScenario(data: ScenarioData, now: number): Store {
  const store = new Store(data.subscriptions);
  for (const v of data.vaults) {
    const key = vaultKeyOf(v.subscriptionId, v.resourceGroup, v.name);
    const vault: VaultRecord = {
      key,
      subscriptionId: v.subscriptionId,
      resourceGroup: v.resourceGroup,
      name: v.name,
      location: v.location,
      vaultGuid: guidFrom(key),
    };
    store.vaults.set(key, vault);
    store.resourceGroups.add(`${v.subscriptionId}/${v.resourceGroup}`.toLowerCase());
    store.fabrics.set(key, v.fabrics);
    store.policies.set(key, v.policies);
    store.items.set(
      key,
      v.items.map((i) => loadItem(store, v, key, i, now)),
    );
    for (const i of v.items) {
      store.resourceGroups.add(`${v.subscriptionId}/${i.recoveryResourceGroup}`.toLowerCase());
    }
    store.plans.set(
      key,
      (v.recoveryPlans ?? []).map((p) => ({ vaultKey: key, planId: guidFrom(`${key}/${p.name}`), ...p })),
    );
    store.jobs.set(
      key,
      (v.historicJobs ?? []).map((j) => loadJob(v, key, j, now)),
    );
    for (const n of v.networks ?? []) {
      store.resourceGroups.add(`${v.subscriptionId}/${n.resourceGroup}`.toLowerCase());
      store.networks.push({
        subscriptionId: v.subscriptionId,
        resourceGroup: n.resourceGroup,
        name: n.name,
        location: n.location ?? v.location,
        addressPrefixes: n.addressPrefixes,
        subnets: n.subnets,
        peerings: n.peerings ?? [],
        tags: n.tags ?? {},
      });
    }
    for (const d of v.disks ?? []) {
      store.resourceGroups.add(`${v.subscriptionId}/${d.resourceGroup}`.toLowerCase());
      store.disks.push({
        subscriptionId: v.subscriptionId,
        resourceGroup: d.resourceGroup,
        name: d.name,
        location: v.location,
        diskSizeGB: d.diskSizeGB,
        timeCreated: now - d.createdMinutesAgo * MINUTE,
        tags: d.tags ?? {},
      });
    }
  }
  return store;
}

function loadItem(store: Store, v: VaultData, vaultKey: string, d: ItemData, now: number): ItemRecord {
  if (!isKnownState(d.provider, d.phase)) {
    throw new Error(`Scenario item '${d.name}': ${d.provider} has no state '${d.phase}' in the simulator.`);
  }
  const toAzure = replicatesToAzure(d.provider);
  const failedOver = d.phase === 'FailedOver' || d.phase === 'Committed' || d.phase === 'FailoverStarted';
  const startedAt = now - (d.failedOverMinutesAgo ?? (d.phase === 'Protected' ? 7 * 24 * 60 : 60)) * MINUTE;
  const vmId = guidFrom(`${vaultKey}/${d.name}/vm`);
  const m: ItemMutable = {
    provider: d.provider,
    phase: d.phase,
    points: d.recoveryPoints,
    replicationStartedAt: now - 30 * 24 * HOUR,
    // Replicating to Azure: the VM runs on-premises and has no Azure VM yet; replicating back: the reverse.
    azureVmPowerState: toAzure ? 'NotCreated' : 'Running',
    onPremVmPowerState: toAzure ? 'Running' : 'Off',
    vmwareToolsEnabled: toAzure,
    hasFailedBack: toAzure || d.phase === 'Committed',
    internalId: guidFrom(`${vmId}/${d.provider}`),
    seedDisks: [],
    testFailover: 'None',
  };
  if (d.provider === 'InMageRcmFailback' && failedOver) {
    // A failed-back modernized item reports its planned failover (TestV2ARCM540Reprotect.014).
    m.lastPlannedFailoverStartTime = startedAt;
    m.lastPlannedFailoverStatus = 'Succeeded';
  }
  if (d.provider === 'InMageRcmFailback') {
    // Recorded on every failback item: lastUsedPolicyId names the policy it replicated to Azure with.
    m.lastUsedPolicy = v.policies.find((p) => p.providerSpecificDetails['instanceType'] === 'InMageRcm')?.name;
  }
  if (d.lastTestFailoverMinutesAgo !== undefined) {
    m.lastSuccessfulTestFailoverTime = now - d.lastTestFailoverMinutesAgo * MINUTE;
  }
  if (d.phase === 'Protected' && d.failedOverMinutesAgo !== undefined) {
    // A VM that was failed over and reprotected earlier keeps the time of that failover.
    m.lastSuccessfulFailoverTime = startedAt;
  }
  if (failedOver) {
    // The failover started the VM at the recovery side and stopped replication.
    m.recoveredVmStartedAt = startedAt;
    m.replicationStoppedAt = startedAt - 5 * MINUTE;
    m.lastSuccessfulFailoverTime = startedAt;
    if (toAzure) {
      m.azureVmPowerState = 'Running';
      m.onPremVmPowerState = 'Off';
    } else {
      m.azureVmPowerState = d.phase === 'FailedOver' ? 'Stopped' : 'Deleted';
      m.onPremVmPowerState = 'Running';
      m.vmwareToolsEnabled = true;
    }
  }
  const item: ItemRecord = {
    vaultKey,
    fabric: d.fabric,
    container: d.container,
    name: d.name,
    friendlyName: d.friendlyName,
    vmId,
    osType: d.osType,
    osVersion: d.osVersion ?? (d.osType === 'Windows' ? 'Windows Server 2019 Datacenter' : 'Ubuntu 22.04 LTS'),
    ipAddress: d.ipAddress,
    policy: d.policy,
    multiVmGroupName: d.multiVmGroupName,
    recoveryResourceGroup: d.recoveryResourceGroup,
    diskCount: d.diskCount ?? 2,
    processServerId: d.processServerId,
    masterTargetId: d.masterTargetId,
    reprotectAgentId: d.reprotectAgentId,
    datastoreName: d.datastoreName,
    runAsAccountId: d.runAsAccountId,
    mutable: m,
  };
  if (d.phase === 'FailedOver') {
    m.failoverRecoveryPointId = recoveryPointsOf(item, now)[0]?.name;
  }
  if (toAzure && d.phase !== 'EnablingFailed') {
    createSeedDisks(store, item, m.replicationStartedAt, false);
  }
  return item;
}

function loadJob(v: VaultData, vaultKey: string, j: HistoricJobData, now: number): JobRecord {
  const start = now - j.startMinutesAgo * MINUTE;
  const step = (j.durationMinutes * MINUTE) / Math.max(1, j.tasks.length);
  const item = j.item ? v.items.find((i) => i.name === j.item) : undefined;
  const plan = j.plan ? v.recoveryPlans?.find((p) => p.name === j.plan) : undefined;
  const failedAt = j.state === 'Succeeded' ? -1 : j.tasks.length - 1;
  const error = j.error ? { ...j.error, creationTime: start + j.durationMinutes * MINUTE } : undefined;
  const tasks = j.tasks.map(([name, friendlyName], k) => {
    const taskId = newGuid();
    const state = k < failedAt || failedAt < 0 ? 'Succeeded' : j.state === 'Failed' ? 'Failed' : 'Cancelled';
    return {
      taskId,
      name,
      friendlyName,
      startOffset: k * step,
      duration: step,
      state: state as JobRecord['state'],
      startTime: start + k * step,
      endTime: start + (k + 1) * step,
      errors: state === 'Failed' && error ? [{ ...error, taskId }] : [],
    };
  });
  return {
    vaultKey,
    name: guidFrom(`${vaultKey}/job/${j.scenarioName}/${j.startMinutesAgo}`),
    scenarioName: j.scenarioName,
    friendlyName: j.friendlyName,
    state: j.state,
    createdAt: start,
    startTime: start,
    endTime: start + j.durationMinutes * MINUTE,
    tasks,
    errors: tasks.flatMap((t) => t.errors),
    activityId: `${newGuid()} ActivityId: ${newGuid()}`,
    // Jobs name a VM as its items do: modernized by internalIdentifier, classic by VM id (see itemTargetId).
    targetObjectId: item ? historicTargetId(vaultKey, item) : plan ? guidFrom(`${vaultKey}/${plan.name}`) : '',
    targetObjectName: item?.friendlyName ?? plan?.friendlyName ?? '',
    targetInstanceType: plan ? 'RecoveryPlan' : 'ProtectionEntity',
    customDetails: { instanceType: 'AsrJobDetails', affectedObjectDetails: item ? { primaryVmName: item.friendlyName } : {} },
    itemNames: [],
    scheduleShift: 0,
    before: {},
    action: 'historic',
    input: {},
  };
}

function historicTargetId(vaultKey: string, item: ItemData): string {
  const vmId = guidFrom(`${vaultKey}/${item.name}/vm`);
  return isModernized(item.provider) ? guidFrom(`${vmId}/${item.provider}`) : vmId;
}
