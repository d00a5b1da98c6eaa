import type { SimContext } from '../context';
import { guidFrom, iso, MINUTE } from '../ids';
import { findProcessServer, findReprotectAgent, nameOf } from './infrastructure';
import type { ItemRecord } from './model';
import { isAgentRegistered } from './agent';
import type { RecoveryPointRecord } from './recovery-points';

/**
 * providerSpecificDetails per replication provider, with the field names of the SDK models
 * (InMageReplicationDetails, InMageAzureV2ReplicationDetails, InMageRcmReplicationDetails,
 * InMageRcmFailbackReplicationDetails).
 */
export function providerDetails(ctx: SimContext, item: ItemRecord, points: RecoveryPointRecord[], now: number): Record<string, unknown> {
  const m = item.mutable;
  const sub = ctx.store.vaults.get(item.vaultKey)?.subscriptionId ?? '';
  const rgId = `/subscriptions/${sub}/resourceGroups/${item.recoveryResourceGroup}`;
  const fabric = ctx.store.fabric(item.vaultKey, item.fabric);
  const newest = points[0];
  const rpo = newest ? Math.max(0, Math.round((Math.min(now, m.replicationStoppedAt ?? now) - newest.time) / 1000)) : undefined;
  const replicating = m.phase === 'Protected';
  const common = { multiVmGroupName: item.multiVmGroupName };
  const azureVmId = `${rgId}/providers/Microsoft.Compute/virtualMachines/${item.friendlyName}`;
  const ps = findProcessServer(fabric, item.processServerId);

  switch (m.provider) {
    case 'InMage':
      return {
        instanceType: 'InMage',
        ...common,
        activeSiteType: m.phase === 'Protected' ? 'Azure' : 'OnPrem',
        sourceVmCpuCount: 2,
        sourceVmRamSizeInMB: 4096,
        osDetails: { osType: item.osType, vhdName: `${item.friendlyName}-osdisk` },
        protectionStage: replicating ? 'Differential Sync' : 'Failover',
        vmId: item.vmId,
        vmProtectionState: replicating ? 'Protected' : 'FailedOver',
        vmProtectionStateDescription: replicating ? 'Protected' : 'Failed over',
        retentionWindowStart: points.length ? iso(points[points.length - 1].time) : undefined,
        retentionWindowEnd: newest ? iso(newest.time) : undefined,
        rpoInSeconds: replicating ? rpo : undefined,
        lastRpoCalculatedTime: replicating ? iso(now - MINUTE) : undefined,
        ipAddress: item.ipAddress,
        lastHeartbeat: iso(now - 2 * MINUTE),
        processServerId: item.processServerId,
        masterTargetId: item.masterTargetId,
        // The cache/log storage account the Azure side used; reprotect to Azure reuses it.
        azureStorageAccountId: `${rgId}/providers/Microsoft.Storage/storageAccounts/asrcachelogs`,
        consistencyPoints: Object.fromEntries(points.filter((p) => p.tag).map((p) => [p.tag as string, iso(p.time)])),
        multiVmSyncStatus: item.multiVmGroupName ? 'Enabled' : 'Disabled',
        multiVmGroupId: item.multiVmGroupName ? guidFrom(item.multiVmGroupName) : undefined,
        discoveryType: 'vCenter',
        datastores: item.datastoreName ? [item.datastoreName] : [],
        osVersion: item.osVersion,
        infrastructureVmId: item.vmId,
        validationErrors: [],
        totalProgressHealth: 'None',
        isAdditionalStatsAvailable: false,
      };
    case 'InMageAzureV2':
      return {
        instanceType: 'InMageAzureV2',
        ...common,
        vmId: item.vmId,
        infrastructureVmId: item.vmId,
        protectionStage: 'Protected',
        vmProtectionState: 'Protected',
        vmProtectionStateDescription: 'Protected',
        rpoInSeconds: rpo,
        lastRpoCalculatedTime: iso(now - MINUTE),
        ipAddress: item.ipAddress,
        agentVersion: '9.62.7172.1',
        isAgentUpdateRequired: 'false',
        lastHeartbeat: iso(now - 2 * MINUTE),
        processServerId: item.processServerId,
        processServerName: nameOf(ps),
        masterTargetId: item.masterTargetId,
        multiVmSyncStatus: item.multiVmGroupName ? 'Enabled' : 'Disabled',
        osType: item.osType,
        osVersion: item.osVersion,
        recoveryAzureVMName: item.friendlyName,
        recoveryAzureVMSize: 'Standard_D2s_v3',
        recoveryAzureResourceGroupId: rgId,
        recoveryAzureLogStorageAccountId: `${rgId}/providers/Microsoft.Storage/storageAccounts/asrcachelogs`,
        useManagedDisks: 'True',
        discoveryType: 'vCenter',
        enableRdpOnTargetOption: 'Never',
        datastores: item.datastoreName ? [item.datastoreName] : [],
        validationErrors: [],
        lastRecoveryPointReceived: newest ? iso(newest.time) : undefined,
        totalProgressHealth: 'None',
        isAdditionalStatsAvailable: false,
      };
    case 'InMageRcm':
      return {
        instanceType: 'InMageRcm',
        ...common,
        internalIdentifier: guidFrom(`${item.vmId}/rcm`),
        fabricDiscoveryMachineId: item.vmId,
        discoveryType: 'vCenter',
        processServerId: item.processServerId,
        processServerName: nameOf(ps),
        processorCoreCount: 2,
        allocatedMemoryInMB: 4096,
        osType: item.osType,
        firmwareType: 'BIOS',
        primaryNicIpAddress: item.ipAddress,
        targetGeneration: 'Gen1',
        licenseType: 'NoLicenseType',
        targetVmName: item.friendlyName,
        targetVmSize: 'Standard_D2s_v3',
        targetResourceGroupId: rgId,
        targetLocation: ctx.store.vaults.get(item.vaultKey)?.location,
        targetNetworkId: `${rgId}/providers/Microsoft.Network/virtualNetworks/dr-vnet`,
        failoverRecoveryPointId: m.failoverRecoveryPointId,
        lastRecoveryPointReceived: newest ? iso(newest.time) : undefined,
        lastRpoInSeconds: replicating ? rpo : undefined,
        lastRpoCalculatedTime: replicating ? iso(now - MINUTE) : undefined,
        lastRecoveryPointId: newest?.name,
        initialReplicationProgressPercentage: replicating ? 100 : undefined,
        resyncRequired: 'false',
        resyncState: 'None',
        agentUpgradeState: 'None',
        isAgentRegistrationSuccessfulAfterFailover: isAgentRegistered(ctx, item, now),
        mobilityAgentDetails: { version: '9.62.0.0', latestVersion: '9.62.0.0', isUpgradeable: 'false' },
        protectedDisks: [],
        vmNics: [],
      };
    case 'InMageRcmFailback': {
      const agent = findReprotectAgent(fabric, item.reprotectAgentId);
      return {
        instanceType: 'InMageRcmFailback',
        ...common,
        internalIdentifier: guidFrom(`${item.vmId}/rcmfailback`),
        azureVirtualMachineId: azureVmId,
        reprotectAgentId: item.reprotectAgentId,
        reprotectAgentName: nameOf(agent),
        osType: item.osType,
        logStorageAccountId: `${rgId}/providers/Microsoft.Storage/storageAccounts/asrfailbacklogs`,
        targetvCenterId: typeof agent?.['vcenterId'] === 'string' ? agent['vcenterId'] : undefined,
        targetDataStoreName: item.datastoreName,
        targetVmName: item.friendlyName,
        initialReplicationProgressPercentage: 100,
        initialReplicationProgressHealth: 'None',
        resyncRequired: 'false',
        resyncState: 'None',
        protectedDisks: [],
        vmNics: [],
        lastPlannedFailoverStartTime: m.lastPlannedFailoverStartTime !== undefined ? iso(m.lastPlannedFailoverStartTime) : undefined,
        lastPlannedFailoverStatus: m.lastPlannedFailoverStatus,
        lastUsedPolicyId: m.lastUsedPolicy,
        lastUsedPolicyFriendlyName: m.lastUsedPolicy ? m.lastUsedPolicy.split('/').pop() : undefined,
        isAgentRegistrationSuccessfulAfterFailover: isAgentRegistered(ctx, item, now),
      };
    }
  }
}

