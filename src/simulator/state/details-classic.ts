import { guidFrom, iso, MINUTE } from '../ids';
import { findProcessServer, nameOf } from './infrastructure';
import { itemStateView } from './item-states';
import { recoveryNetworkId } from './networks';
import type { DetailsInput } from './provider-details';
import { classicGroup } from './replication-group';
import { diskSizeGB, seedDiskId, sourceDiskName } from './seed-disks';

/**
 * Classic (configuration server) providerSpecificDetails: InMageAzureV2 with the keys recorded in
 * V2ATestSwitchProtection.010 / V2ATFOJob.010, InMage with the fields the recordings show.
 */

const AGENT_VERSION = '9.62.7172.1';
const NO_EXPIRY = '9999-12-31T23:59:59.9999999';

function diskId(d: DetailsInput, i: number): string {
  return `{${guidFrom(`${d.item.vmId}/disk${i}`).toUpperCase()}}`;
}

/** A classic protected disk as both classic providers report it (InMageAzureV2 adds its RPO time). */
function protectedDisk(d: DetailsInput, i: number): Record<string, unknown> {
  return {
    diskId: diskId(d, i),
    diskName: `Disk${i}`,
    protectionStage: 'DifferentialSync',
    healthErrorCode: 'ECH0007',
    rpoInSeconds: rpo(d) ?? null,
    resyncRequired: 'NotRequired',
    resyncProgressPercentage: 0,
    resyncDurationInSeconds: 0,
    diskCapacityInBytes: diskSizeGB(i) * 1024 ** 3,
    fileSystemCapacityInBytes: diskSizeGB(i) * 1024 ** 3,
    sourceDataInMegaBytes: 0,
    psDataInMegaBytes: 0,
    targetDataInMegaBytes: 0,
    diskResized: 'NotResized',
  };
}

function rpo(d: DetailsInput): number | undefined {
  const newest = d.points[0];
  const end = Math.min(d.now, d.item.mutable.replicationStoppedAt ?? d.now);
  return newest ? Math.max(0, Math.round((end - newest.time) / 1000)) : undefined;
}

