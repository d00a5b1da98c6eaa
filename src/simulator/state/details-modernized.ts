import { guidFrom, iso, MINUTE } from '../ids';
import { agentRegistrationAfterFailover } from './agent';
import { findProcessServer, findReprotectAgent, nameOf } from './infrastructure';
import { recoveryNetworkId } from './networks';
import type { DetailsInput } from './provider-details';
import { diskSizeGB, seedDiskId, sourceDiskName } from './seed-disks';

/**
 * Modernized (replication appliance) providerSpecificDetails with every key recorded for
 * InMageRcm (TestV2ARCMRecoveryPlan.011, TestV2ARCMReprotect.011) and InMageRcmFailback
 * (TestV2ARCMFailback.011, TestV2ARCM540Reprotect.014).
 */

const AGENT_VERSION = '9.62.7172.1';

const siteId = (d: DetailsInput): string => String(d.fabric.customDetails['vmwareSiteId'] ?? '');

function diskId(d: DetailsInput, i: number): string {
  return `{${guidFrom(`${d.item.vmId}/disk${i}`).toUpperCase()}}`;
}

function progress(): Record<string, unknown> {
  return {
    initialReplicationProgressPercentage: null,
    initialReplicationProcessedBytes: null,
    initialReplicationTransferredBytes: null,
    initialReplicationProgressHealth: 'None',
    resyncProgressPercentage: null,
    resyncProcessedBytes: null,
    resyncTransferredBytes: null,
    resyncProgressHealth: 'None',
    resyncRequired: 'false',
    resyncState: 'None',
  };
}

function discoveredVm(d: DetailsInput, vcenterId: string | null): Record<string, unknown> {
  const { item, now } = d;
  return {
    vCenterId: vcenterId,
    vCenterFQDN: '',
    datastores: item.datastoreName ? [item.datastoreName] : [],
    ipAddresses: [item.ipAddress],
    vmwareToolsStatus: 'OK',
    powerStatus: item.mutable.onPremVmPowerState === 'Running' ? 'ON' : 'OFF',
    vmFqdn: item.friendlyName,
    osName: item.osType === 'Windows' ? 'Microsoft Windows Server 2016 or later (64-bit)' : 'Ubuntu Linux (64-bit)',
    createdTimestamp: iso(item.mutable.replicationStartedAt),
    updatedTimestamp: iso(now - 30 * MINUTE),
    isDeleted: false,
    lastDiscoveryTimeInUtc: iso(now - 30 * MINUTE),
  };
}

