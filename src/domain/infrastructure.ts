// The on-premises side a VM running in Azure is reprotected to (the failback's precondition):
// classic master targets with retention volumes and datastores, modernized reprotect agents
// (appliances) with the datastores they reach; and the checks Site Recovery's reprotect
// prerequisites make that the API can show.
import type { ProcessServerInfo, ReplicatedItem } from './model';
import { heartbeatText, isStale } from './ages';

export interface RetentionVolume {
  name: string;
  capacityBytes?: number;
  freeBytes?: number;
}

export interface Datastore {
  name: string;
  /** Classic master targets report datastore sizes in GB (recorded as strings: "439.5"). */
  capacityGB?: number;
  freeGB?: number;
}

export interface MasterTargetInfo {
  id: string;
  name: string;
  osType?: string;
  health?: string;
  lastHeartbeat?: Date;
  retentionVolumes: readonly RetentionVolume[];
  datastores: readonly Datastore[];
}

export interface ReprotectAgentInfo {
  id: string;
  name: string;
  health?: string;
  lastHeartbeat?: Date;
  /** The vCenter the appliance discovers (OffAzure id). */
  vcenterId?: string;
  datastores: readonly string[];
  protectedItemCount?: number;
}

export interface RunAsAccountInfo {
  id: string;
  name: string;
}

export interface PolicyInfo {
  id: string;
  name: string;
  /** The policy's instanceType: InMageAzureV2, InMage, InMageRcm, InMageRcmFailback. */
  providerType?: string;
  /**
   * Minutes after which the VM's RPO is over what the policy allows (recoveryPointThresholdInMinutes).
   * Recorded on classic policies (InMageAzureV2, InMage); modernized ones (InMageRcm,
   * InMageRcmFailback) carry none, only their crash- and app-consistent frequencies.
   */
  rpoThresholdMinutes?: number;
}

/** What the vault's fabrics offer for reprotecting to on-premises. */
export interface OnPremisesInfrastructure {
  processServers: readonly ProcessServerInfo[];
  masterTargets: readonly MasterTargetInfo[];
  runAsAccounts: readonly RunAsAccountInfo[];
  reprotectAgents: readonly ReprotectAgentInfo[];
  policies: readonly PolicyInfo[];
}

const GIB = 1024 ** 3;
const healthy = (health: string | undefined) => !health || /normal|healthy|none/i.test(health);

export function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return 'size unknown';
  return bytes >= 1024 * GIB ? `${(bytes / 1024 / GIB).toFixed(1)} TB` : `${Math.round(bytes / GIB)} GB`;
}

/** The VM's OS family, as master targets and items name it ("Windows", "Linux"). */
function osFamily(os: string | undefined): 'windows' | 'linux' | undefined {
  if (!os) return undefined;
  if (/windows/i.test(os)) return 'windows';
  if (/linux|ubuntu|rhel|centos|suse|oracle|debian/i.test(os)) return 'linux';
  return undefined;
}

/** Why a master target cannot take this VM back, or undefined (documented: a Linux VM needs a Linux master target). */
export function masterTargetRefusal(item: ReplicatedItem, mt: MasterTargetInfo, now: number): string | undefined {
  const vm = osFamily(item.osType);
  const server = osFamily(mt.osType);
  if (vm && server && vm !== server) return `${item.friendlyName} runs ${item.osType}: it needs a ${item.osType} master target, and ${mt.name} runs ${mt.osType}.`;
  if (!healthy(mt.health)) return `Master target ${mt.name} reports health ${mt.health}.`;
  if (isStale(mt.lastHeartbeat, now)) return `Master target ${mt.name}: ${heartbeatText(mt.lastHeartbeat, now)}. Check that it runs.`;
  if (mt.retentionVolumes.length === 0) return `Master target ${mt.name} has no retention volume.`;
  return undefined;
}

/** Why an appliance cannot take this VM back, or undefined. */
export function reprotectAgentRefusal(agent: ReprotectAgentInfo, now: number): string | undefined {
  if (!healthy(agent.health)) return `Appliance ${agent.name} reports health ${agent.health}.`;
  if (isStale(agent.lastHeartbeat, now)) return `Appliance ${agent.name}: ${heartbeatText(agent.lastHeartbeat, now)}. Check that it runs.`;
  if (agent.datastores.length === 0) return `Appliance ${agent.name} reaches no datastore.`;
  return undefined;
}

/** A datastore too small for the VM's disks is refused; unknown sizes are not. */
export function datastoreRefusal(item: ReplicatedItem, ds: Datastore): string | undefined {
  const need = item.diskBytes;
  if (need === undefined || ds.freeGB === undefined) return undefined;
  return ds.freeGB * GIB < need ? `Datastore ${ds.name} has ${ds.freeGB} GB free; ${item.friendlyName}'s disks need ${sizeText(need)}.` : undefined;
}

export function retentionRefusal(volume: RetentionVolume): string | undefined {
  return volume.freeBytes !== undefined && volume.freeBytes <= 0 ? `Retention volume ${volume.name} has no free space.` : undefined;
}

/** The datastore the VM came from, when Site Recovery names one (recorded on both generations). */
export function originalDatastore(item: ReplicatedItem): string | undefined {
  return item.sourceDatastores?.[0];
}
