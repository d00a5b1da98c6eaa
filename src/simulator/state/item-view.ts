import type { SimContext } from '../context';
import { guidFrom, iso, NO_SCENARIO_TIME, vaultArmId } from '../ids';
import type { FabricData } from '../scenarios/types';
import type { ItemRecord } from './model';
import { isModernized, itemStateView, replicatesToAzure } from './item-states';
import { recoveryPointsOf } from './recovery-points';
import { providerDetails } from './provider-details';
import { agentRegisteredAt } from './agent';
import { healthErrorsOf, healthOf } from './health-errors';

const ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems';

/** Azure's own fabric and container ids in job details, the same in every recorded vault (TestV2ARCMCommit.014, V2ATFOJob.013). */
export const AZURE_VMM_ID = '21a9403c-6ec1-44f2-b744-b4e50b792387';
export const AZURE_CLOUD_ID = 'd38048d4-b460-4791-8ece-108395ee8478';

export function vaultIdOfKey(ctx: SimContext, vaultKey: string): string {
  const v = ctx.store.vaults.get(vaultKey);
  return v ? vaultArmId(v.subscriptionId, v.resourceGroup, v.name, true) : '';
}

export function itemId(ctx: SimContext, item: ItemRecord): string {
  return `${vaultIdOfKey(ctx, item.vaultKey)}/replicationFabrics/${item.fabric}/replicationProtectionContainers/${item.container}/replicationProtectedItems/${item.name}`;
}

/**
 * The id jobs and recovery plans name a VM by: a modernized item's `internalIdentifier`
 * (TestV2ARCMFailback.013, TestV2ARCMRecoveryPlan.013), a classic item's VM id (V2ATFOJob.013).
 */
export function itemTargetId(item: ItemRecord): string {
  return isModernized(item.mutable.provider) ? item.mutable.internalId : item.vmId;
}

export function fabricInternalId(fabric: FabricData): string {
  return fabric.internalIdentifier ?? guidFrom(`fabric/${fabric.name}`);
}

/** The vault's Azure fabric and its container (recoveryContainerId of items replicating to Azure). */
export function azureFabricOf(ctx: SimContext, vaultKey: string): { fabric: string; container: string } {
  const azure = (ctx.store.fabrics.get(vaultKey) ?? []).find((f) => f.customDetails['instanceType'] === 'Azure');
  return { fabric: azure?.name ?? 'Microsoft Azure', container: azure?.containers[0]?.name ?? AZURE_CLOUD_ID };
}

/**
 * The ReplicationProtectedItem resource as ASR returns it. A list answers with empty
 * `protectedDisks` / `vmNics` / `protectedManagedDisks`; only a GET of the item fills them, as every
 * recorded list shows (TestV2ARCMFailback.010 against .011, V2ATestSwitchProtection.008 against .010).
 */
