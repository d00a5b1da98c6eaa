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
  onPremVmStartedAt?: number;
  vmwareToolsEnabled: boolean;
  failoverRecoveryPointId?: string;
  lastSuccessfulFailoverTime?: number;
  lastPlannedFailoverStartTime?: number;
  lastPlannedFailoverStatus?: string;
  /** Set once the item has failed back (its seed disks stay behind when protection is disabled). */
  hasFailedBack: boolean;
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

export interface PlanRecord {
  vaultKey: string;
  name: string;
  friendlyName: string;
  planId: string;
  groups: { groupType: 'Shutdown' | 'Failover' | 'Boot'; items: string[] }[];
  busy?: { scenarioName: string; jobName: string; startTime: number };
  lastPlannedFailoverTime?: number;
  lastUnplannedFailoverTime?: number;
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
  state: JobState;
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

export interface VaultRecord {
  key: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  vaultGuid: string;
}
