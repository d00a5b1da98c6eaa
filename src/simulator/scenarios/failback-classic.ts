import { drNetworks } from './azure-networks';
import { classicDrill } from './drill-vms';
import type { ScenarioData } from './types';

/**
 * Classic (configuration server) VMware failback: VMs failed over to Azure earlier, reprotected,
 * now replicating back to on-premises (InMage), in every state of the failback cycle; a VM
 * replicating to Azure (InMageAzureV2) and one running in Azure after a committed failover,
 * waiting for reprotect to on-premises; VMs running on-premises and replicating to Azure, for the
 * drill and the failover to Azure (drill-vms.ts), and the subscription's networks (azure-networks.ts).
 */
const SUB = '11111111-2222-3333-4444-555555555555';
const PS_ONPREM = 'b0a9e2e4-6f2e-4c1a-9d33-0c1f00000001';
const PS_AZURE = 'b0a9e2e4-6f2e-4c1a-9d33-0c1f00000002';
const MASTER_TARGET = 'c7d1f3a2-1b2c-4d5e-8f90-0a1b00000003';
const POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };
const AGENT = '9.62.7172.1';
const NO_EXPIRY = '9999-12-31T23:59:59.9999999';
/** Replaced by a time shortly before "now" when the fabric is read (see handlers/fabrics.ts). */
const RECENT = '$recent';

/** A process server with the keys and spellings recorded in v2aFailbackReprotect.003. */
function processServer(id: string, friendlyName: string, ipAddress: string, machines: number): Record<string, unknown> {
  return {
    friendlyName,
    id,
    ipAddress,
    osType: 'Windows',
    agentVersion: AGENT,
    lastHeartbeat: RECENT,
    versionStatus: 'Supported',
    mobilityServiceUpdates: [
      { version: AGENT, rebootStatus: 'NotRequired', osType: 'Windows' },
      { version: AGENT, rebootStatus: 'NotRequired', osType: 'Linux' },
    ],
    hostId: id,
    machineCount: String(machines),
    replicationPairCount: String(machines),
    systemLoad: '1',
    systemLoadStatus: 'Green',
    cpuLoad: '12%',
    cpuLoadStatus: 'Green',
    totalMemoryInBytes: 17179869184,
    availableMemoryInBytes: 9663676416,
    memoryUsageStatus: 'Green',
    totalSpaceInBytes: 644245094400,
    availableSpaceInBytes: 429496729600,
    spaceUsageStatus: 'Green',
    psServiceStatus: 'Running',
    sslCertExpiryDate: '2027-03-22T14:18:58Z',
    sslCertExpiryRemainingDays: 480,
    osVersion: null,
    healthErrors: [],
    agentExpiryDate: NO_EXPIRY,
    agentVersionDetails: { version: AGENT, expiryDate: NO_EXPIRY, status: 'Supported' },
    health: 'Normal',
    historicHealth: 'Normal',
    psStatsRefreshTime: RECENT,
    throughputUploadPendingDataInBytes: 0,
    throughputInMBps: 12,
    throughputInBytes: 12582912,
    throughputStatus: 'Green',
    marsCommunicationStatus: '1',
    marsRegistrationStatus: '1',
  };
}
const common = {
  fabric: 'contoso-cs01',
  container: 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30',
  policy: 'failback-policy',
  recoveryResourceGroup: 'contoso-dr-rg',
  processServerId: PS_AZURE,
  masterTargetId: MASTER_TARGET,
  datastoreName: 'datastore1',
};

const drill = classicDrill({ ...common, policy: 'replication-policy-24h', processServerId: PS_ONPREM });

