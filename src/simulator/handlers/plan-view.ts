import type { HandlerContext } from '../http-types';
import { iso } from '../ids';
import { itemAllowedOperations, itemId, itemTargetId, vaultIdOfKey } from '../state/item-view';
import type { ItemRecord, PlanRecord } from '../state/model';

export function planItems(hc: HandlerContext, plan: PlanRecord): ItemRecord[] {
  return plan.groups
    .flatMap((g) => g.items)
    .map((n) => hc.store.findItem(plan.vaultKey, n))
    .filter((i): i is ItemRecord => i !== undefined);
}

/**
 * Operations of a single VM only: a plan of Protected InMageRcm VMs offers [UnplannedFailover,
 * TestFailover] without their DisableProtection (TestV2ARCMRecoveryPlan.016).
 * Assumed (not recorded): CompleteMigration and ChangePit are item-only too.
 */
const ITEM_ONLY = new Set(['DisableProtection', 'CompleteMigration', 'ChangePit', 'RepairReplication']);

/** The RecoveryPlan resource; its allowed operations are those every member VM allows. */
export function planView(hc: HandlerContext, plan: PlanRecord): Record<string, unknown> {
  const vaultId = vaultIdOfKey(hc, plan.vaultKey);
  const items = planItems(hc, plan);
  const allowed = items.length ? items.map((i) => itemAllowedOperations(i).filter((o) => !ITEM_ONLY.has(o))).reduce((acc, ops) => acc.filter((o) => ops.includes(o))) : [];
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
      // Recorded as the bare name (TestV2ARCMRecoveryPlan.016).
      recoveryFabricId: 'Microsoft Azure',
      recoveryFabricFriendlyName: 'Microsoft Azure',
      failoverDeploymentModel: 'ResourceManager',
      replicationProviders: [...new Set(items.map((i) => i.mutable.provider))],
      allowedOperations: plan.busy ? [] : allowed,
      lastPlannedFailoverTime: plan.lastPlannedFailoverTime !== undefined ? iso(plan.lastPlannedFailoverTime) : undefined,
      lastUnplannedFailoverTime: plan.lastUnplannedFailoverTime !== undefined ? iso(plan.lastUnplannedFailoverTime) : undefined,
      lastTestFailoverTime: plan.lastTestFailoverTime !== undefined ? iso(plan.lastTestFailoverTime) : undefined,
      // Recorded: null with nothing running (TestV2ARCMRecoveryPlan.016). Assumed (not recorded): the running job's scenario.
      currentScenario: plan.busy ? { scenarioName: plan.busy.scenarioName, jobId: `${vaultId}/replicationJobs/${plan.busy.jobName}`, startTime: iso(plan.busy.startTime) } : null,
      currentScenarioStatus: plan.busy ? 'InProgress' : null,
      currentScenarioStatusDescription: plan.busy ? 'In progress' : null,
      groups: plan.groups.map((g) => ({
        groupType: g.groupType,
        // Not an ARM field: ASR's portal shows boot groups as "Group 1", "Group 2", ...
        groupName: g.groupType === 'Boot' ? `Group ${++bootIndex}` : g.groupType,
        replicationProtectedItems: g.items
          .map((n) => hc.store.findItem(plan.vaultKey, n))
          .filter((i): i is ItemRecord => i !== undefined)
          // Recorded: a modernized VM is named by its internalIdentifier (TestV2ARCMRecoveryPlan.013).
          .map((i) => ({ id: itemId(hc, i), virtualMachineId: itemTargetId(i) })),
        startGroupActions: [],
        endGroupActions: [],
      })),
      providerSpecificDetails: [],
    },
  };
}