export function inMageAzureV2Details(d: DetailsInput): Record<string, unknown> {
  const { item, now, points, view } = d;
  const state = itemStateView(item.mutable.provider, item.mutable.phase);
  const disks = Array.from({ length: item.diskCount }, (_, i) => i);
  const network = recoveryNetworkId(d.subscriptionId, item.recoveryResourceGroup);
  const mac = macOf(item.vmId);
  return {
    instanceType: 'InMageAzureV2',
    infrastructureVmId: item.vmId,
    vCenterInfrastructureId: '5',
    protectionStage: 'DifferentialSync',
    vmId: item.vmId,
    vmProtectionState: state.protectionState,
    vmProtectionStateDescription: state.protectionStateDescription,
    resyncProgressPercentage: 0,
    rpoInSeconds: rpo(d) ?? null,
    compressedDataRateInMB: 0.42,
    uncompressedDataRateInMB: 0.42,
    ipAddress: item.ipAddress,
    agentVersion: AGENT_VERSION,
    agentExpiryDate: NO_EXPIRY,
    isAgentUpdateRequired: 'NotRequired',
    isRebootAfterUpdateRequired: 'NotRequired',
    lastHeartbeat: iso(now - 2 * MINUTE),
    processServerId: item.processServerId,
    processServerName: nameOf(findProcessServer(d.fabric, item.processServerId)) ?? null,
    ...multiVmGroup(d),
    // A list answers with no disks (V2ATestSwitchProtection.008); a GET with each disk.
    protectedDisks: view === 'list' ? [] : disks.map((i) => ({ ...protectedDisk(d, i), lastRpoCalculatedTime: iso(now - MINUTE) })),
    diskResized: 'NotResized',
    masterTargetId: item.masterTargetId ?? item.processServerId,
    sourceVmCpuCount: 2,
    sourceVmRamSizeInMB: 4096,
    osType: item.osType,
    vhdName: sourceDiskName(item, 0),
    osDiskId: diskId(d, 0),
    azureVMDiskDetails: disks.map((i) => ({
      vhdType: null,
      vhdId: diskId(d, i),
      diskId: null,
      vhdName: null,
      maxSizeMB: null,
      targetDiskLocation: null,
      targetDiskName: `${sourceDiskName(item, i).replace(/[^A-Za-z0-9]/g, '')}-${item.friendlyName.replace(/-/g, '_')}`,
      lunId: null,
      diskEncryptionSetId: null,
    })),
    recoveryAzureVMName: item.friendlyName,
    recoveryAzureVMSize: 'Standard_D2s_v3',
    recoveryAzureStorageAccount: null,
    recoveryAzureLogStorageAccountId: `${d.rgId}/providers/Microsoft.Storage/storageAccounts/asrcachelogs`,
    vmNics: [
      {
        nicId: mac,
        replicaNicId: null,
        sourceNicArmId: null,
        vMNetworkName: 'vmxnet3 Ethernet Adapter',
        recoveryVMNetworkId: network,
        ipConfigs: [
          {
            name: null,
            isPrimary: true,
            subnetName: 'Subnet-1',
            staticIPAddress: null,
            ipAddressType: 'Dynamic',
            isSeletedForFailover: true,
            recoverySubnetName: 'default',
            recoveryStaticIPAddress: null,
            recoveryIPAddressType: 'Dynamic',
          },
        ],
        selectionType: 'SelectedByUser',
      },
    ],
    selectedRecoveryAzureNetworkId: network,
    // Recorded null once a test failover was cleaned up (V2ATFOJob.010). Assumed (not recorded): its network while it is active.
    selectedTfoAzureNetworkId: item.mutable.testFailover === 'Completed' ? (item.mutable.testNetworkId ?? null) : null,
    selectedSourceNicId: mac,
    discoveryType: 'vCenter',
    enableRdpOnTargetOption: 'Never',
    datastores: item.datastoreName ? [item.datastoreName] : [],
    targetVmId: `${d.rgId}/providers/Microsoft.Compute/virtualMachines/${item.friendlyName}`,
    recoveryAzureResourceGroupId: d.rgId,
    recoveryAvailabilitySetId: null,
    targetAvailabilityZone: null,
    targetProximityPlacementGroupId: null,
    useManagedDisks: 'true',
    licenseType: 'NotSpecified',
    sqlServerLicenseType: 'NotSpecified',
    validationErrors: [],
    lastRpoCalculatedTime: iso(now - MINUTE),
    lastUpdateReceivedTime: iso(now - MINUTE),
    replicaId: `${item.vmId}_replica_${item.container}`,
    osVersion: item.osVersion,
    // Recorded: a live InMageAzureV2 item names its seed disks here (V2ATestSwitchProtection.010).
    protectedManagedDisks:
      view === 'list'
        ? []
        : item.mutable.seedDisks.map((name, i) => ({
            diskId: diskId(d, i),
            seedManagedDiskId: seedDiskId(d.ctx.store, item, name),
            replicaDiskType: 'Standard_LRS',
            diskEncryptionSetId: null,
          })),
    lastRecoveryPointReceived: points[0] ? iso(points[0].time) : null,
    firmwareType: 'BIOS',
    azureVmGeneration: 'V1',
    isAdditionalStatsAvailable: false,
    totalDataTransferred: -1,
    totalProgressHealth: 'Completed',
    targetVmTags: {},
    seedManagedDiskTags: null,
    targetManagedDiskTags: null,
    targetNicTags: {},
  };
}

/**
 * InMage details with the keys recorded in V2ATestFailback.008 and V2ATestReprotect.010 (an Azure VM
 * replicating back to on-premises is discovered as "Physical").
 */
