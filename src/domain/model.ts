// The extension's own view of Site Recovery resources. The Azure layer maps SDK models
// into these shapes; everything in src/domain works on them and imports nothing else.

/** Replication providers that take part in a VMware failback, by ASR instanceType. */
export type ReplicationProvider = 'InMage' | 'InMageAzureV2' | 'InMageRcm' | 'InMageRcmFailback';

/** Classic = configuration server; modernized = replication appliance. */
export type Generation = 'classic' | 'modernized';

export interface VaultRef {
  subscriptionId: string;
  resourceGroup: string;
  vaultName: string;
  /** ARM id of the vault, as Azure spells it. */
  id: string;
  location?: string;
  /** True for the simulated practice vault: never mixed up with real subscriptions. */
  practice?: boolean;
}

export interface HealthIssue {
  code?: string;
  level?: string;
  message: string;
  possibleCauses?: string;
  recommendedAction?: string;
}

export interface RunningOperation {
  scenarioName: string;
  jobId?: string;
  jobName?: string;
  startTime?: Date;
}

export interface ReplicatedItem {
  /** ARM id of the replication protected item. */
  id: string;
  /** ARM name (a GUID-like id in real vaults). */
  name: string;
  /** VM name shown to people. */
  friendlyName: string;
  fabricName: string;
  containerName: string;
  vault: VaultRef;
  /** instanceType of providerSpecificDetails; undefined for providers we do not handle. */
  provider?: ReplicationProvider;
  /** The raw instanceType, kept for messages about unsupported providers. */
  providerInstanceType: string;
  protectionState: string;
  protectionStateDescription: string;
  activeLocation?: string;
  allowedOperations: readonly string[];
  replicationHealth?: string;
  failoverHealth?: string;
  healthIssues: readonly HealthIssue[];
  /** The operation Site Recovery is running on the item; undefined when none (sentinels removed). */
  currentOperation?: RunningOperation;
  lastSuccessfulFailoverTime?: Date;
  osType?: string;
  rpoSeconds?: number;
  lastRpoCalculatedTime?: Date;
  processServerId?: string;
  /**
   * The VM's replication group, when it is in one: `multiVmGroupName` unless it only repeats
   * `multiVmGroupId` (recorded: a classic VM alone reports the same GUID in both). See replicationGroupName().
   */
  multiVmGroupName?: string;
  /** Site Recovery's test-failover state ("None", "MarkedForDeletion", …) and its description. */
  testFailoverState?: string;
  testFailoverStateDescription?: string;
  lastSuccessfulTestFailoverTime?: Date;
  /** Modernized items only: has the on-premises agent registered since the failover? */
  agentRegisteredAfterFailover?: boolean;
  /** Azure VM that a modernized failback item replicates from, when Site Recovery names it. */
  azureVmId?: string;
  /**
   * The VM's id in Site Recovery (`vmId` of the classic providers' details, InMage and
   * InMageAzureV2): what a VM job names as its targetObjectId. Modernized items do not show it.
   */
  vmId?: string;
  /**
   * Modernized items' id in Site Recovery (`internalIdentifier` of InMageRcm and
   * InMageRcmFailback details): what their jobs name as targetObjectId.
   */
  internalId?: string;
  /** The recovery point a failed-over item runs from (Change Recovery Point marks it). */
  failoverRecoveryPointId?: string;
  /** Modernized items: the VMware site's run-as account Site Recovery reaches the VM with. */
  runAsAccountId?: string;
  /** The VMware datastores the VM was on (classic `datastores`, modernized `discoveredVmDetails.datastores`). */
  sourceDatastores?: readonly string[];
  /** The vCenter that discovered the VM (modernized `discoveredVmDetails.vCenterId`). */
  sourceVcenterId?: string;
  /** Total size of the VM's protected disks, when Site Recovery reports it. */
  diskBytes?: number;
  /** Seed disks this item still uses (`seedManagedDiskId` of its protected disks): never leftovers. */
  seedDiskIds?: readonly string[];
  policyId?: string;
  policyFriendlyName?: string;
  primaryFabricFriendlyName?: string;
  recoveryFabricFriendlyName?: string;
  /** Azure resource group that holds the VM's Azure side (and seed disks), when named. */
  recoveryResourceGroupId?: string;
  /** Azure storage account for replication logs, when the item names one. */
  logStorageAccountId?: string;
  /** Newest recovery point Site Recovery reports on the item itself, when it does. */
  latestRecoveryPointTime?: Date;
}

export interface RecoveryPointInfo {
  id: string;
  name: string;
  time: Date;
  /** ASR's recoveryPointType, e.g. 'CrashConsistent', 'ApplicationConsistent', 'LatestTag', 'Custom'. */
  type: string;
}

export interface RecoveryPlanGroupInfo {
  groupType: string;
  itemIds: readonly string[];
}

export interface RecoveryPlanInfo {
  id: string;
  name: string;
  friendlyName: string;
  vault: VaultRef;
  primaryFabricId?: string;
  primaryFabricFriendlyName?: string;
  recoveryFabricId?: string;
  recoveryFabricFriendlyName?: string;
  replicationProviders: readonly string[];
  allowedOperations: readonly string[];
  currentOperation?: RunningOperation;
  groups: readonly RecoveryPlanGroupInfo[];
  /** When the plan last had a test failover (Site Recovery's lastTestFailoverTime), when it says. */
  lastTestFailoverTime?: Date;
}

export type JobState = 'NotStarted' | 'InProgress' | 'Succeeded' | 'Failed' | 'Cancelled' | 'Suspended' | string;

export interface JobError {
  code?: string;
  message: string;
  possibleCauses?: string;
  recommendedAction?: string;
}

export interface JobTask {
  id: string;
  name: string;
  friendlyName: string;
  state: JobState;
  stateDescription?: string;
  startTime?: Date;
  endTime?: Date;
  errors: readonly JobError[];
}

export interface JobInfo {
  id: string;
  name: string;
  vault: VaultRef;
  scenarioName: string;
  friendlyName: string;
  state: JobState;
  stateDescription?: string;
  startTime?: Date;
  endTime?: Date;
  targetObjectId?: string;
  targetObjectName?: string;
  targetInstanceType?: string;
  /**
   * True when the job's item replicates to Azure (its replication pair's recovery side is Azure,
   * `affectedObjectDetails.recoveryFabricProviderId` "Azure" on live vaults): its failover goes to
   * Azure and its reprotect to on-premises. False for the failback providers; undefined if unsaid.
   */
  towardsAzure?: boolean;
  allowedActions: readonly string[];
  tasks: readonly JobTask[];
  errors: readonly JobError[];
}

export interface ProcessServerInfo {
  id: string;
  name: string;
  health?: string;
  lastHeartbeat?: Date;
  /** Where the server runs, when it can be told: a process server in Azure is used for failback only. */
  location: 'azure' | 'on-premises' | 'unknown';
  load?: string;
  ipAddress?: string;
}
