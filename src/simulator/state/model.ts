import type { ItemPhase, RecoveryPointPlan, ReplicationProvider } from '../scenarios/types';

/** Runtime state of one replicated VM. Everything an operation may change lives here. */
export interface ItemRecord {
  vaultKey: string;
  fabric: string;
  container: string;
  name: string;
  friendlyName: string;
  vmId: string;
  osType: 'Windows' | 'Linux';
  osVersion: string;
  ipAddress: string;
  policy: string;
  multiVmGroupName?: string;
  recoveryResourceGroup: string;
  diskCount: number;
  processServerId?: string;
  masterTargetId?: string;
  reprotectAgentId?: string;
  datastoreName?: string;
  /** Modernized: the OffAzure run-as account the appliance uses to reach the VM. */
  runAsAccountId?: string;
  /** Modernized failback: the storage account the reprotect to on-premises named for logs. */
  logStorageAccountId?: string;
  mutable: ItemMutable;
}

/** The part an operation changes; a copy is taken when a job starts so cancel/failure can restore it. */
export interface ItemMutable {
  provider: ReplicationProvider;
  phase: ItemPhase;
  points: RecoveryPointPlan | null;
  /** Recovery points exist only between these virtual times (replication running / stopped). */
  replicationStartedAt: number;
  replicationStoppedAt?: number;
  busy?: { scenarioName: string; jobName: string; startTime: number };
  azureVmPowerState: 'Running' | 'Stopped' | 'Deleted' | 'NotCreated';
  onPremVmPowerState: 'Running' | 'Off';
  /**
   * When the last failover started the VM at its recovery side (on-premises for a failback, in
   * Azure for a failover to Azure); its Mobility agent registers some time later.
   */
  recoveredVmStartedAt?: number;
  /** Modernized `internalIdentifier`: a new one per replication (reprotect starts a new one, as recorded). */
  internalId: string;
  /** Managed seed disks this replication to Azure uses (InMageRcm `protectedDisks[].seedManagedDiskId`). */
  seedDisks: string[];
  /** Test failover beside replication: done and waiting for cleanup, or cleaned up. */
  testFailover: 'None' | 'Completed' | 'CleanedUp';
  /** The network the last test failover put its test VM in. */
  testNetworkId?: string;
  /** When the test VM of a completed test failover was started (it exists until the cleanup). */
  testVmCreatedAt?: number;
  vmwareToolsEnabled: boolean;
  failoverRecoveryPointId?: string;
  lastSuccessfulFailoverTime?: number;
  lastSuccessfulTestFailoverTime?: number;
  lastPlannedFailoverStartTime?: number;
  lastPlannedFailoverStatus?: string;
  /**
   * Set once the VM failed back (a committed failback, or a VM replicating to Azure again): when its
   * replication is disabled, seed disks stay behind in Azure.
   */
  hasFailedBack: boolean;
  /** Name of the policy of the replication before the last reprotect (InMageRcmFailback lastUsedPolicyId). */
  lastUsedPolicy?: string;
}

export interface DiskRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  diskSizeGB: number;
  timeCreated: number;
  tags: Record<string, string>;
}

/** A seed disk's name and size, as the item that owns it reports it. */
export interface SeedDisk {
  name: string;
  diskSizeGB: number;
}

export interface PlanRecord {
  vaultKey: string;
  name: string;
  friendlyName: string;
  planId: string;
  groups: { groupType: 'Shutdown' | 'Failover' | 'Boot'; items: string[] }[];
  busy?: { scenarioName: string; jobName: string; startTime: number };
  lastPlannedFailoverTime?: number;
  lastUnplannedFailoverTime?: number;
  lastTestFailoverTime?: number;
}

export type JobState = 'NotStarted' | 'InProgress' | 'Succeeded' | 'Failed' | 'Cancelled' | 'Suspended';

export interface JobErrorRecord {
  code: string;
  message: string;
  possibleCauses: string;
  recommendedAction: string;
  creationTime: number;
  taskId?: string;
}

export interface TaskRecord {
  taskId: string;
  name: string;
  friendlyName: string;
  /** Schedule relative to the job's start (virtual ms). */
  startOffset: number;
  duration: number;
  /** 'Other' is what ASR reports for a task it skipped ("Skipped"), e.g. no source-side shutdown. */
  state: JobState | 'Other';
  /** Reported as skipped instead of run. */
  skipped?: boolean;
  startTime?: number;
  endTime?: number;
  errors: JobErrorRecord[];
  /** Item this task acts on (plan jobs run one lane of tasks per item). */
  itemName?: string;
  /** Shown for plan jobs: which child task this is. */
  jobTaskTarget?: { id: string; name: string };
  /** What completing the task does to the item (see jobs/effects.ts). */
  effect?: string;
}

export interface JobRecord {
  vaultKey: string;
  name: string;
  scenarioName: string;
  friendlyName: string;
  state: JobState;
  createdAt: number;
  startTime: number;
  endTime?: number;
  tasks: TaskRecord[];
  errors: JobErrorRecord[];
  activityId: string;
  targetObjectId: string;
  targetObjectName: string;
  targetInstanceType: 'ProtectionEntity' | 'RecoveryPlan';
  customDetails: Record<string, unknown>;
  /** Items the job acts on, and the plan when it is a plan job. */
  itemNames: string[];
  planName?: string;
  /** Frozen by a stallJob fault: progress stops at this virtual time. */
  stalledAt?: number;
  /** Shifts the whole schedule (after a stall or restart). */
  scheduleShift: number;
  /** What to restore on cancel/failure, per item. */
  before: Record<string, ItemMutable>;
  /** How the job ends successfully; looked up in the effects table. */
  action: string;
  /** Inputs the effects need (chosen recovery points, reprotect targets ...). */
  input: Record<string, unknown>;
}

export interface NetworkRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  addressPrefixes: string[];
  subnets: { name: string; addressPrefix: string }[];
  peerings: string[];
  tags: Record<string, string>;
}

/**
 * An Azure VM no replicated item owns any more (its replication was disabled while it ran in
 * Azure). VMs of replicated items are derived from the items (state/azure-vms.ts).
 */
export interface VmRecord {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  osType: 'Windows' | 'Linux';
  powerState: 'running' | 'deallocated';
  createdAt: number;
  networkId: string;
  /** What made it: the failover of a replicated item, or a test failover (its test VM). */
  role: 'replica' | 'test';
  /** The replicated item behind it, while there is one. */
  itemName?: string;
}

export interface VaultRecord {
  key: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  vaultGuid: string;
}
