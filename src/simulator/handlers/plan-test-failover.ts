import type { Handler } from '../http-types';
import { choosePlanPoints, ensureAllowed, protectedItemDetail } from './action-rules';
import { jsonBody, objectAt } from './common';
import { multiVmSync, planAffectedObject, planProvider, pointInput, requireDirection, requirePlanInput, startPlanJob, targetPlan, toAzurePoint } from './plan-rules';
import { cleanupComments, testFailoverJobDetails } from './test-failover';
import { requireTestNetwork } from './towards-azure-rules';

/**
 * POST .../replicationRecoveryPlans/{plan}/testFailover — the plan's VMs replicating to Azure
 * (InMageAzureV2 / InMageRcm) each get a test VM, in one plan job whose lanes are the item test
 * failover's tasks. Body as Start-AzRecoveryServicesAsrTestFailoverJob sends it for a plan:
 * `{failoverDirection: PrimaryToRecovery, networkType: VmNetworkAsInput, networkId,
 * providerSpecificDetails: [{instanceType: InMageAzureV2, recoveryPointType}]}` (classic) or
 * `[{instanceType: InMageRcm, recoveryPointType, useMultiVmSyncPoint: "True" | "False"}]` (modernized).
 * Assumed (not recorded): no plan test failover is recorded; its job reports TestFailoverJobDetails
 * like the item's, with every VM's test VM.
 */
export const planTestFailover: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  items.forEach((i) => ensureAllowed(i, 'TestFailover'));
  const provider = planProvider(plan, items);
  requireDirection(props, plan, provider);
  const details = requirePlanInput(plan, props, provider);
  const network = requireTestNetwork(hc, plan.vaultKey, `the recovery plan '${plan.friendlyName}'`, props);
  const points = choosePlanPoints(hc, items, toAzurePoint(plan, provider, details), multiVmSync(plan, provider, details));
  const customDetails = testFailoverJobDetails(
    { network },
    items.map((i) => protectedItemDetail(i, points.get(i.name), true)),
    planAffectedObject(plan),
  );
  const input = { points: pointInput(points), network: Object.fromEntries(items.map((i) => [i.name, network])) };
  return startPlanJob(hc, req, plan, items, 'testFailover', input, { points, customDetails });
};

/** POST .../replicationRecoveryPlans/{plan}/testFailoverCleanup — `{comments}`: deletes every test VM of the plan. */
export const planTestFailoverCleanup: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  items.forEach((i) => ensureAllowed(i, 'TestFailoverCleanup'));
  const customDetails = testFailoverJobDetails({ comments: cleanupComments(props) }, [], planAffectedObject(plan));
  return startPlanJob(hc, req, plan, items, 'testFailoverCleanup', {}, { customDetails });
};
