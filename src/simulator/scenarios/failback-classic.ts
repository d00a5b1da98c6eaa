import type { ScenarioData } from './types';

/**
 * Classic (configuration server) VMware failback: VMs failed over to Azure earlier, reprotected,
 * now replicating back to on-premises (InMage), in every state of the failback cycle.
 */
const SUB = '11111111-2222-3333-4444-555555555555';
const PS_ONPREM = 'b0a9e2e4-6f2e-4c1a-9d33-0c1f00000001';
const PS_AZURE = 'b0a9e2e4-6f2e-4c1a-9d33-0c1f00000002';
const MASTER_TARGET = 'c7d1f3a2-1b2c-4d5e-8f90-0a1b00000003';
const POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };
const common = {
  fabric: 'contoso-cs01',
  container: 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30',
  policy: 'failback-policy',
  recoveryResourceGroup: 'contoso-dr-rg',
  processServerId: PS_AZURE,
  masterTargetId: MASTER_TARGET,
  datastoreName: 'datastore1',
};

export const failbackClassic: ScenarioData = {
  name: 'failback-classic',
  description: 'Classic VMware failback (configuration server, InMage / InMageAzureV2), one VM per failback state.',
  subscriptions: [{ subscriptionId: SUB, displayName: 'Contoso DR (simulated)', tenantId: '72f988bf-0000-4000-8000-00000000c0de' }],
  vaults: [
    {
      subscriptionId: SUB,
      resourceGroup: 'contoso-dr-rg',
      name: 'contoso-dr-vault',
      location: 'westeurope',
      fabrics: [
        {
          name: 'contoso-cs01',
          friendlyName: 'contoso-cs01',
          containers: [{ name: 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30', friendlyName: 'contoso-cs01' }],
          customDetails: {
            instanceType: 'VMware',
            processServers: [
              {
                id: PS_ONPREM, friendlyName: 'contoso-cs01', ipAddress: '10.0.0.4', osType: 'Windows', agentVersion: '9.62.7172.1',
                lastHeartbeat: '2026-01-01T00:00:00Z', versionStatus: 'Supported', machineCount: '4', replicationPairCount: '4',
                systemLoad: '1', systemLoadStatus: 'Healthy', cpuLoad: '12', cpuLoadStatus: 'Healthy', totalMemoryInBytes: 17179869184,
                availableMemoryInBytes: 9663676416, memoryUsageStatus: 'Healthy', totalSpaceInBytes: 644245094400,
                availableSpaceInBytes: 429496729600, spaceUsageStatus: 'Healthy', psServiceStatus: 'Running', healthErrors: [],
                health: 'Normal', throughputInMBps: 12, throughputStatus: 'Healthy', marsCommunicationStatus: 'Healthy', marsRegistrationStatus: 'Healthy',
              },
              {
                id: PS_AZURE, friendlyName: 'azure-ps01', ipAddress: '10.10.0.5', osType: 'Windows', agentVersion: '9.62.7172.1',
                lastHeartbeat: '2026-01-01T00:00:00Z', versionStatus: 'Supported', machineCount: '5', replicationPairCount: '5',
                systemLoad: '1', systemLoadStatus: 'Healthy', cpuLoad: '20', cpuLoadStatus: 'Healthy', totalMemoryInBytes: 17179869184,
                availableMemoryInBytes: 8589934592, memoryUsageStatus: 'Healthy', totalSpaceInBytes: 1099511627776,
                availableSpaceInBytes: 858993459200, spaceUsageStatus: 'Healthy', psServiceStatus: 'Running', healthErrors: [],
                health: 'Normal', throughputInMBps: 30, throughputStatus: 'Healthy', marsCommunicationStatus: 'Healthy', marsRegistrationStatus: 'Healthy',
              },
            ],
            masterTargetServers: [
              {
                id: MASTER_TARGET, ipAddress: '10.0.0.6', name: 'contoso-mt01', osType: 'Windows', agentVersion: '9.62.7172.1',
                lastHeartbeat: '2026-01-01T00:00:00Z', versionStatus: 'Supported', diskCount: 8, validationErrors: [], healthErrors: [],
                retentionVolumes: [{ volumeName: 'R:', capacityInBytes: 1099511627776, freeSpaceInBytes: 824633720832, thresholdPercentage: 80 }],
                dataStores: [
                  { symbolicName: 'datastore1', uuid: '5f1e6a2b-93c4d5e6-0a1b-001122334455', capacity: '4096', freeSpace: '2150', type: 'VMFS' },
                  { symbolicName: 'datastore2', uuid: '5f1e6a2b-93c4d5e6-0a1b-001122334466', capacity: '2048', freeSpace: '1210', type: 'VMFS' },
                ],
              },
            ],
            runAsAccounts: [
              { accountId: '1', accountName: 'vcenter-discovery' },
              { accountId: '2', accountName: 'windows-push-install' },
              { accountId: '3', accountName: 'linux-push-install' },
            ],
            replicationPairCount: '9', processServerCount: '2', agentCount: '9', protectedServers: '9',
            systemLoad: '1', systemLoadStatus: 'Healthy', cpuLoad: '10', cpuLoadStatus: 'Healthy',
            csServiceStatus: 'Running', ipAddress: '10.0.0.4', agentVersion: '9.62.7172.1', hostName: 'contoso-cs01',
            lastHeartbeat: '2026-01-01T00:00:00Z', versionStatus: 'Supported', sslCertExpiryRemainingDays: 480,
          },
        },
        {
          name: 'azure-westeurope',
          friendlyName: 'Microsoft Azure',
          containers: [{ name: 'azure-westeurope-container', friendlyName: 'Microsoft Azure' }],
          customDetails: { instanceType: 'Azure', location: 'westeurope', containerIds: ['azure-westeurope-container'], zones: [], extendedLocations: [], locationDetails: [] },
        },
      ],
      policies: [
        {
          name: 'failback-policy',
          friendlyName: 'failback-policy',
          providerSpecificDetails: { instanceType: 'InMage', recoveryPointThresholdInMinutes: 15, recoveryPointHistory: 1440, appConsistentFrequencyInMinutes: 60, multiVmSyncStatus: 'Enabled' },
        },
        {
          name: 'replication-policy-24h',
          friendlyName: 'replication-policy-24h',
          providerSpecificDetails: { instanceType: 'InMageAzureV2', crashConsistentFrequencyInMinutes: 5, recoveryPointThresholdInMinutes: 60, recoveryPointHistory: 1440, appConsistentFrequencyInMinutes: 60, multiVmSyncStatus: 'Enabled' },
        },
      ],
      items: [
        { ...common, name: 'app-lnx-01', friendlyName: 'app-lnx-01', provider: 'InMage', phase: 'Protected', osType: 'Linux', ipAddress: '10.1.0.11', multiVmGroupName: 'app-tier', recoveryPoints: { ...POINTS, tags: ['nightly-backup', 'pre-patch'] } },
        { ...common, name: 'app-win-01', friendlyName: 'app-win-01', provider: 'InMage', phase: 'Protected', osType: 'Windows', ipAddress: '10.1.0.12', multiVmGroupName: 'app-tier', recoveryPoints: { ...POINTS, appLagMinutes: 60 } },
        { ...common, name: 'db-lnx-01', friendlyName: 'db-lnx-01', provider: 'InMage', phase: 'Protected', osType: 'Linux', ipAddress: '10.1.0.13', recoveryPoints: POINTS },
        { ...common, name: 'file-win-01', friendlyName: 'file-win-01', provider: 'InMage', phase: 'Protected', osType: 'Windows', ipAddress: '10.1.0.14', recoveryPoints: null },
        { ...common, name: 'web-lnx-02', friendlyName: 'web-lnx-02', provider: 'InMage', phase: 'FailedOver', osType: 'Linux', ipAddress: '10.1.0.15', recoveryPoints: POINTS, failedOverMinutesAgo: 20 },
        { ...common, name: 'web-win-03', friendlyName: 'web-win-03', provider: 'InMage', phase: 'Committed', osType: 'Windows', ipAddress: '10.1.0.16', recoveryPoints: POINTS, failedOverMinutesAgo: 90 },
        { ...common, name: 'crm-lnx-04', friendlyName: 'crm-lnx-04', provider: 'InMageAzureV2', phase: 'Protected', osType: 'Linux', ipAddress: '10.1.0.17', policy: 'replication-policy-24h', processServerId: PS_ONPREM, recoveryPoints: POINTS, failedOverMinutesAgo: 3 * 24 * 60 },
      ],
      recoveryPlans: [
        {
          name: 'failback-app-tier',
          friendlyName: 'failback-app-tier',
          groups: [
            { groupType: 'Shutdown', items: [] },
            { groupType: 'Failover', items: [] },
            { groupType: 'Boot', items: ['db-lnx-01'] },
            { groupType: 'Boot', items: ['app-lnx-01', 'app-win-01'] },
          ],
        },
      ],
      historicJobs: [
        {
          scenarioName: 'SwitchReplicationGroupProtection', friendlyName: 'Reprotect', item: 'app-lnx-01', state: 'Succeeded', startMinutesAgo: 3 * 24 * 60, durationMinutes: 35,
          tasks: [['SwitchReplicationGroupProtectionPreflightTask', 'Prerequisite check'], ['VmCommitFailover', 'Committing failover'], ['DiscoverReplicaTask', 'Discovering replica virtual machine'], ['GetSwitchProtectionRequirementsTask', 'Getting reprotection requirements'], ['ProtectReplicaTask', 'Reprotecting virtual machine']],
        },
        {
          scenarioName: 'UnplannedFailover', friendlyName: 'Failover', item: 'web-lnx-02', state: 'Succeeded', startMinutesAgo: 27, durationMinutes: 6,
          tasks: [['VmUfoPrerequisitesCheck', 'Prerequisites check for failover'], ['VmShutdownVmOnPrimary', 'Shut down the virtual machine'], ['VmPrepareForUnPlannedFailover', 'Synchronizing the latest changes'], ['VmFailover', 'Start failover'], ['VmFoStartVmOnSecondary', 'Start the replica virtual machine']],
        },
        {
          scenarioName: 'SwitchReplicationGroupProtection', friendlyName: 'Reprotect', item: 'web-win-03', state: 'Failed', startMinutesAgo: 80, durationMinutes: 1,
          tasks: [['SwitchReplicationGroupProtectionPreflightTask', 'Prerequisite check']],
          error: {
            code: '539519',
            message: "Reprotect can't start for the virtual machine 'web-win-03' because the Mobility service agent on the on-premises virtual machine isn't installed or hasn't registered with Site Recovery yet.",
            possibleCauses: "The on-premises virtual machine was started by the failover only a few minutes ago and its Mobility service agent hasn't finished registering, or the agent isn't installed on the machine.",
            recommendedAction: 'Wait until the agent on the on-premises virtual machine has registered (typically up to 15 minutes after the machine starts), then retry the reprotect operation.',
          },
        },
      ],
      disks: [],
    },
  ],
};
