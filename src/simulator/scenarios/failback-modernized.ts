import type { ScenarioData } from './types';

/**
 * Modernized (replication appliance) VMware failback: Azure VMs replicating back to on-premises
 * (InMageRcmFailback), in every state of the failback cycle.
 */
const SUB = '22222222-3333-4444-5555-666666666666';
const APPLIANCE_PS = 'd3e4f5a6-0b1c-4d2e-8f3a-5b6c00000011';
const REPROTECT_AGENT = 'e4f5a6b7-1c2d-4e3f-9a4b-6c7d00000012';
const POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };
const heartbeat = '2026-01-01T00:00:00Z';
const common = {
  fabric: 'contoso-appliance01',
  container: 'cloud_8b4e3d2f-1e5c-4f9b-8d2a-3c8e6f0b2d41',
  policy: 'failback-policy-rcm',
  recoveryResourceGroup: 'fabrikam-dr-rg',
  processServerId: APPLIANCE_PS,
  reprotectAgentId: REPROTECT_AGENT,
  datastoreName: 'datastore1',
};

export const failbackModernized: ScenarioData = {
  name: 'failback-modernized',
  description: 'Modernized VMware failback (replication appliance, InMageRcmFailback / InMageRcm), one VM per failback state.',
  subscriptions: [{ subscriptionId: SUB, displayName: 'Fabrikam DR (simulated)', tenantId: '72f988bf-0000-4000-8000-00000000c0de' }],
  vaults: [
    {
      subscriptionId: SUB,
      resourceGroup: 'fabrikam-dr-rg',
      name: 'fabrikam-dr-vault',
      location: 'northeurope',
      fabrics: [
        {
          name: 'contoso-appliance01',
          friendlyName: 'contoso-appliance01',
          containers: [{ name: 'cloud_8b4e3d2f-1e5c-4f9b-8d2a-3c8e6f0b2d41', friendlyName: 'contoso-appliance01' }],
          customDetails: {
            instanceType: 'InMageRcm',
            vmwareSiteId: '/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/fabrikam-dr-rg/providers/Microsoft.OffAzure/VMwareSites/contoso-site',
            physicalSiteId: '/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/fabrikam-dr-rg/providers/Microsoft.OffAzure/ServerSites/contoso-physical',
            serviceEndpoint: 'https://rcm.northeurope.simulator.invalid',
            serviceResourceId: 'a1b2c3d4-0000-4000-8000-0000000000a1',
            serviceContainerId: 'a1b2c3d4-0000-4000-8000-0000000000a2',
            dataPlaneUri: 'https://dataplane.northeurope.simulator.invalid',
            controlPlaneUri: 'https://controlplane.northeurope.simulator.invalid',
            processServers: [
              {
                id: APPLIANCE_PS, name: 'contoso-appliance01', biosId: 'bios-0001', fabricObjectId: 'fo-0001', fqdn: 'contoso-appliance01.contoso.local',
                ipAddresses: ['10.0.0.20'], version: '9.62.0.0', lastHeartbeatUtc: heartbeat, totalMemoryInBytes: 34359738368,
                availableMemoryInBytes: 17179869184, usedMemoryInBytes: 17179869184, memoryUsagePercentage: 50, totalSpaceInBytes: 1099511627776,
                availableSpaceInBytes: 549755813888, usedSpaceInBytes: 549755813888, freeSpacePercentage: 50, throughputUploadPendingDataInBytes: 0,
                throughputInBytes: 31457280, processorUsagePercentage: 18, throughputStatus: 'Healthy', systemLoad: 2, systemLoadStatus: 'Healthy',
                diskUsageStatus: 'Healthy', memoryUsageStatus: 'Healthy', processorUsageStatus: 'Healthy', health: 'Normal', healthErrors: [],
                protectedItemCount: 7, historicHealth: 'Normal',
              },
            ],
            reprotectAgents: [
              {
                id: REPROTECT_AGENT, name: 'contoso-appliance01', biosId: 'bios-0001', fabricObjectId: 'fo-0002', fqdn: 'contoso-appliance01.contoso.local',
                version: '9.62.0.0', lastHeartbeatUtc: heartbeat, health: 'Normal', healthErrors: [], protectedItemCount: 5,
                accessibleDatastores: ['datastore1', 'datastore2'], vcenterId: 'vcenter-contoso-01', lastDiscoveryInUtc: heartbeat,
              },
            ],
            rcmProxies: [{ id: 'f5a6b7c8-0000-4000-8000-000000000013', name: 'contoso-appliance01', version: '1.35.0.0', lastHeartbeatUtc: heartbeat, health: 'Normal', healthErrors: [], clientAuthenticationType: 'Certificate' }],
            pushInstallers: [{ id: 'f5a6b7c8-0000-4000-8000-000000000014', name: 'contoso-appliance01', version: '9.62.0.0', lastHeartbeatUtc: heartbeat, health: 'Normal', healthErrors: [] }],
            replicationAgents: [{ id: 'f5a6b7c8-0000-4000-8000-000000000015', name: 'contoso-appliance01', version: '9.62.0.0', lastHeartbeatUtc: heartbeat, health: 'Normal', healthErrors: [] }],
            marsAgents: [{ id: 'f5a6b7c8-0000-4000-8000-000000000016', name: 'contoso-appliance01', version: '2.0.9260.0', lastHeartbeatUtc: heartbeat, health: 'Normal', healthErrors: [] }],
            dras: [{ id: 'f5a6b7c8-0000-4000-8000-000000000017', name: 'contoso-appliance01', version: '5.1.8800.0', lastHeartbeatUtc: heartbeat, health: 'Normal', healthErrors: [], forwardProtectedItemCount: 2, reverseProtectedItemCount: 5 }],
            agentDetails: [],
          },
        },
        {
          name: 'azure-northeurope',
          friendlyName: 'Microsoft Azure',
          containers: [{ name: 'azure-northeurope-container', friendlyName: 'Microsoft Azure' }],
          customDetails: { instanceType: 'Azure', location: 'northeurope', containerIds: ['azure-northeurope-container'], zones: [], extendedLocations: [], locationDetails: [] },
        },
      ],
      policies: [
        { name: 'failback-policy-rcm', friendlyName: 'failback-policy-rcm', providerSpecificDetails: { instanceType: 'InMageRcmFailback', appConsistentFrequencyInMinutes: 60, crashConsistentFrequencyInMinutes: 5 } },
        { name: 'replication-policy-rcm', friendlyName: 'replication-policy-rcm', providerSpecificDetails: { instanceType: 'InMageRcm', recoveryPointHistoryInMinutes: 4320, appConsistentFrequencyInMinutes: 60, crashConsistentFrequencyInMinutes: 5, enableMultiVmSync: 'True' } },
      ],
      items: [
        { ...common, name: 'erp-lnx-01', friendlyName: 'erp-lnx-01', provider: 'InMageRcmFailback', phase: 'Protected', osType: 'Linux', ipAddress: '10.2.0.11', multiVmGroupName: 'erp-tier', recoveryPoints: POINTS },
        { ...common, name: 'erp-win-01', friendlyName: 'erp-win-01', provider: 'InMageRcmFailback', phase: 'Protected', osType: 'Windows', ipAddress: '10.2.0.12', multiVmGroupName: 'erp-tier', recoveryPoints: { ...POINTS, appLagMinutes: 120 } },
        { ...common, name: 'sql-lnx-01', friendlyName: 'sql-lnx-01', provider: 'InMageRcmFailback', phase: 'Protected', osType: 'Linux', ipAddress: '10.2.0.13', recoveryPoints: POINTS },
        { ...common, name: 'print-win-01', friendlyName: 'print-win-01', provider: 'InMageRcmFailback', phase: 'Protected', osType: 'Windows', ipAddress: '10.2.0.14', recoveryPoints: null },
        { ...common, name: 'web-lnx-05', friendlyName: 'web-lnx-05', provider: 'InMageRcmFailback', phase: 'FailedOver', osType: 'Linux', ipAddress: '10.2.0.15', recoveryPoints: POINTS, failedOverMinutesAgo: 20 },
        { ...common, name: 'web-win-06', friendlyName: 'web-win-06', provider: 'InMageRcm', phase: 'Committed', osType: 'Windows', ipAddress: '10.2.0.16', recoveryPoints: POINTS, failedOverMinutesAgo: 90 },
        { ...common, name: 'hr-lnx-07', friendlyName: 'hr-lnx-07', provider: 'InMageRcm', phase: 'Protected', osType: 'Linux', ipAddress: '10.2.0.17', policy: 'replication-policy-rcm', recoveryPoints: POINTS, failedOverMinutesAgo: 3 * 24 * 60 },
      ],
      recoveryPlans: [
        {
          name: 'failback-erp',
          friendlyName: 'failback-erp',
          groups: [
            { groupType: 'Shutdown', items: [] },
            { groupType: 'Failover', items: [] },
            { groupType: 'Boot', items: ['sql-lnx-01'] },
            { groupType: 'Boot', items: ['erp-lnx-01', 'erp-win-01'] },
          ],
        },
      ],
      historicJobs: [
        {
          scenarioName: 'PlannedFailover', friendlyName: 'Planned failover', item: 'web-lnx-05', state: 'Succeeded', startMinutesAgo: 27, durationMinutes: 6,
          tasks: [['VmPfoPrerequisitesCheck', 'Prerequisites check for planned failover'], ['VmPrepareForFailover', 'Start failover'], ['VmFailover', 'Shut down the Azure virtual machine'], ['VmPrepareProtectedEntitiesTask', 'Preparing on-premise virtual machine'], ['VmFoStartVmOnSecondary', 'Starting on-premise virtual machine']],
        },
        {
          scenarioName: 'CommitFailover', friendlyName: 'Commit', item: 'web-win-06', state: 'Succeeded', startMinutesAgo: 70, durationMinutes: 2,
          tasks: [['VmCommitPrerequisitesCheck', 'Prerequisite check'], ['VmCommit', 'Commit']],
        },
      ],
      disks: [
        { resourceGroup: 'fabrikam-dr-rg', name: 'asrseeddisk-old-app-01-3f9a1c2d', diskSizeGB: 128, createdMinutesAgo: 60 * 24 * 40, tags: { 'ASR-ReplicaDisk': 'true' } },
      ],
    },
  ],
};
