import { drNetworks } from './azure-networks';
import { modernizedDrill } from './drill-vms';
import type { ScenarioData } from './types';

/**
 * Modernized (replication appliance) VMware failback: Azure VMs replicating back to on-premises
 * (InMageRcmFailback) in every state of the failback cycle, a VM replicating to Azure (InMageRcm)
 * and one running in Azure after a committed failover, waiting for reprotect to on-premises.
 * The appliance's inventory has the keys and spellings of the recorded fabric (TestV2ARCM540Reprotect.003):
 * one id per appliance, shared by its process server, reprotect agent and other components.
 * VMs running on-premises and replicating to Azure for the drill and the failover to Azure come
 * from drill-vms.ts, the subscription's networks from azure-networks.ts.
 */
const SUB = '22222222-3333-4444-5555-666666666666';
const RG = 'fabrikam-dr-rg';
const APPLIANCE = 'd3e4f5a6-0b1c-4d2e-8f3a-5b6c00000011';
const SITE = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.OffAzure/VMwareSites/contoso-vmwaresite`;
const VCENTER = `${SITE}/vcenters/vcenter-contoso-01`;
const RUN_AS = `${SITE}/runasaccounts/7c1e4d2a-5b3f-5a6e-9d8c-0f1e2d3c4b5a`;
const POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };
/** Replaced by a time shortly before "now" when the fabric is read (see handlers/fabrics.ts). */
const RECENT = '$recent';
const component = {
  id: APPLIANCE,
  name: 'contoso-appliance01',
  biosId: 'A1FB1542-22E9-F385-C6C3-9DFEDADABD82',
  fabricObjectId: `${SITE}/machines/vcenter-contoso-01_5015d3ac-7e18-c35c-7b18-24bd25846ca0`,
  fqdn: 'contoso-appliance01',
  lastHeartbeatUtc: RECENT,
  health: 'Normal',
  healthErrors: [],
};
const common = {
  fabric: 'contoso-appliance01',
  container: 'cloud_8b4e3d2f-1e5c-4f9b-8d2a-3c8e6f0b2d41',
  policy: 'failback-policy-rcm',
  recoveryResourceGroup: RG,
  processServerId: APPLIANCE,
  reprotectAgentId: APPLIANCE,
  runAsAccountId: RUN_AS,
  datastoreName: 'datastore1',
};

const drill = modernizedDrill({ ...common, policy: 'replication-policy-rcm' });

export const failbackModernized: ScenarioData = {
  name: 'failback-modernized',
  description: 'Modernized VMware failback (replication appliance, InMageRcmFailback / InMageRcm), one VM per failback state, and VMs replicating to Azure for the drill.',
  subscriptions: [{ subscriptionId: SUB, displayName: 'Fabrikam DR (simulated)', tenantId: '72f988bf-0000-4000-8000-00000000c0de' }],
  vaults: [
    {
      subscriptionId: SUB,
      resourceGroup: RG,
      name: 'fabrikam-dr-vault',
      location: 'northeurope',
      fabrics: [
        {
          name: 'contoso-appliance01',
          friendlyName: 'contoso-appliance01',
          internalIdentifier: '8b4e3d2f-1e5c-4f9b-8d2a-3c8e6f0b2d41',
          containers: [{ name: 'cloud_8b4e3d2f-1e5c-4f9b-8d2a-3c8e6f0b2d41', friendlyName: 'contoso-appliance01' }],
          siteRunAsAccountIds: [RUN_AS],
          customDetails: {
            instanceType: 'InMageRcm',
            vmwareSiteId: SITE,
            physicalSiteId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.OffAzure/ServerSites/contoso-physicalsite`,
            serviceEndpoint: 'https://rcm.northeurope.simulator.invalid',
            serviceResourceId: '4602679571341165973',
            serviceContainerId: '15404911407834',
            dataPlaneUri: 'https://dataplane.northeurope.simulator.invalid',
            controlPlaneUri: 'https://controlplane.northeurope.simulator.invalid',
            sourceAgentIdentityDetails: {
              tenantId: '72f988bf-0000-4000-8000-00000000c0de',
              applicationId: 'b4a3c4db-0000-4000-8000-0000000000a3',
              objectId: '859a3a30-0000-4000-8000-0000000000a4',
              audience: 'https://72f988bf-0000-4000-8000-00000000c0de/contoso-failbackagentauthaadapp',
              aadAuthority: 'https://login.windows.net/72f988bf-0000-4000-8000-00000000c0de',
            },
            processServers: [
              {
                ...component,
                ipAddresses: ['10.0.0.20'],
                version: '9.62.7172.1',
                totalMemoryInBytes: 34359738368,
                availableMemoryInBytes: 17179869184,
                usedMemoryInBytes: 17179869184,
                memoryUsagePercentage: 50,
                totalSpaceInBytes: 1099511627776,
                availableSpaceInBytes: 549755813888,
                usedSpaceInBytes: 549755813888,
                freeSpacePercentage: 50,
                throughputUploadPendingDataInBytes: 0,
                throughputInBytes: 31457280,
                processorUsagePercentage: 18,
                throughputStatus: 'Healthy',
                systemLoad: 2,
                systemLoadStatus: 'Healthy',
                diskUsageStatus: 'Healthy',
                memoryUsageStatus: 'Healthy',
                processorUsageStatus: 'Healthy',
                protectedItemCount: 7,
                historicHealth: 'Normal',
              },
            ],
            rcmProxies: [{ ...component, clientAuthenticationType: 'Certificate', version: '1.35.8056.17787' }],
            pushInstallers: [{ ...component, version: '1.35.8056.17651' }],
            replicationAgents: [{ ...component, version: '1.35.8056.17773' }],
            reprotectAgents: [
              {
                ...component,
                version: '1.35.8056.17837',
                protectedItemCount: 5,
                accessibleDatastores: ['datastore1', 'datastore2'],
                vcenterId: VCENTER,
                lastDiscoveryInUtc: RECENT,
              },
            ],
            marsAgents: [{ ...component, version: '2.0.9260.0' }],
            dras: [
              {
                id: APPLIANCE,
                name: 'contoso-appliance01',
                biosId: component.biosId,
                version: '5.1.8800.0',
                lastHeartbeatUtc: RECENT,
                health: 'Normal',
                healthErrors: [],
                forwardProtectedItemCount: 2,
                reverseProtectedItemCount: 5,
              },
            ],
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
        // Keys and spellings as recorded (TestV2ARCM540Reprotect.007 / .009).
        {
          name: 'failback-policy-rcm',
          friendlyName: 'failback-policy-rcm',
          providerSpecificDetails: { instanceType: 'InMageRcmFailback', appConsistentFrequencyInMinutes: 60, crashConsistentFrequencyInMinutes: 5 },
        },
        {
          name: 'replication-policy-rcm',
          friendlyName: 'replication-policy-rcm',
          providerSpecificDetails: {
            instanceType: 'InMageRcm',
            recoveryPointHistoryInMinutes: 4320,
            appConsistentFrequencyInMinutes: 60,
            crashConsistentFrequencyInMinutes: 5,
            enableMultiVmSync: 'true',
          },
        },
      ],
      items: [
        {
          ...common,
          name: 'erp-lnx-01',
          friendlyName: 'erp-lnx-01',
          provider: 'InMageRcmFailback',
          phase: 'Protected',
          osType: 'Linux',
          ipAddress: '10.2.0.11',
          multiVmGroupName: 'erp-tier',
          recoveryPoints: POINTS,
        },
        {
          ...common,
          name: 'erp-win-01',
          friendlyName: 'erp-win-01',
          provider: 'InMageRcmFailback',
          phase: 'Protected',
          osType: 'Windows',
          ipAddress: '10.2.0.12',
          multiVmGroupName: 'erp-tier',
          recoveryPoints: { ...POINTS, appLagMinutes: 120 },
        },
        {
          ...common,
          name: 'sql-lnx-01',
          friendlyName: 'sql-lnx-01',
          provider: 'InMageRcmFailback',
          phase: 'Protected',
          osType: 'Linux',
          ipAddress: '10.2.0.13',
          recoveryPoints: POINTS,
        },
        {
          ...common,
          name: 'print-win-01',
          friendlyName: 'print-win-01',
          provider: 'InMageRcmFailback',
          phase: 'Protected',
          osType: 'Windows',
          ipAddress: '10.2.0.14',
          recoveryPoints: null,
        },
        // Failed back, commit pending: reprotect to Azure is allowed from here (TestV2ARCM540Reprotect).
        {
          ...common,
          name: 'web-lnx-05',
          friendlyName: 'web-lnx-05',
          provider: 'InMageRcmFailback',
          phase: 'FailedOver',
          osType: 'Linux',
          ipAddress: '10.2.0.15',
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 20,
        },
        // Running in Azure, failover committed: waits for reprotect to on-premises (TestV2ARCMReprotect.013).
        {
          ...common,
          name: 'web-win-06',
          friendlyName: 'web-win-06',
          provider: 'InMageRcm',
          phase: 'Committed',
          osType: 'Windows',
          ipAddress: '10.2.0.16',
          policy: 'replication-policy-rcm',
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 90,
        },
        // Failed over to Azure, commit pending (TestV2ARCMReprotect.011): commit, change recovery point or reprotect.
        {
          ...common,
          name: 'app-lnx-08',
          friendlyName: 'app-lnx-08',
          provider: 'InMageRcm',
          phase: 'FailedOver',
          osType: 'Linux',
          ipAddress: '10.2.0.18',
          policy: 'replication-policy-rcm',
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 30,
        },
        {
          ...common,
          name: 'hr-lnx-07',
          friendlyName: 'hr-lnx-07',
          provider: 'InMageRcm',
          phase: 'Protected',
          osType: 'Linux',
          ipAddress: '10.2.0.17',
          policy: 'replication-policy-rcm',
          recoveryPoints: POINTS,
          failedOverMinutesAgo: 3 * 24 * 60,
          lastTestFailoverMinutesAgo: 2 * 24 * 60,
        },
        ...drill.items,
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
        // VMs running in Azure after a failover to Azure: the plan is reprotected to on-premises
        // as its VMs (Site Recovery has no plan reprotect for VMware providers).
        {
          name: 'dr-web-tier',
          friendlyName: 'dr-web-tier',
          groups: [
            { groupType: 'Shutdown', items: [] },
            { groupType: 'Failover', items: [] },
            { groupType: 'Boot', items: ['web-win-06', 'app-lnx-08'] },
          ],
        },
        ...drill.plans,
      ],
      historicJobs: [
        {
          scenarioName: 'PlannedFailover',
          friendlyName: 'Planned failover',
          item: 'web-lnx-05',
          state: 'Succeeded',
          startMinutesAgo: 27,
          durationMinutes: 6,
          tasks: [
            ['VmPfoPrerequisitesCheck', 'Prerequisites check for planned failover'],
            ['VmPrepareForFailover', 'Start failover'],
            ['VmFailover', 'Shut down the Azure virtual machine'],
            ['VmPrepareProtectedEntitiesTask', 'Preparing on-premise virtual machine'],
            ['VmFoStartVmOnSecondary', 'Starting on-premise virtual machine'],
          ],
        },
        {
          scenarioName: 'UnplannedFailover',
          friendlyName: 'Failover',
          item: 'web-win-06',
          state: 'Succeeded',
          startMinutesAgo: 95,
          durationMinutes: 4,
          tasks: [
            ['VmUfoPrerequisitesCheck', 'Prerequisites check for failover'],
            ['VmShutdownVmOnPrimary', 'Shut down the virtual machine'],
            ['VmFailover', 'Start failover'],
            ['VmFoStartVmOnSecondary', 'Starting Azure virtual machine'],
          ],
        },
        {
          scenarioName: 'CommitFailover',
          friendlyName: 'Commit',
          item: 'web-win-06',
          state: 'Succeeded',
          startMinutesAgo: 70,
          durationMinutes: 2,
          tasks: [
            ['VmCommitPrerequisitesCheck', 'Prerequisite check'],
            ['VmCommit', 'Commit'],
          ],
        },
      ],
      disks: [
        // A seed disk left behind by a VM whose replication was disabled long ago (recorded naming pattern).
        { resourceGroup: RG, name: 'asrseeddisk-old_app_-PHYSICAL-3f9a1c2d-7b4e-4c1a-9e8f-0a1b2c3d4e5f', diskSizeGB: 128, createdMinutesAgo: 60 * 24 * 40 },
      ],
      networks: drNetworks(RG),
    },
  ],
};