export function inMageRcmDetails(d: DetailsInput): Record<string, unknown> {
  const { item, now, points, view, ctx } = d;
  const m = item.mutable;
  const newest = points[0];
  const replicating = m.phase === 'Protected';
  const vault = ctx.store.vaults.get(item.vaultKey);
  const end = Math.min(now, m.replicationStoppedAt ?? now);
  const pointId = (name: string | undefined) => (name ? `${d.itemId}/recoveryPoints/${name}` : null);
  const vcenter =
    typeof findReprotectAgent(d.fabric, item.reprotectAgentId)?.['vcenterId'] === 'string' ? String(findReprotectAgent(d.fabric, item.reprotectAgentId)?.['vcenterId']) : null;
  return {
    instanceType: 'InMageRcm',
    internalIdentifier: m.internalId,
    fabricDiscoveryMachineId: `${siteId(d)}/machines/${item.name}`,
    multiVmGroupName: item.multiVmGroupName ?? null,
    discoveryType: 'VCenter',
    processServerId: item.processServerId,
    processorCoreCount: 2,
    allocatedMemoryInMB: 4096.0,
    processServerName: nameOf(findProcessServer(d.fabric, item.processServerId)) ?? null,
    runAsAccountId: item.runAsAccountId ?? null,
    osType: item.osType,
    firmwareType: 'BIOS',
    primaryNicIpAddress: item.ipAddress,
    targetGeneration: 'V1',
    licenseType: 'NotSpecified',
    storageAccountId: null,
    targetVmName: item.friendlyName,
    targetVmSize: 'Standard_D2s_v3',
    targetResourceGroupId: d.rgId,
    targetLocation: vault?.location,
    targetAvailabilitySetId: '',
    targetAvailabilityZone: '',
    targetProximityPlacementGroupId: '',
    targetBootDiagnosticsStorageAccountId: `${d.rgId}/providers/Microsoft.Storage/storageAccounts/asrbootdiag`,
    targetNetworkId: recoveryNetworkId(d.subscriptionId, item.recoveryResourceGroup),
    // Recorded: the target network when no other was chosen (TestV2ARCMTestFailover.011). Assumed (not recorded): an active test failover's network.
    testNetworkId: (m.testFailover === 'Completed' ? m.testNetworkId : undefined) ?? recoveryNetworkId(d.subscriptionId, item.recoveryResourceGroup),
    failoverRecoveryPointId: pointId(m.failoverRecoveryPointId),
    // Recorded on a committed item too (TestV2ARCMReprotect.013). Assumed (not recorded): null once no point is left.
    lastRecoveryPointReceived: newest ? iso(newest.time) : null,
    lastRpoInSeconds: newest ? Math.max(0, Math.round((end - newest.time) / 1000)) : null,
    lastRpoCalculatedTime: replicating || newest ? iso(end - MINUTE) : null,
    lastRecoveryPointId: pointId(m.failoverRecoveryPointId ?? newest?.name),
    ...progress(),
    agentUpgradeState: 'None',
    lastAgentUpgradeType: null,
    agentUpgradeJobId: null,
    agentUpgradeAttemptToVersion: null,
    // Recorded: a live item names its seed disks (TestV2ARCMRecoveryPlan.011); a list answers with none.
    // Assumed (not recorded): it keeps naming them after a failover to Azure, until reprotect.
    protectedDisks:
      view === 'list'
        ? []
        : m.seedDisks.map((name, i) => ({
            diskId: diskId(d, i),
            diskName: sourceDiskName(item, i),
            isOSDisk: i === 0 ? 'true' : 'false',
            capacityInBytes: diskSizeGB(i) * 1024 ** 3,
            logStorageAccountId: `${d.rgId}/providers/Microsoft.Storage/storageAccounts/asrcachelogs`,
            diskEncryptionSetId: null,
            seedManagedDiskId: seedDiskId(ctx.store, item, name),
            seedBlobUri: null,
            targetManagedDiskId: null,
            targetBlobUri: null,
            diskType: 'Standard_LRS',
            dataPendingInLogDataStoreInMB: 0.0,
            dataPendingAtSourceAgentInMB: 0.0,
            isInitialReplicationComplete: 'true',
          })),
    isLastUpgradeSuccessful: 'false',
    isAgentRegistrationSuccessfulAfterFailover: agentRegistrationAfterFailover(ctx, item, now),
    mobilityAgentDetails: {
      version: AGENT_VERSION,
      latestVersion: AGENT_VERSION,
      latestAgentReleaseDate: '2025-01-15T00:00:00Z',
      driverVersion: AGENT_VERSION,
      latestUpgradableVersionWithoutReboot: '',
      lastHeartbeatUtc: iso(now - 2 * MINUTE),
      reasonsBlockingUpgrade: ['AlreadyOnLatestVersion'],
      isUpgradeable: 'false',
    },
    lastAgentUpgradeErrorDetails: [],
    agentUpgradeBlockingErrorDetails: [],
    vmNics:
      view === 'list'
        ? []
        : [
            {
              nicId: macOf(item.vmId),
              isPrimaryNic: 'true',
              isSelectedForFailover: 'true',
              sourceIPAddress: item.ipAddress,
              sourceIPAddressType: 'Static',
              sourceNetworkId: 'VM Network',
              sourceSubnetName: null,
              targetIPAddress: '',
              targetIPAddressType: 'Dynamic',
              targetSubnetName: 'default',
              testSubnetName: 'default',
              testIPAddress: null,
              testIPAddressType: 'Dynamic',
            },
          ],
    discoveredVmDetails: discoveredVm(d, vcenter),
  };
}