export function inMageDetails(d: DetailsInput): Record<string, unknown> {
  const { item, now, points, view } = d;
  const m = item.mutable;
  const state = itemStateView(m.provider, m.phase);
  const replicating = m.phase === 'Protected';
  const newest = points[0];
  return {
    instanceType: 'InMage',
    // Recorded: Azure while the VM runs in Azure and replicates back, OnPrem once failed back.
    activeSiteType: replicating ? 'Azure' : 'OnPrem',
    sourceVmCpuCount: 2,
    sourceVmRamSizeInMB: 4096,
    osDetails: { osType: item.osType, productType: null, osEdition: item.osVersion, oSVersion: null, oSMajorVersion: null, oSMinorVersion: null },
    protectionStage: 'DifferentialSync',
    vmId: item.vmId,
    // Recorded: the item's protection state (V2ATestReprotect.010 rec2021: UnplannedFailoverCommitted).
    vmProtectionState: state.protectionState,
    vmProtectionStateDescription: state.protectionStateDescription,
    resyncDetails: { initialReplicationType: 'InitialReplication', initialReplicationProgressPercentage: '100' },
    retentionWindowStart: points.length ? iso(points[points.length - 1].time) : null,
    retentionWindowEnd: newest ? iso(newest.time) : null,
    compressedDataRateInMB: 0.42,
    uncompressedDataRateInMB: 0.42,
    rpoInSeconds: replicating ? (rpo(d) ?? null) : null,
    protectedDisks: view === 'list' ? [] : Array.from({ length: item.diskCount }, (_, i) => protectedDisk(d, i)),
    ipAddress: item.ipAddress,
    lastHeartbeat: iso(now - 2 * MINUTE),
    processServerId: item.processServerId,
    masterTargetId: item.masterTargetId ?? null,
    consistencyPoints: Object.fromEntries(points.filter((p) => p.tag).map((p) => [p.tag as string, iso(p.time)])),
    diskResized: 'NotResized',
    rebootAfterUpdateStatus: null,
    ...multiVmGroup(d),
    agentDetails: { agentVersion: AGENT_VERSION, agentUpdateStatus: 'NotRequired', postUpdateRebootStatus: 'NotRequired', agentExpiryDate: NO_EXPIRY },
    vCenterInfrastructureId: null,
    infrastructureVmId: item.vmId,
    vmNics: [
      {
        nicId: macOf(item.vmId),
        replicaNicId: null,
        sourceNicArmId: null,
        vMNetworkName: 'Microsoft Hyper-V Network Adapter',
        recoveryVMNetworkId: null,
        ipConfigs: [
          {
            name: null,
            isPrimary: true,
            subnetName: 'Subnet-1',
            staticIPAddress: null,
            ipAddressType: 'Dynamic',
            isSeletedForFailover: true,
            recoverySubnetName: '',
            recoveryStaticIPAddress: '',
            recoveryIPAddressType: 'Dynamic',
          },
        ],
        selectionType: 'NotSelected',
      },
    ],
    discoveryType: 'Physical',
    // The cache/log storage account the Azure side used; reprotect to Azure reuses it.
    azureStorageAccountId: `${d.rgId}/providers/Microsoft.Storage/storageAccounts/asrcachelogs`,
    datastores: item.datastoreName ? [item.datastoreName] : [],
    validationErrors: [],
    lastRpoCalculatedTime: replicating ? iso(now - MINUTE) : null,
    lastUpdateReceivedTime: iso(now - MINUTE),
    replicaId: item.vmId,
    osVersion: item.osVersion,
    isAdditionalStatsAvailable: false,
    totalDataTransferred: -1,
    totalProgressHealth: 'Completed',
  };
}

/** See state/replication-group.ts. Recorded: multiVmSyncStatus "Enabled" on every classic item, alone or not. */
function multiVmGroup(d: DetailsInput): Record<string, unknown> {
  const group = classicGroup(d.item);
  const policy = d.ctx.store.policy(d.item.vaultKey, d.item.policy);
  return {
    multiVmGroupId: group.id,
    multiVmGroupName: group.name,
    multiVmSyncStatus: policy?.providerSpecificDetails['multiVmSyncStatus'] === 'Disabled' ? 'Disabled' : 'Enabled',
  };
}

function macOf(seed: string): string {
  const h = guidFrom(`${seed}/mac`).replace(/-/g, '');
  return `00:50:56:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`.toUpperCase();
}
