/**
 * Task lists of the jobs ASR runs, with the task ids, names and friendly names recorded on live
 * vaults (test/fixtures/recorded/), default durations in virtual seconds and the effect
 * each task has on the VM when it completes. A task without a recorded id gets a GUID, as recorded
 * for the commit job (TestV2ARCMCommit.014).
 */
export type EffectName =
  | 'shutdownAzureVm'
  | 'shutdownOnPremVm'
  | 'stopReplication'
  | 'recordFailoverPoint'
  | 'startOnPremVm'
  | 'startAzureVm'
  | 'commitFailover'
  | 'checkAgent'
  | 'testFailoverDone'
  | 'testFailoverCleanedUp';

export interface TaskTemplate {
  /** Recorded task id (item jobs); plan jobs and unrecorded tasks use a GUID. */
  taskId?: string;
  name: string;
  friendlyName: string;
  seconds: number;
  effect?: EffectName;
}

export interface JobTemplate {
  scenarioName: string;
  friendlyName: string;
  tasks: TaskTemplate[];
}

export const JOB_TEMPLATES = {
  // V2ATestFailback.605: classic failback (InMage). Shutdown and sync are skipped ("Other") when the
  // request asks for no source-side operations, as recorded.
  unplannedFailover: {
    scenarioName: 'UnplannedFailover',
    friendlyName: 'Failover',
    tasks: [
      { taskId: 'UnplannedFailoverPreflightChecksTask', name: 'VmUfoPrerequisitesCheck', friendlyName: 'Prerequisites check for failover', seconds: 20 },
      { taskId: 'ShutdownVmOnPrimaryForUFO', name: 'VmShutdownVmOnPrimary', friendlyName: 'Shut down the virtual machine', seconds: 60, effect: 'shutdownAzureVm' },
      {
        taskId: 'PrepareForUnPlannedFailoverTask',
        name: 'VmPrepareForUnPlannedFailover',
        friendlyName: 'Synchronizing the latest changes',
        seconds: 90,
        effect: 'stopReplication',
      },
      { taskId: 'FailoverTask', name: 'VmFailover', friendlyName: 'Start failover', seconds: 120, effect: 'recordFailoverPoint' },
      { taskId: 'StartVmOnSecondary', name: 'VmFoStartVmOnSecondary', friendlyName: 'Start the replica virtual machine', seconds: 60, effect: 'startOnPremVm' },
    ],
  },
  // V2AFailoverJob.294: classic failover to Azure (InMageAzureV2). Shutdown and sync are skipped
  // ("Other") when the request asks for no source-side operations.
  failoverToAzure: {
    scenarioName: 'UnplannedFailover',
    friendlyName: 'Failover',
    tasks: [
      { taskId: 'UnplannedFailoverPreflightChecksTask', name: 'VmUfoPrerequisitesCheck', friendlyName: 'Prerequisites check for failover', seconds: 20 },
      { taskId: 'ShutdownVmOnPrimaryForUFO', name: 'VmShutdownVmOnPrimary', friendlyName: 'Shut down the virtual machine', seconds: 60, effect: 'shutdownOnPremVm' },
      { taskId: 'PrepareForUnPlannedFailoverTask', name: 'VmPrepareForUnPlannedFailover', friendlyName: 'Synchronizing the latest changes', seconds: 60 },
      { taskId: 'FailoverTask', name: 'VmFailover', friendlyName: 'Start failover', seconds: 120, effect: 'recordFailoverPoint' },
      { taskId: 'StartVmOnSecondary', name: 'VmFoStartVmOnSecondary', friendlyName: 'Start the replica virtual machine', seconds: 60, effect: 'startAzureVm' },
    ],
  },
  // TestV2ARCMFailover.1121: modernized failover to Azure (InMageRcm).
  failoverToAzureRcm: {
    scenarioName: 'UnplannedFailover',
    friendlyName: 'Failover',
    tasks: [
      { taskId: 'UnplannedFailoverPreflightChecksTask', name: 'VmUfoPrerequisitesCheck', friendlyName: 'Prerequisites check for failover', seconds: 20 },
      { taskId: 'ShutdownVmOnPrimaryForUFO', name: 'VmShutdownVmOnPrimary', friendlyName: 'Shut down the virtual machine', seconds: 60, effect: 'shutdownOnPremVm' },
      { taskId: 'FailoverTask', name: 'VmFailover', friendlyName: 'Start failover', seconds: 120, effect: 'recordFailoverPoint' },
      { taskId: 'StartVmOnSecondary', name: 'VmFoStartVmOnSecondary', friendlyName: 'Starting Azure virtual machine', seconds: 60, effect: 'startAzureVm' },
    ],
  },
  // TestV2ARCMFailback.013: modernized failback (InMageRcmFailback).
  plannedFailover: {
    scenarioName: 'PlannedFailover',
    friendlyName: 'Planned failover',
    tasks: [
      { taskId: 'PlannedFailoverPreflightChecksTask', name: 'VmPfoPrerequisitesCheck', friendlyName: 'Prerequisites check for planned failover', seconds: 20 },
      { taskId: 'PrepareForFailoverTask', name: 'VmPrepareForFailover', friendlyName: 'Start failover', seconds: 90, effect: 'stopReplication' },
      { taskId: 'FailoverTask', name: 'VmFailover', friendlyName: 'Shut down the Azure virtual machine', seconds: 60, effect: 'shutdownAzureVm' },
      {
        taskId: 'PrepareProtectedEntitiesTask',
        name: 'VmPrepareProtectedEntitiesTask',
        friendlyName: 'Preparing on-premise virtual machine',
        seconds: 120,
        effect: 'recordFailoverPoint',
      },
      { taskId: 'StartVmOnSecondary', name: 'VmFoStartVmOnSecondary', friendlyName: 'Starting on-premise virtual machine', seconds: 60, effect: 'startOnPremVm' },
    ],
  },
  // TestV2ARCMCommit.014.
  commit: {
    scenarioName: 'CommitFailover',
    friendlyName: 'Commit',
    tasks: [
      { name: 'VmCommitPrerequisitesCheck', friendlyName: 'Prerequisite check', seconds: 15 },
      { name: 'VmCommit', friendlyName: 'Commit', seconds: 60, effect: 'commitFailover' },
    ],
  },
  // TestV2ARCM540Reprotect.016, TestV2ARCMReprotect.015, V2ATestSwitchProtection.014: every reprotect,
  // both directions. Its VmCommitFailover commits a failover still pending (540Reprotect).
  reprotect: {
    scenarioName: 'SwitchReplicationGroupProtection',
    friendlyName: 'Reprotect',
    tasks: [
      {
        taskId: 'SwitchReplicationGroupProtectionPreflightTask',
        name: 'SwitchReplicationGroupProtectionPreflightTask',
        friendlyName: 'Prerequisite check',
        seconds: 30,
        effect: 'checkAgent',
      },
      { taskId: 'CommitFailoverTask', name: 'VmCommitFailover', friendlyName: 'Committing failover', seconds: 30, effect: 'commitFailover' },
      { taskId: 'DiscoverReplicaTask', name: 'DiscoverReplicaTask', friendlyName: 'Discovering replica virtual machine', seconds: 60 },
      { taskId: 'GetSwitchProtectionRequirementsTask', name: 'GetSwitchProtectionRequirementsTask', friendlyName: 'Getting reprotection requirements', seconds: 30 },
      { taskId: 'ProtectReplicaTask', name: 'ProtectReplicaTask', friendlyName: 'Reprotecting virtual machine', seconds: 150 },
    ],
  },
  // TestV2ARCMCancelFailover.013.
  cancelFailover: {
    scenarioName: 'CancelFailover',
    friendlyName: 'Cancel failover and resume replication',
    tasks: [
      { taskId: 'CancelFailoverPreflightChecksTask', name: 'CancelFailoverPreflightChecksTask', friendlyName: 'Prerequisites check for cancel failover', seconds: 15 },
      { taskId: 'CancelFailoverRecovery', name: 'CancelFailoverRecovery', friendlyName: 'Cancel failover recovery', seconds: 60 },
      { taskId: 'CancelFailoverPrimary', name: 'CancelFailoverPrimaryTask', friendlyName: 'Cancel failover primary', seconds: 60 },
      { taskId: 'StartVmOnPrimary', name: 'StartVmOnPrimary', friendlyName: 'Starting the virtual machine', seconds: 60 },
    ],
  },
  // Assumed (not recorded): the change recovery point job's tasks.
  changePit: {
    scenarioName: 'ChangePit',
    friendlyName: 'Change recovery point',
    tasks: [
      { name: 'VmChangePitPrerequisitesCheck', friendlyName: 'Prerequisites check', seconds: 15 },
      { name: 'VmChangePit', friendlyName: 'Change recovery point', seconds: 90, effect: 'recordFailoverPoint' },
    ],
  },
  // V2ATFOJob.013, TestV2ARCMTestFailover.1082.
  testFailover: {
    scenarioName: 'TestFailover',
    friendlyName: 'Test failover',
    tasks: [
      { taskId: 'TestFailoverPreflightChecksTask', name: 'VmTfoPrerequisitesCheck', friendlyName: 'Prerequisites check for test failover', seconds: 20 },
      { taskId: 'BeginTestFailoverTask', name: 'VmTfoInitiateFailover', friendlyName: 'Starting test failover', seconds: 60 },
      { taskId: 'PrepareTestProtectedEntitiesTask', name: 'VmTfoPrepareTestVm', friendlyName: 'Creating test virtual machine', seconds: 120 },
      { taskId: 'BootTestProtectedEntitiesTask', name: 'VmTfoBootTestVm', friendlyName: 'Start the virtual machine', seconds: 60, effect: 'testFailoverDone' },
    ],
  },
  // V2ATFOJob.019, TestV2ARCMTestFailover.1407.
  testFailoverCleanup: {
    scenarioName: 'TestFailoverCleanup',
    friendlyName: 'Test failover cleanup',
    tasks: [
      { taskId: 'TestFailoverCleanupPreflightChecksTask', name: 'VmTfoCleanupPreflightsCheck', friendlyName: 'Prerequisites check for test failover cleanup', seconds: 15 },
      { taskId: 'EndTestFailoverTask', name: 'VmTfoEndFailover', friendlyName: 'Ending test failover', seconds: 30 },
      { taskId: 'CleanupTestProtectedEntitiesTask', name: 'VmTfoDeleteTestVm', friendlyName: 'Clean up the test virtual machine', seconds: 60, effect: 'testFailoverCleanedUp' },
    ],
  },
  // Assumed (not recorded): the disable replication job's tasks.
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

// Assumed (not recorded): the plan job's own first task.
export const PLAN_PREREQUISITE: TaskTemplate = {
  name: 'RecoveryPlanPrerequisitesCheck',
  friendlyName: 'Prerequisites check for the recovery plan',
  seconds: 20,
};

/** A job waits this long in NotStarted before it runs (ASR queues jobs briefly). */
export const QUEUE_DELAY_MS = 2_000;