export function inMageRcmFailbackDetails(d: DetailsInput): Record<string, unknown> {
  const { item, now, view, ctx } = d;
  const m = item.mutable;
  const agent = findReprotectAgent(d.fabric, item.reprotectAgentId);
  const vcenter = typeof agent?.['vcenterId'] === 'string' ? agent['vcenterId'] : null;
  const vaultId = d.itemId.split('/replicationFabrics/')[0];
  return {
    instanceType: 'InMageRcmFailback',
    internalIdentifier: m.internalId,
    azureVirtualMachineId: `${d.rgId}/providers/Microsoft.Compute/virtualMachines/${item.friendlyName}`,
    multiVmGroupName: item.multiVmGroupName ?? null,
    reprotectAgentId: item.reprotectAgentId,
    reprotectAgentName: nameOf(agent) ?? null,
    osType: item.osType,
    logStorageAccountId: item.logStorageAccountId ?? `${d.rgId}/providers/Microsoft.Storage/storageAccounts/asrfailbacklogs`,
    targetvCenterId: vcenter,
    targetDataStoreName: item.datastoreName ?? null,
    targetVmName: item.friendlyName,
    ...progress(),
    protectedDisks:
      view === 'list'
        ? []
        : Array.from({ length: item.diskCount }, (_, i) => ({
            diskId: diskId(d, i),
            diskName: sourceDiskName(item, i),
            isOSDisk: i === 0 ? 'true' : 'false',
            capacityInBytes: diskSizeGB(i) * 1024 ** 3,
            diskUuid: guidFrom(`${item.vmId}/uuid${i}`),
            dataPendingInLogDataStoreInMB: 0.0,
            dataPendingAtSourceAgentInMB: 0.0,
            isInitialReplicationComplete: 'true',
            lastSyncTime: iso(Math.min(now, m.replicationStoppedAt ?? now) - MINUTE),
          })),
    mobilityAgentDetails: {
      version: AGENT_VERSION,
      latestVersion: null,
      driverVersion: AGENT_VERSION,
      latestUpgradableVersionWithoutReboot: null,
      lastHeartbeatUtc: iso(now - 2 * MINUTE),
      reasonsBlockingUpgrade: ['UnsupportedProtectionScenario'],
      isUpgradeable: 'false',
    },
    vmNics: view === 'list' ? [] : [{ macAddress: macOf(item.vmId), networkName: null, adapterType: null, sourceIpAddress: item.ipAddress }],
    // Recorded only after a planned failover. Assumed (not recorded): null before one rather than absent.
    lastPlannedFailoverStartTime: m.lastPlannedFailoverStartTime !== undefined ? iso(m.lastPlannedFailoverStartTime) : null,
    lastPlannedFailoverStatus: m.lastPlannedFailoverStatus ?? null,
    discoveredVmDetails: discoveredVm(d, vcenter),
    lastUsedPolicyId: m.lastUsedPolicy ? `${vaultId}/replicationPolicies/${m.lastUsedPolicy}` : undefined,
    lastUsedPolicyFriendlyName: m.lastUsedPolicy ? (ctx.store.policy(item.vaultKey, m.lastUsedPolicy)?.friendlyName ?? m.lastUsedPolicy) : undefined,
    isAgentRegistrationSuccessfulAfterFailover: agentRegistrationAfterFailover(ctx, item, now),
  };
}

function macOf(seed: string): string {
  const h = guidFrom(`${seed}/mac`).replace(/-/g, '');
  return `00:0D:3A:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`.toUpperCase();
}
