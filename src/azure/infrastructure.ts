// The vault's fabrics and policies as the typed choices a reprotect needs (both directions):
// process servers, classic master targets and run-as accounts, modernized reprotect agents.
import type { Fabric, Policy } from '@azure/arm-recoveryservices-siterecovery';
import type { AzureClients } from './clients';
import type { VaultRef } from '../domain/model';
import type { Datastore, MasterTargetInfo, OnPremisesInfrastructure, PolicyInfo, ReprotectAgentInfo, RunAsAccountInfo } from '../domain/infrastructure';
import { realDate } from '../domain/sentinels';
import { toProcessServers } from './mappers';

type Loose = Record<string, unknown>;
const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => {
  const x = typeof v === 'string' ? Number(v) : v;
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
};
const list = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]).filter((x) => x && typeof x === 'object') : []);
// The SDK turns some of these into Dates (typed fabric details), others stay strings.
const date = (v: unknown) => realDate(v instanceof Date || typeof v === 'string' ? v : undefined);

function masterTargets(custom: Loose): MasterTargetInfo[] {
  return list(custom.masterTargetServers).map((mt) => ({
    id: s(mt.id) ?? '',
    name: s(mt.name) ?? s(mt.id) ?? 'Master target',
    osType: s(mt.osType),
    health: s(mt.health),
    lastHeartbeat: date(mt.lastHeartbeat),
    retentionVolumes: list(mt.retentionVolumes).map((v) => ({ name: s(v.volumeName) ?? '?', capacityBytes: num(v.capacityInBytes), freeBytes: num(v.freeSpaceInBytes) })),
    // Recorded: `capacity` and `freeSpace` in GB, as strings ("439.5").
    datastores: list(mt.dataStores).map((d): Datastore => ({ name: s(d.symbolicName) ?? '?', capacityGB: num(d.capacity), freeGB: num(d.freeSpace) })),
  }));
}

function reprotectAgents(custom: Loose): ReprotectAgentInfo[] {
  return list(custom.reprotectAgents).map((a) => ({
    id: s(a.id) ?? '',
    name: s(a.name) ?? s(a.id) ?? 'Appliance',
    health: s(a.health),
    lastHeartbeat: date(a.lastHeartbeatUtc),
    vcenterId: s(a.vcenterId),
    datastores: (Array.isArray(a.accessibleDatastores) ? a.accessibleDatastores : []).filter((x): x is string => typeof x === 'string'),
    protectedItemCount: num(a.protectedItemCount),
  }));
}

function runAsAccounts(custom: Loose): RunAsAccountInfo[] {
  return list(custom.runAsAccounts)
    .map((a) => ({ id: s(a.accountId) ?? '', name: s(a.accountName) ?? s(a.accountId) ?? '' }))
    .filter((a) => a.id);
}

/** One fabric's part of the infrastructure. */
export function fabricInfrastructure(fabric: Fabric): Omit<OnPremisesInfrastructure, 'policies'> {
  const custom = (fabric.properties?.customDetails ?? {}) as Loose;
  return { processServers: toProcessServers(fabric), masterTargets: masterTargets(custom), runAsAccounts: runAsAccounts(custom), reprotectAgents: reprotectAgents(custom) };
}

/** A replication policy with the RPO threshold its VMs are held to. */
export function toPolicyInfo(p: Policy): PolicyInfo {
  const details = (p.properties?.providerSpecificDetails ?? {}) as Loose;
  const threshold = num(details.recoveryPointThresholdInMinutes);
  return {
    id: p.id ?? '',
    name: p.properties?.friendlyName ?? p.name ?? '',
    providerType: s(details.instanceType),
    // Only classic policies record a threshold; modernized ones (InMageRcm, InMageRcmFailback)
    // have none, so their VMs show an RPO without a warning. 0 would warn always: treated as none.
    rpoThresholdMinutes: threshold !== undefined && threshold > 0 ? threshold : undefined,
  };
}

/** The vault's replication policies: one light list (a vault has a few). */
export async function listPolicies(clients: AzureClients, vault: VaultRef): Promise<PolicyInfo[]> {
  const client = await clients.siteRecovery(vault.subscriptionId);
  const policies: PolicyInfo[] = [];
  for await (const p of client.replicationPolicies.list(vault.vaultName, vault.resourceGroup)) policies.push(toPolicyInfo(p));
  return policies;
}

/** Every fabric and policy of the vault, read once. */
export async function listOnPremisesInfrastructure(clients: AzureClients, vault: VaultRef): Promise<OnPremisesInfrastructure> {
  const client = await clients.siteRecovery(vault.subscriptionId);
  const parts: Array<Omit<OnPremisesInfrastructure, 'policies'>> = [];
  for await (const fabric of client.replicationFabrics.list(vault.vaultName, vault.resourceGroup)) parts.push(fabricInfrastructure(fabric));
  const policies = await listPolicies(clients, vault);
  return {
    processServers: parts.flatMap((p) => p.processServers),
    masterTargets: parts.flatMap((p) => p.masterTargets),
    runAsAccounts: parts.flatMap((p) => p.runAsAccounts),
    reprotectAgents: parts.flatMap((p) => p.reprotectAgents),
    policies,
  };
}