export const failbackClassic: ScenarioData = {
  name: 'failback-classic',
  description: 'Classic VMware failback (configuration server, InMage / InMageAzureV2), one VM per failback state, and VMs replicating to Azure for the drill.',
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
          internalIdentifier: '6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30',
          containers: [{ name: 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30', friendlyName: 'contoso-cs01' }],
          customDetails: {
            instanceType: 'VMware',
            processServers: [processServer(PS_ONPREM, 'contoso-cs01', '10.0.0.4', 4), processServer(PS_AZURE, 'azure-ps01', '10.10.0.5', 5)],
            masterTargetServers: [
              {
                id: MASTER_TARGET,
                ipAddress: '10.0.0.6',
                name: 'contoso-mt01',
                osType: 'Windows',
                agentVersion: AGENT,
                lastHeartbeat: RECENT,
                versionStatus: 'Supported',
                retentionVolumes: [{ volumeName: 'R', capacityInBytes: 1099511627776, freeSpaceInBytes: 824633720832, thresholdPercentage: null }],
                dataStores: [
                  { symbolicName: 'datastore1', uuid: '5f1e6a2b-93c4d5e6-0a1b-001122334455', capacity: '4096', freeSpace: '2150', type: 'VMFS' },
                  { symbolicName: 'datastore2', uuid: '5f1e6a2b-93c4d5e6-0a1b-001122334466', capacity: '2048', freeSpace: '1210', type: 'VMFS' },
                ],
                validationErrors: [],
                healthErrors: [],
                diskCount: 8,
                osVersion: 'Microsoft Windows Server 2016 Datacenter',
                agentExpiryDate: NO_EXPIRY,
                marsAgentVersion: '2.0.9260.0',
                marsAgentExpiryDate: NO_EXPIRY,
                agentVersionDetails: { version: AGENT, expiryDate: NO_EXPIRY, status: 'Supported' },
                marsAgentVersionDetails: { version: '2.0.9260.0', expiryDate: NO_EXPIRY, status: 'Supported' },
              },
            ],
            runAsAccounts: [
              { accountId: '1', accountName: 'vcenter-discovery' },
              { accountId: '2', accountName: 'windows-push-install' },
              { accountId: '3', accountName: 'linux-push-install' },
            ],
            // The configuration server's own figures, with the keys and spellings of v2aFailbackReprotect.003.
            replicationPairCount: '10',
            processServerCount: '2',
            agentCount: '10',
            protectedServers: '10',
            systemLoad: '1',
            systemLoadStatus: 'Green',
            cpuLoad: '10%',
            cpuLoadStatus: 'Green',
            totalMemoryInBytes: 17179869184,
            availableMemoryInBytes: 9663676416,
            memoryUsageStatus: 'Green',
            totalSpaceInBytes: 644245094400,
            availableSpaceInBytes: 429496729600,
            spaceUsageStatus: 'Green',
            webLoad: '0',
            webLoadStatus: 'Green',
            databaseServerLoad: '0.25',
            databaseServerLoadStatus: 'Green',
            csServiceStatus: 'Running',
            ipAddress: '10.0.0.4',
            agentVersion: AGENT,
            hostName: 'contoso-cs01',
            lastHeartbeat: RECENT,
            versionStatus: 'Supported',
            sslCertExpiryDate: '2027-03-18T14:07:03Z',
            sslCertExpiryRemainingDays: 480,
            psTemplateVersion: '202501.14.00',
            agentExpiryDate: NO_EXPIRY,
            agentVersionDetails: { version: AGENT, expiryDate: NO_EXPIRY, status: 'Supported' },
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
          providerSpecificDetails: {
            instanceType: 'InMage',
            recoveryPointThresholdInMinutes: 15,
            recoveryPointHistory: 1440,
            appConsistentFrequencyInMinutes: 60,
            multiVmSyncStatus: 'Enabled',
          },
        },
        {
          name: 'replication-policy-24h',
          friendlyName: 'replication-policy-24h',
          providerSpecificDetails: {
            instanceType: 'InMageAzureV2',
            crashConsistentFrequencyInMinutes: 5,
            recoveryPointThresholdInMinutes: 60,
            recoveryPointHistory: 1440,
            appConsistentFrequencyInMinutes: 60,
            multiVmSyncStatus: 'Enabled',
          },
        },
      ],
      items: [
        {
          ...common,
          name: 'app-lnx-01',
          friendlyName: 'app-lnx-01',
          provider: 'InMage',
          phase: 'Protected',
          osType: 'Linux',
          ipAddress: '10.1.0.11',
          multiVmGroupName: 'app-tier',
          recoveryPoints: { ...POINTS, tags: ['nightly-backup', 'pre-patch'] },
        },
        {
          ...common,
          name: 'app-win-01',
          friendlyName: 'app-win-01',
          provider: 'InMage',
          phase: 'Protected',
          osType: 'Windows',
          ipAddress: '10.1.0.12',
          multiVmGroupName: 'app-tier',
          recoveryPoints: { ...POINTS, appLagMinutes: 60 },
        },
        { ...common, name: 'db-lnx-01', friendlyName: 'db-lnx-01', provider: 'InMage', phase: 'Protected', osType: 'Linux', ipAddress: '10.1.0.13', recoveryPoints: POINTS },
        { ...common, name: 'file-win-01', friendlyName: 'file-win-01', provider: 'InMage', phase: 'Protected', osType: 'Windows', ipAddress: '10.1.0.14', recoveryPoints: null },
        {
          ...common,
          name: 'web-lnx-02',
          friendlyName: 'web-lnx-02',
          provider: 'InMage',
          phase: 'FailedOver',
          osType: 'Linux',
          ipAddress: '10.1.0.15',
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 20,
        },
        {
          ...common,
          name: 'web-win-03',
          friendlyName: 'web-win-03',
          provider: 'InMage',
          phase: 'Committed',
          osType: 'Windows',
          ipAddress: '10.1.0.16',
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 90,
        },
        {
          ...common,
          name: 'crm-lnx-04',
          friendlyName: 'crm-lnx-04',
          provider: 'InMageAzureV2',
          phase: 'Protected',
          osType: 'Linux',
          ipAddress: '10.1.0.17',
          policy: 'replication-policy-24h',
          processServerId: PS_ONPREM,
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 3 * 24 * 60,
          lastTestFailoverMinutesAgo: 2 * 24 * 60,
        },
        // Running in Azure, failover committed: waits for reprotect to on-premises (V2ATestSwitchProtection.010).
        {
          ...common,
          name: 'erp-win-05',
          friendlyName: 'erp-win-05',
          provider: 'InMageAzureV2',
          phase: 'Committed',
          osType: 'Windows',
          ipAddress: '10.1.0.18',
          policy: 'replication-policy-24h',
          processServerId: PS_ONPREM,
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 2 * 24 * 60,
        },
        ...drill.items,
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
        ...drill.plans,
      ],
      historicJobs: [
        {
          scenarioName: 'UnplannedFailover',
          friendlyName: 'Failover',
          item: 'erp-win-05',
          state: 'Succeeded',
          startMinutesAgo: 2 * 24 * 60 + 5,
          durationMinutes: 5,
          tasks: [
            ['VmUfoPrerequisitesCheck', 'Prerequisites check for failover'],
            ['VmShutdownVmOnPrimary', 'Shut down the virtual machine'],
            ['VmPrepareForUnPlannedFailover', 'Synchronizing the latest changes'],
            ['VmFailover', 'Start failover'],
            ['VmFoStartVmOnSecondary', 'Start the replica virtual machine'],
          ],
        },
        {
          scenarioName: 'SwitchReplicationGroupProtection',
          friendlyName: 'Reprotect',
          item: 'app-lnx-01',
          state: 'Succeeded',
          startMinutesAgo: 3 * 24 * 60,
          durationMinutes: 35,
          tasks: [
            ['SwitchReplicationGroupProtectionPreflightTask', 'Prerequisite check'],
            ['VmCommitFailover', 'Committing failover'],
            ['DiscoverReplicaTask', 'Discovering replica virtual machine'],
            ['GetSwitchProtectionRequirementsTask', 'Getting reprotection requirements'],
            ['ProtectReplicaTask', 'Reprotecting virtual machine'],
          ],
        },
        {
          scenarioName: 'UnplannedFailover',
          friendlyName: 'Failover',
          item: 'web-lnx-02',
          state: 'Succeeded',
          startMinutesAgo: 27,
          durationMinutes: 6,
          tasks: [
            ['VmUfoPrerequisitesCheck', 'Prerequisites check for failover'],
            ['VmShutdownVmOnPrimary', 'Shut down the virtual machine'],
            ['VmPrepareForUnPlannedFailover', 'Synchronizing the latest changes'],
            ['VmFailover', 'Start failover'],
            ['VmFoStartVmOnSecondary', 'Start the replica virtual machine'],
          ],
        },
        {
          scenarioName: 'SwitchReplicationGroupProtection',
          friendlyName: 'Reprotect',
          item: 'web-win-03',
          state: 'Failed',
          startMinutesAgo: 80,
          durationMinutes: 1,
          tasks: [['SwitchReplicationGroupProtectionPreflightTask', 'Prerequisite check']],
          error: {
            code: '539519',
            message:
              "Reprotect can't start for the virtual machine 'web-win-03' because the Mobility service agent on the on-premises virtual machine isn't installed or hasn't registered with Site Recovery yet.",
            possibleCauses:
              "The on-premises virtual machine was started by the failover only a few minutes ago and its Mobility service agent hasn't finished registering, or the agent isn't installed on the machine.",
            recommendedAction:
              'Wait until the agent on the on-premises virtual machine has registered (typically up to 15 minutes after the machine starts), then retry the reprotect operation.',
          },
        },
      ],
      disks: [],
      networks: drNetworks('contoso-dr-rg'),
    },
  ],
};
