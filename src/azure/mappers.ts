import type { ASRTask, Fabric, Job, JobErrorDetails, RecoveryPlan, RecoveryPoint, ReplicationProtectedItem } from '@azure/arm-recoveryservices-siterecovery';
import type { HealthIssue, JobError, JobInfo, JobTask, ProcessServerInfo, RecoveryPlanInfo, RecoveryPointInfo, ReplicatedItem, RunningOperation, VaultRef } from '../domain/model';
import { asProvider } from '../domain/providers';
import { isNoneScenario, jobNameFromId, realDate } from '../domain/sentinels';
import { replicatedItemNames } from '../domain/armId';
import { replicationGroupName } from '../domain/replicationGroups';

// SDK models → the domain's shapes. Provider details are read loosely: each provider has
// its own fields and the SDK types them as a union.
type Loose = Record<string, unknown>;
const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const n = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const d = (v: unknown): Date | undefined => realDate(v instanceof Date || typeof v === 'string' ? v : undefined);

function operation(scenario: { scenarioName?: string; jobId?: string; startTime?: Date } | undefined): RunningOperation | undefined {
  if (!scenario || isNoneScenario(scenario.scenarioName)) return undefined;
  return { scenarioName: scenario.scenarioName!, jobId: scenario.jobId, jobName: jobNameFromId(scenario.jobId), startTime: d(scenario.startTime) };
}

export function toItem(vault: VaultRef, rpi: ReplicationProtectedItem): ReplicatedItem {
  const p = rpi.properties ?? {};
  const details = (p.providerSpecificDetails ?? {}) as Loose;
  const instanceType = s(details.instanceType) ?? 'Unknown';
  const id = rpi.id ?? '';
  const health: HealthIssue[] = (p.healthErrors ?? []).map((h) => ({
    code: h.errorCode,
    level: h.errorLevel,
    message: h.summaryMessage || h.errorMessage || h.errorCode || 'Health issue',
    possibleCauses: h.possibleCauses,
    recommendedAction: h.recommendedAction,
  }));
  const registered = details.isAgentRegistrationSuccessfulAfterFailover;
  const names = replicatedItemNames(id);
  return {
    id,
    name: rpi.name ?? names.item ?? '',
    friendlyName: p.friendlyName || rpi.name || 'Unnamed VM',
    fabricName: names.fabric ?? '',
    containerName: names.container ?? '',
    vault,
    provider: asProvider(instanceType),
    providerInstanceType: instanceType,
    protectionState: p.protectionState ?? '',
    protectionStateDescription: p.protectionStateDescription ?? '',
    activeLocation: p.activeLocation,
    allowedOperations: p.allowedOperations ?? [],
    replicationHealth: p.replicationHealth,
    failoverHealth: p.failoverHealth,
    healthIssues: health,
    currentOperation: operation(p.currentScenario),
    lastSuccessfulFailoverTime: d(p.lastSuccessfulFailoverTime),
    osType: s(details.osType) ?? s((details.osDetails as Loose | undefined)?.osType),
    rpoSeconds: n(details.rpoInSeconds) ?? n(details.lastRpoInSeconds),
    lastRpoCalculatedTime: d(details.lastRpoCalculatedTime),
    processServerId: s(details.processServerId),
    multiVmGroupName: replicationGroupName(s(details.multiVmGroupName), s(details.multiVmGroupId)),
    testFailoverState: s(p.testFailoverState),
    testFailoverStateDescription: s(p.testFailoverStateDescription),
    lastSuccessfulTestFailoverTime: d(p.lastSuccessfulTestFailoverTime),
    agentRegisteredAfterFailover: typeof registered === 'boolean' ? registered : undefined,
    azureVmId: s(details.azureVirtualMachineId),
    vmId: s(details.vmId),
    internalId: s(details.internalIdentifier),
    // Recorded as "" when there is none.
    failoverRecoveryPointId: s(p.failoverRecoveryPointId) ?? s(details.failoverRecoveryPointId),
    runAsAccountId: s(details.runAsAccountId),
    seedDiskIds: seedDisksOf(details),
    sourceDatastores: strings(details.datastores) ?? strings((details.discoveredVmDetails as Loose | undefined)?.datastores),
    sourceVcenterId: s((details.discoveredVmDetails as Loose | undefined)?.vCenterId),
    diskBytes: diskBytesOf(details),
    policyId: p.policyId,
    policyFriendlyName: p.policyFriendlyName,
    primaryFabricFriendlyName: p.primaryFabricFriendlyName,
    recoveryFabricFriendlyName: p.recoveryFabricFriendlyName,
    recoveryResourceGroupId:
      s(details.recoveryAzureResourceGroupId) ?? s(details.targetResourceGroupId) ?? rgOf(s(details.azureVirtualMachineId)) ?? rgOf(s(details.azureStorageAccountId)),
    // Recorded: InMageRcm names its log storage account on each protected disk (read by a GET).
    logStorageAccountId: s(details.azureStorageAccountId) ?? s(details.logStorageAccountId) ?? s(details.recoveryAzureLogStorageAccountId) ?? diskLogStorage(details),
    // Not the classic retentionWindowEnd: it is kept in the configuration server's clock, hours
    // away from UTC in the recordings (see itemTooltip.ts); recovery points carry the real times.
    latestRecoveryPointTime: d(details.lastRecoveryPointReceived),
  };
}

