import type { HandlerContext } from '../http-types';
import { iso, NO_SCENARIO_TIME } from '../ids';
import { itemId, vaultIdOfKey } from '../state/item-view';
import { itemStateView } from '../state/item-states';
import type { ItemRecord, PlanRecord } from '../state/model';

export function planItems(hc: HandlerContext, plan: PlanRecord): ItemRecord[] {
  return plan.groups
    .flatMap((g) => g.items)
    .map((n) => hc.store.findItem(plan.vaultKey, n))
    .filter((i): i is ItemRecord => i !== undefined);
}

/** The RecoveryPlan resource; its allowed operations are those every member VM allows. */
export function planView(hc: HandlerContext, plan: PlanRecord): Record<string, unknown> {
  const vaultId = vaultIdOfKey(hc, plan.vaultKey);
  const items = planItems(hc, plan);
  const allowed = items.length
    ? items
        .map((i) => itemStateView(i.mutable.provider, i.mutable.phase, i.mutable.busy?.scenarioName).allowedOperations)
        .reduce((acc, ops) => acc.filter((o) => ops.includes(o)))
    : [];
  const primaryFabric = items[0] ? hc.store.fabric(plan.vaultKey, items[0].fabric) : undefined;
  let bootIndex = 0;
  return {
    id: `${vaultId}/replicationRecoveryPlans/${plan.name}`,
    name: plan.name,
    type: 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans',
    properties: {
      friendlyName: plan.friendlyName,
      primaryFabricId: primaryFabric ? `${vaultId}/replicationFabrics/${primaryFabric.name}` : undefined,
      primaryFabricFriendlyName: primaryFabric?.friendlyName,
      recoveryFabricId: `${vaultId}/replicationFabrics/Microsoft Azure`,
      recoveryFabricFriendlyName: 'Microsoft Azure',
      failoverDeploymentModel: 'ResourceManager',
      replicationProviders: [...new Set(items.map((i) => i.mutable.provider))],
      allowedOperations: plan.busy ? [] : allowed,
      lastPlannedFailoverTime: plan.lastPlannedFailoverTime !== undefined ? iso(plan.lastPlannedFailoverTime) : undefined,
      lastUnplannedFailoverTime: plan.lastUnplannedFailoverTime !== undefined ? iso(plan.lastUnplannedFailoverTime) : undefined,
      currentScenario: plan.busy
        ? { scenarioName: plan.busy.scenarioName, jobId: `${vaultId}/replicationJobs/${plan.busy.jobName}`, startTime: iso(plan.busy.startTime) }
        : { scenarioName: 'None', jobId: `${vaultId}/replicationJobs/None`, startTime: NO_SCENARIO_TIME },
      currentScenarioStatus: plan.busy ? 'InProgress' : 'Succeeded',
      currentScenarioStatusDescription: plan.busy ? 'In progress' : 'Completed',
      groups: plan.groups.map((g) => ({
        groupType: g.groupType,
        // Not an ARM field: ASR's portal shows boot groups as "Group 1", "Group 2", ...
        groupName: g.groupType === 'Boot' ? `Group ${++bootIndex}` : g.groupType,
        replicationProtectedItems: g.items
          .map((n) => hc.store.findItem(plan.vaultKey, n))
          .filter((i): i is ItemRecord => i !== undefined)
          .map((i) => ({ id: itemId(hc, i), virtualMachineId: i.vmId })),
        startGroupActions: [],
        endGroupActions: [],
      })),
      providerSpecificDetails: [],
    },
  };
}