export function itemView(ctx: SimContext, item: ItemRecord, view: 'get' | 'list' = 'get'): Record<string, unknown> {
  const now = ctx.clock.now();
  const m = item.mutable;
  const vaultId = vaultIdOfKey(ctx, item.vaultKey);
  const state = itemStateView(m.provider, m.phase, m.busy?.scenarioName);
  const fabric = ctx.store.fabric(item.vaultKey, item.fabric);
  const container = fabric.containers.find((c) => c.name === item.container);
  const policy = ctx.store.policy(item.vaultKey, item.policy);
  const points = recoveryPointsOf(item, now);
  const modernized = isModernized(m.provider);
  const healthErrors = healthErrorsOf(item, itemTargetId(item), points.length, now);
  const id = itemId(ctx, item);
  const fabricId = `${vaultId}/replicationFabrics/${item.fabric}`;
  const toAzure = replicatesToAzure(m.provider);
  const azure = azureFabricOf(ctx, item.vaultKey);
  // Replicating back to on-premises, the recovery side is the VMware fabric itself (TestV2ARCM540Reprotect.014).
  const recovery = toAzure
    ? {
        fabricName: 'Microsoft Azure',
        fabricId: 'Microsoft Azure',
        containerName: 'Microsoft Azure',
        containerId: `${vaultId}/replicationFabrics/${azure.fabric}/replicationProtectionContainers/${azure.container}`,
      }
    : {
        fabricName: fabric.friendlyName,
        fabricId,
        containerName: container?.friendlyName ?? item.container,
        containerId: `${fabricId}/replicationProtectionContainers/${item.container}`,
      };
  const testFailover = TEST_FAILOVER_STATES[m.testFailover];
  const appliance = typeof item.processServerId === 'string' ? item.processServerId : fabricInternalId(fabric);
  return {
    id,
    name: item.name,
    type: ITEM_TYPE,
    properties: {
      friendlyName: item.friendlyName,
      protectedItemType: '',
      protectableItemId: modernized ? null : `${fabricId}/replicationProtectionContainers/${item.container}/replicationProtectableItems/${item.vmId}`,
      // Recorded: the appliance's id (modernized), the configuration server's fabric id (classic).
      recoveryServicesProviderId: `${fabricId}/replicationRecoveryServicesProviders/${modernized ? appliance : fabricInternalId(fabric)}`,
      primaryFabricFriendlyName: fabric.friendlyName,
      primaryFabricProvider: modernized ? 'InMageRcmFabric' : 'InMageFabric',
      recoveryFabricFriendlyName: recovery.fabricName,
      recoveryFabricId: recovery.fabricId,
      primaryProtectionContainerFriendlyName: container?.friendlyName ?? item.container,
      recoveryProtectionContainerFriendlyName: recovery.containerName,
      protectionState: state.protectionState,
      protectionStateDescription: state.protectionStateDescription,
      activeLocation: state.activeLocation,
      testFailoverState: testFailover[0],
      testFailoverStateDescription: testFailover[1],
      allowedOperations: itemAllowedOperations(item),
      replicationHealth: healthOf(healthErrors.filter((e) => e.errorCategory !== 'TestFailover')),
      // Recorded: Warning with the test failover warning 161011 (TestV2ARCMTestFailover.011), Normal otherwise.
      // Assumed (not recorded): Critical for a replicating VM without any point.
      failoverHealth: m.phase === 'Protected' && points.length === 0 ? 'Critical' : healthOf(healthErrors.filter((e) => e.errorCategory === 'TestFailover')),
      healthErrors,
      policyId: `${vaultId}/replicationPolicies/${item.policy}`,
      policyFriendlyName: policy?.friendlyName ?? item.policy,
      lastSuccessfulFailoverTime: m.lastSuccessfulFailoverTime !== undefined ? iso(m.lastSuccessfulFailoverTime) : undefined,
      // The REST examples send null when no test failover ran.
      lastSuccessfulTestFailoverTime: m.lastSuccessfulTestFailoverTime !== undefined ? iso(m.lastSuccessfulTestFailoverTime) : null,
      currentScenario: m.busy
        ? { scenarioName: m.busy.scenarioName, jobId: `${vaultId}/replicationJobs/${m.busy.jobName}`, startTime: iso(m.busy.startTime) }
        : { scenarioName: 'None', jobId: `${vaultId}/replicationJobs/None`, startTime: NO_SCENARIO_TIME },
      // Recorded: "" on an item replicating back with no failover point (V2ATestFailback.008, TestV2ARCMFailback.011), null on others.
      failoverRecoveryPointId: m.failoverRecoveryPointId ? `${id}/recoveryPoints/${m.failoverRecoveryPointId}` : toAzure ? null : '',
      providerSpecificDetails: providerDetails(ctx, item, points, now, view),
      recoveryContainerId: recovery.containerId,
      eventCorrelationId: guidFrom(`${item.vmId}/events`),
      // Not an ARM field: the simulator's view of the two VMs, so practice mode can show power states.
      simulatorDetails: {
        azureVmPowerState: m.azureVmPowerState,
        onPremisesVmPowerState: m.onPremVmPowerState,
        vmwareToolsEnabled: item.osType === 'Windows' ? m.vmwareToolsEnabled : undefined,
        agentRegisteredTime: agentTime(ctx, item),
        recoveryResourceGroupId: `/subscriptions/${ctx.store.vaults.get(item.vaultKey)?.subscriptionId}/resourceGroups/${item.recoveryResourceGroup}`,
      },
    },
  };
}

/**
 * testFailoverState: "MarkedForDeletion" / "Cleaning up test environment" is what items report
 * after a test failover was cleaned up (V2ATFOJob.010, TestV2ARCMReprotect.013).
 */
// Assumed (not recorded): the state between a test failover and its cleanup.
const TEST_FAILOVER_STATES: Record<ItemRecord['mutable']['testFailover'], [string, string]> = {
  None: ['None', 'None'],
  Completed: ['TestFailoverCompleted', 'Test failover completed'],
  CleanedUp: ['MarkedForDeletion', 'Cleaning up test environment'],
};

/** Assumed (not recorded): while a test failover awaits cleanup, only the cleanup (and disable) is offered. */
function testFailoverOperations(ops: string[], tfo: ItemRecord['mutable']['testFailover'], busy: boolean): string[] {
  return tfo === 'Completed' && !busy ? ['TestFailoverCleanup', 'DisableProtection'] : ops;
}

/** The item's allowedOperations right now (state, running job, pending test failover cleanup). */
export function itemAllowedOperations(item: ItemRecord): string[] {
  const m = item.mutable;
  return testFailoverOperations(itemStateView(m.provider, m.phase, m.busy?.scenarioName).allowedOperations, m.testFailover, m.busy !== undefined);
}

function agentTime(ctx: SimContext, item: ItemRecord): string | undefined {
  const at = agentRegisteredAt(ctx, item);
  return at !== undefined && ctx.clock.now() >= at ? iso(at) : undefined;
}