export function toRecoveryPoint(rp: RecoveryPoint): RecoveryPointInfo | undefined {
  const time = d(rp.properties?.recoveryPointTime);
  if (!rp.id || !time) return undefined;
  return { id: rp.id, name: rp.name ?? '', time, type: rp.properties?.recoveryPointType ?? 'Unknown' };
}

export function toPlan(vault: VaultRef, plan: RecoveryPlan): RecoveryPlanInfo {
  const p = plan.properties ?? {};
  return {
    id: plan.id ?? '',
    name: plan.name ?? '',
    friendlyName: p.friendlyName || plan.name || 'Unnamed plan',
    vault,
    primaryFabricId: p.primaryFabricId,
    primaryFabricFriendlyName: p.primaryFabricFriendlyName,
    recoveryFabricId: p.recoveryFabricId,
    recoveryFabricFriendlyName: p.recoveryFabricFriendlyName,
    replicationProviders: p.replicationProviders ?? [],
    allowedOperations: p.allowedOperations ?? [],
    currentOperation: operation(p.currentScenario),
    lastTestFailoverTime: d(p.lastTestFailoverTime),
    groups: (p.groups ?? []).map((g) => ({
      groupType: g.groupType,
      itemIds: (g.replicationProtectedItems ?? []).map((i) => i.id ?? '').filter(Boolean),
    })),
  };
}

function toJobError(e: JobErrorDetails): JobError {
  const svc = e.serviceErrorDetails ?? {};
  const prov = e.providerErrorDetails ?? {};
  return {
    code: svc.code ?? (prov.errorCode !== undefined ? String(prov.errorCode) : undefined),
    message: svc.message || prov.errorMessage || 'Unknown error',
    possibleCauses: svc.possibleCauses || prov.possibleCauses,
    recommendedAction: svc.recommendedAction || prov.recommendedAction,
  };
}

function toTask(t: ASRTask, index: number): JobTask {
  return {
    id: t.taskId || t.name || String(index),
    name: t.name ?? '',
    friendlyName: t.friendlyName || t.name || `Task ${index + 1}`,
    state: t.state ?? 'NotStarted',
    stateDescription: t.stateDescription,
    startTime: d(t.startTime),
    endTime: d(t.endTime),
    errors: (t.errors ?? []).map(toJobError),
  };
}

export function toJob(vault: VaultRef, job: Job): JobInfo {
  const p = job.properties ?? {};
  return {
    id: job.id ?? '',
    name: job.name ?? '',
    vault,
    scenarioName: p.scenarioName ?? '',
    friendlyName: p.friendlyName || p.scenarioName || 'Job',
    state: p.state ?? 'NotStarted',
    stateDescription: p.stateDescription,
    startTime: d(p.startTime),
    endTime: d(p.endTime),
    targetObjectId: p.targetObjectId,
    targetObjectName: p.targetObjectName,
    targetInstanceType: p.targetInstanceType,
    towardsAzure: towardsAzure(p.customDetails as Loose | undefined),
    allowedActions: p.allowedActions ?? [],
    tasks: (p.tasks ?? []).map(toTask),
    errors: (p.errors ?? []).map(toJobError),
  };
}

