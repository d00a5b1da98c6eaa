/**
 * The shape of scenario data. Scenarios are plain data: times are given relative to the
 * simulator's start (minutes ago), ids are derived from names when not given.
 */
export type ReplicationProvider = 'InMage' | 'InMageAzureV2' | 'InMageRcm' | 'InMageRcmFailback';

/**
 * Where an item stands in its replication cycle. The direction comes from the provider
 * (InMageAzureV2 / InMageRcm: on-premises → Azure; InMage / InMageRcmFailback: Azure → on-premises):
 * - InitialReplication: replication set up, no recovery point yet; only DisableProtection
 * - Protected: replicating in the provider's direction
 * - FailedOver: the provider's failover is done (the VM runs at the recovery side), commit pending
 * - Committed: that failover is committed, waiting for reprotect (SwitchProtection)
 * - FailoverStarted: InMageAzureV2's older report of a committed failover (UnplannedFailoverStatesBegin)
 * - FailoverFailed: the failover could not be completed; the VM still runs at the primary side
 * - EnablingFailed: enable replication failed; only DisableProtection is allowed
 */
export type ItemPhase = 'InitialReplication' | 'Protected' | 'FailedOver' | 'Committed' | 'FailoverStarted' | 'FailoverFailed' | 'EnablingFailed';

export interface ScenarioData {
  name: string;
  description?: string;
  subscriptions: { subscriptionId: string; displayName: string; tenantId: string }[];
  vaults: VaultData[];
}

export interface VaultData {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  fabrics: FabricData[];
  policies: PolicyData[];
  items: ItemData[];
  recoveryPlans?: PlanData[];
  historicJobs?: HistoricJobData[];
  /** Managed disks that already exist (e.g. seed disks left from an earlier disable). */
  disks?: DiskData[];
  /** Azure virtual networks in the vault's subscription (test failover and failover targets). */
  networks?: NetworkData[];
}

export interface FabricData {
  name: string;
  friendlyName: string;
  /** The fabric's `properties.customDetails` as ASR returns it (VMware / InMageRcm / Azure). */
  customDetails: Record<string, unknown>;
  containers: { name: string; friendlyName: string }[];
  /** Fabric GUID ASR reports as `internalIdentifier` (defaults to one derived from the name). */
  internalIdentifier?: string;
  /**
   * Modernized only: ids of the run-as accounts of the appliance's VMware site (Microsoft.OffAzure
   * `.../VMwareSites/{site}/runasaccounts/{id}`). They are not part of the fabric resource.
   */
  siteRunAsAccountIds?: string[];
}

export interface PolicyData {
  name: string;
  friendlyName: string;
  providerSpecificDetails: Record<string, unknown>;
}

export interface RecoveryPointPlan {
  crashEveryMinutes: number;
  appEveryMinutes: number;
  retentionHours: number;
  /** How far behind "now" this VM's newest app-consistent point is (makes group members differ). */
  appLagMinutes?: number;
  /** Names of app-consistent bookmarks (tags), given to the newest app-consistent points. */
  tags?: string[];
}

export interface ItemData {
  name: string;
  friendlyName: string;
  fabric: string;
  container: string;
  provider: ReplicationProvider;
  phase: ItemPhase;
  osType: 'Windows' | 'Linux';
  osVersion?: string;
  policy: string;
  multiVmGroupName?: string;
  /** null = the VM has no recovery point at all. */
  recoveryPoints: RecoveryPointPlan | null;
  /** Azure resource group of the replica VM (and of the seed disks). */
  recoveryResourceGroup: string;
  ipAddress: string;
  processServerId?: string;
  masterTargetId?: string;
  reprotectAgentId?: string;
  datastoreName?: string;
  diskCount?: number;
  /** For FailedOver / Committed items: when the failover started the VM at the recovery side. */
  failedOverMinutesAgo?: number;
  /** Modernized: the OffAzure run-as account the appliance uses to reach the VM. */
  runAsAccountId?: string;
  /** Replicating to Azure: when the last successful test failover ran (none: never test-failed-over). */
  lastTestFailoverMinutesAgo?: number;
}

export interface PlanData {
  name: string;
  friendlyName: string;
  groups: { groupType: 'Shutdown' | 'Failover' | 'Boot'; items: string[] }[];
}

export interface HistoricJobData {
  scenarioName: string;
  friendlyName: string;
  item?: string;
  plan?: string;
  state: 'Succeeded' | 'Failed' | 'Cancelled';
  startMinutesAgo: number;
  durationMinutes: number;
  tasks: [name: string, friendlyName: string][];
  error?: { code: string; message: string; possibleCauses: string; recommendedAction: string };
}

export interface DiskData {
  resourceGroup: string;
  name: string;
  diskSizeGB: number;
  createdMinutesAgo: number;
  tags?: Record<string, string>;
}

export interface NetworkData {
  resourceGroup: string;
  name: string;
  /** Defaults to the vault's region. */
  location?: string;
  addressPrefixes: string[];
  subnets: { name: string; addressPrefix: string }[];
  /** Names of virtual networks (same resource group) this one is peered with. */
  peerings?: string[];
  tags?: Record<string, string>;
}
