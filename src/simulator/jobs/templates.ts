/**
 * Task lists of the jobs ASR runs for the failback operations (names and friendly names as seen on
 * live vaults, see FACTS.md), with default durations in virtual seconds and the effect each task
 * has on the VM when it completes.
 */
export type EffectName =
  | 'shutdownAzureVm'
  | 'stopReplication'
  | 'recordFailoverPoint'
  | 'enableVmwareTools'
  | 'startOnPremVm'
  | 'deleteAzureVm'
  | 'checkAgent';

export interface TaskTemplate {
  name: string;
  friendlyName: string;
  seconds: number;
  effect?: EffectName;
  windowsOnly?: boolean;
}

/** Windows VMs get VMware Tools disabled while they run in Azure; failback turns them back on. */
const ENABLE_VMWARE_TOOLS: TaskTemplate = {
  name: 'VmEnableVmwareTools',
  friendlyName: 'Enable VMware Tools on the on-premises virtual machine',
  seconds: 40,
  effect: 'enableVmwareTools',
  windowsOnly: true,
};

export interface JobTemplate {
  scenarioName: string;
  friendlyName: string;
  tasks: TaskTemplate[];
}

export const JOB_TEMPLATES = {
  unplannedFailover: {
    scenarioName: 'UnplannedFailover',
    friendlyName: 'Failover',
    tasks: [
      { name: 'VmUfoPrerequisitesCheck', friendlyName: 'Prerequisites check for failover', seconds: 20 },
      { name: 'VmShutdownVmOnPrimary', friendlyName: 'Shut down the virtual machine', seconds: 60, effect: 'shutdownAzureVm' },
      { name: 'VmPrepareForUnPlannedFailover', friendlyName: 'Synchronizing the latest changes', seconds: 90, effect: 'stopReplication' },
      { name: 'VmFailover', friendlyName: 'Start failover', seconds: 120, effect: 'recordFailoverPoint' },
      ENABLE_VMWARE_TOOLS,
      { name: 'VmFoStartVmOnSecondary', friendlyName: 'Start the replica virtual machine', seconds: 60, effect: 'startOnPremVm' },
    ],
  },
  plannedFailover: {
    scenarioName: 'PlannedFailover',
    friendlyName: 'Planned failover',
    tasks: [
      { name: 'VmPfoPrerequisitesCheck', friendlyName: 'Prerequisites check for planned failover', seconds: 20 },
      { name: 'VmPrepareForFailover', friendlyName: 'Start failover', seconds: 90, effect: 'stopReplication' },
      { name: 'VmFailover', friendlyName: 'Shut down the Azure virtual machine', seconds: 60, effect: 'shutdownAzureVm' },
      { name: 'VmPrepareProtectedEntitiesTask', friendlyName: 'Preparing on-premise virtual machine', seconds: 120, effect: 'recordFailoverPoint' },
      ENABLE_VMWARE_TOOLS,
      { name: 'VmFoStartVmOnSecondary', friendlyName: 'Starting on-premise virtual machine', seconds: 60, effect: 'startOnPremVm' },
    ],
  },
  commit: {
    scenarioName: 'CommitFailover',
    friendlyName: 'Commit',
    tasks: [
      { name: 'VmCommitPrerequisitesCheck', friendlyName: 'Prerequisite check', seconds: 15 },
      { name: 'VmCommit', friendlyName: 'Commit', seconds: 60, effect: 'deleteAzureVm' },
    ],
  },
  reprotect: {
    scenarioName: 'SwitchReplicationGroupProtection',
    friendlyName: 'Reprotect',
    tasks: [
      { name: 'SwitchReplicationGroupProtectionPreflightTask', friendlyName: 'Prerequisite check', seconds: 30, effect: 'checkAgent' },
      { name: 'VmCommitFailover', friendlyName: 'Committing failover', seconds: 30 },
      { name: 'DiscoverReplicaTask', friendlyName: 'Discovering replica virtual machine', seconds: 60 },
      { name: 'GetSwitchProtectionRequirementsTask', friendlyName: 'Getting reprotection requirements', seconds: 30 },
      { name: 'ProtectReplicaTask', friendlyName: 'Reprotecting virtual machine', seconds: 150 },
    ],
  },
  cancelFailover: {
    scenarioName: 'CancelFailover',
    friendlyName: 'Cancel failover',
    tasks: [
      { name: 'VmCancelFailoverPrerequisitesCheck', friendlyName: 'Prerequisites check', seconds: 15 },
      { name: 'VmCancelFailover', friendlyName: 'Cancel failover', seconds: 90 },
    ],
  },
  changePit: {
    scenarioName: 'ChangePit',
    friendlyName: 'Change recovery point',
    tasks: [
      { name: 'VmChangePitPrerequisitesCheck', friendlyName: 'Prerequisites check', seconds: 15 },
      { name: 'VmChangePit', friendlyName: 'Change recovery point', seconds: 90, effect: 'recordFailoverPoint' },
    ],
  },
  disableProtection: {
    scenarioName: 'DisableDr',
    friendlyName: 'Disable replication',
    tasks: [
      { name: 'DisableProtectionPrerequisitesCheck', friendlyName: 'Prerequisites check', seconds: 10 },
      { name: 'DisableProtectionOnPrimary', friendlyName: 'Disable replication', seconds: 45 },
    ],
  },
} satisfies Record<string, JobTemplate>;

export type JobAction = keyof typeof JOB_TEMPLATES;

export const PLAN_PREREQUISITE: TaskTemplate = {
  name: 'RecoveryPlanPrerequisitesCheck',
  friendlyName: 'Prerequisites check for the recovery plan',
  seconds: 20,
};

/** A job waits this long in NotStarted before it runs (ASR queues jobs briefly). */
export const QUEUE_DELAY_MS = 2_000;