/** Recorded in both spellings: "recoveryFabricProviderId" (2021) and "RecoveryFabricProviderId" (2017). */
function towardsAzure(custom: Loose | undefined): boolean | undefined {
  const affected = (custom?.affectedObjectDetails ?? undefined) as Loose | undefined;
  const key = Object.keys(affected ?? {}).find((k) => k.toLowerCase() === 'recoveryfabricproviderid');
  const recovery = key ? s(affected![key]) : undefined;
  return recovery ? /^Azure$/i.test(recovery) : undefined;
}

/** Process servers of a classic configuration server or a modernized replication appliance. */
export function toProcessServers(fabric: Fabric): ProcessServerInfo[] {
  const custom = (fabric.properties?.customDetails ?? {}) as Loose;
  const servers = Array.isArray(custom.processServers) ? (custom.processServers as Loose[]) : [];
  const configurationServer = s(custom.hostName)?.toLowerCase();
  return servers.map((ps) => {
    const name = s(ps.friendlyName) ?? s(ps.name) ?? s(ps.fqdn) ?? 'Process server';
    const ip = s(ps.ipAddress) ?? (Array.isArray(ps.ipAddresses) ? s(ps.ipAddresses[0]) : undefined);
    return {
      id: s(ps.id) ?? '',
      name,
      health: s(ps.health),
      lastHeartbeat: d(ps.lastHeartbeat) ?? d(ps.lastHeartbeatUtc),
      // The configuration server's own process server runs on-premises (recorded: it carries the
      // server's host name); Site Recovery says nothing of any other server's site.
      location: configurationServer && name.toLowerCase() === configurationServer ? 'on-premises' : processServerLocation(name, s(ps.fqdn)),
      load: loadText(s(ps.systemLoadStatus) ?? s(ps.throughputStatus)) ?? (n(ps.processorUsagePercentage) !== undefined ? `${n(ps.processorUsagePercentage)}% CPU` : undefined),
      ipAddress: ip,
    };
  });
}

/** Classic load statuses are traffic-light colours (recorded "Green"): said in words. */
function loadText(status: string | undefined): string | undefined {
  if (!status) return undefined;
  const words: Record<string, string> = { green: 'normal', yellow: 'high', red: 'critical' };
  return words[status.toLowerCase()] ?? status.toLowerCase();
}

/** Site Recovery does not flag a process server's site; a name or FQDN sometimes says it. */
function processServerLocation(name: string, fqdn: string | undefined): ProcessServerInfo['location'] {
  const text = `${name} ${fqdn ?? ''}`.toLowerCase();
  if (/azure|cloudapp|\.internal\.|-az-|\baz\b/.test(text)) return 'azure';
  if (/onprem|on-prem|\.local\b|\.corp\b|\.lan\b/.test(text)) return 'on-premises';
  return 'unknown';
}

function strings(v: unknown): string[] | undefined {
  const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x) : [];
  return list.length ? list : undefined;
}

function diskLogStorage(details: Loose): string | undefined {
  const disks = Array.isArray(details.protectedDisks) ? (details.protectedDisks as Loose[]) : [];
  return disks.map((disk) => s(disk?.logStorageAccountId)).find(Boolean);
}

/** Classic disks carry `diskCapacityInBytes`, modernized ones `capacityInBytes`. */
function diskBytesOf(details: Loose): number | undefined {
  const disks = Array.isArray(details.protectedDisks) ? (details.protectedDisks as Loose[]) : [];
  const sizes = disks.map((disk) => n(disk?.diskCapacityInBytes) ?? n(disk?.capacityInBytes)).filter((x): x is number => x !== undefined);
  return sizes.length ? sizes.reduce((a, b) => a + b, 0) : undefined;
}

/** Seed disks named by the item's protected disks (InMageRcm `protectedDisks`, InMageAzureV2 `protectedManagedDisks`). */
function seedDisksOf(details: Loose): string[] | undefined {
  const disks = [details.protectedDisks, details.protectedManagedDisks].flatMap((l) => (Array.isArray(l) ? (l as Loose[]) : []));
  const ids = disks.map((disk) => s(disk?.seedManagedDiskId)).filter((id): id is string => !!id);
  return ids.length ? ids : undefined;
}

/** "/subscriptions/s/resourceGroups/rg/providers/…" → "/subscriptions/s/resourceGroups/rg". */
function rgOf(id: string | undefined): string | undefined {
  const m = id && /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)/i.exec(id);
  return m ? m[1] : undefined;
}
