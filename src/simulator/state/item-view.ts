import type { SimContext } from '../context';
import { iso, MINUTE, NO_SCENARIO_TIME, vaultArmId, guidFrom } from '../ids';
import type { ItemRecord } from './model';
import { itemStateView } from './item-states';
import { recoveryPointsOf } from './recovery-points';
import { providerDetails } from './provider-details';
import { agentRegisteredAt } from './agent';

const ITEM_TYPE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems';

export function vaultIdOfKey(ctx: SimContext, vaultKey: string): string {
  const v = ctx.store.vaults.get(vaultKey);
  return v ? vaultArmId(v.subscriptionId, v.resourceGroup, v.name, true) : '';
}

export function itemId(ctx: SimContext, item: ItemRecord): string {
  return `${vaultIdOfKey(ctx, item.vaultKey)}/replicationFabrics/${item.fabric}/replicationProtectionContainers/${item.container}/replicationProtectedItems/${item.name}`;
}

/** The ReplicationProtectedItem resource as ASR returns it. */
export function itemView(ctx: SimContext, item: ItemRecord): Record<string, unknown> {
  const now = ctx.clock.now();
  const m = item.mutable;
  const vaultId = vaultIdOfKey(ctx, item.vaultKey);
  const state = itemStateView(m.provider, m.phase, m.busy?.scenarioName);
  const fabric = ctx.store.fabric(item.vaultKey, item.fabric);
  const container = fabric.containers.find((c) => c.name === item.container);
  const policy = ctx.store.policy(item.vaultKey, item.policy);
  const points = recoveryPointsOf(item, now);
  const modernized = m.provider === 'InMageRcm' || m.provider === 'InMageRcmFailback';
  const healthErrors = healthErrorsOf(item, points.length, now);
  const id = itemId(ctx, item);
  return {
    id,
    name: item.name,
    type: ITEM_TYPE,
    properties: {
      friendlyName: item.friendlyName,
      protectedItemType: 'VMwareVirtualMachine',
      protectableItemId: `${vaultId}/replicationFabrics/${item.fabric}/replicationProtectionContainers/${item.container}/replicationProtectableItems/${item.vmId}`,
      recoveryServicesProviderId: `${vaultId}/replicationFabrics/${item.fabric}/replicationRecoveryServicesProviders/${guidFrom(item.fabric)}`,
      primaryFabricFriendlyName: fabric.friendlyName,
      primaryFabricProvider: modernized ? 'InMageRcmFabric' : 'InMageFabric',
      recoveryFabricFriendlyName: 'Microsoft Azure',
      recoveryFabricId: `${vaultId}/replicationFabrics/Microsoft Azure`,
      primaryProtectionContainerFriendlyName: container?.friendlyName ?? item.container,
      recoveryProtectionContainerFriendlyName: 'Microsoft Azure',
      protectionState: state.protectionState,
      protectionStateDescription: state.protectionStateDescription,
      activeLocation: state.activeLocation,
      testFailoverState: 'None',
      testFailoverStateDescription: 'None',
      allowedOperations: state.allowedOperations,
      replicationHealth: healthErrors.some((e) => e.errorLevel === 'Error') ? 'Critical' : healthErrors.length ? 'Warning' : 'Normal',
      failoverHealth: points.length ? 'Normal' : 'Critical',
      healthErrors,
      policyId: `${vaultId}/replicationPolicies/${item.policy}`,
      policyFriendlyName: policy?.friendlyName ?? item.policy,
      lastSuccessfulFailoverTime: m.lastSuccessfulFailoverTime !== undefined ? iso(m.lastSuccessfulFailoverTime) : undefined,
      // ASR sends the field with null when no test failover ran.
      lastSuccessfulTestFailoverTime: null,
      currentScenario: m.busy
        ? { scenarioName: m.busy.scenarioName, jobId: `${vaultId}/replicationJobs/${m.busy.jobName}`, startTime: iso(m.busy.startTime) }
        : { scenarioName: 'None', jobId: `${vaultId}/replicationJobs/None`, startTime: NO_SCENARIO_TIME },
      failoverRecoveryPointId: m.failoverRecoveryPointId ? `${id}/recoveryPoints/${m.failoverRecoveryPointId}` : undefined,
      providerSpecificDetails: providerDetails(ctx, item, points, now),
      recoveryContainerId: `${vaultId}/replicationFabrics/Microsoft Azure/replicationProtectionContainers/Microsoft Azure`,
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

function agentTime(ctx: SimContext, item: ItemRecord): string | undefined {
  const at = agentRegisteredAt(ctx, item);
  return at !== undefined && ctx.clock.now() >= at ? iso(at) : undefined;
}

function healthErrorsOf(item: ItemRecord, pointCount: number, now: number): Record<string, unknown>[] {
  const errors: Record<string, unknown>[] = [];
  const replicating = item.mutable.phase === 'Protected' && !item.mutable.busy;
  if (replicating && pointCount === 0) {
    errors.push(healthError(item, '325092', 'Warning', 'No app-consistent recovery point available',
      'No recovery point has been generated for the virtual machine yet.',
      'Replication may not have produced its first point, or data upload is stalled.',
      'Check the process server health and the network connectivity of the virtual machine.', now));
  }
  return errors;
}

function healthError(item: ItemRecord, code: string, level: string, summary: string, message: string,
  causes: string, action: string, now: number): Record<string, unknown> {
  return {
    innerHealthErrors: [],
    errorSource: item.friendlyName,
    errorType: '0',
    errorLevel: level,
    errorCategory: 'Replication',
    errorCode: code,
    summaryMessage: summary,
    errorMessage: message,
    possibleCauses: causes,
    recommendedAction: action,
    creationTimeUtc: iso(now - 5 * MINUTE),
    recoveryProviderErrorMessage: '',
    entityId: item.vmId,
    errorId: guidFrom(`${item.vmId}/${code}`),
    customerResolvability: 'Allowed',
  };
}
