import { SimulatorHttpError } from '../errors';
import type { Handler } from '../http-types';
import { ok } from '../http-types';
import type { JobAction } from '../jobs/templates';
import { page } from '../paging';
import { choosePlanPoints, ensureAllowed, readPointChoice } from './action-rules';
import { badInput, jsonBody, objectAt, stringAt, vaultKeyFromParams } from './common';
import { multiVmSync, planProvider, pointInput, requireDirection, requirePlanInput, startPlanJob, targetPlan, toAzurePoint } from './plan-rules';
import { planView } from './plan-view';

export const listPlans: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(
    page(
      req,
      (hc.store.plans.get(vk) ?? []).map((pl) => planView(hc, pl)),
      hc.config.pageSize,
    ),
  );
};

export const getPlan: Handler = (hc, p) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(planView(hc, hc.store.plan(vk, p.plan)));
};

/**
 * Plan unplanned failover: classic failback (InMage VMs: RecoveryToPrimary, {instanceType: InMage,
 * recoveryPointType: LatestTime | LatestTag}) or failover to Azure (InMageAzureV2 / InMageRcm VMs:
 * PrimaryToRecovery, sourceSiteOperations, [{instanceType, recoveryPointType, useMultiVmSyncPoint?}]
 * as Start-AzRecoveryServicesAsrUnplannedFailoverJob sends them). Towards Azure, the on-premises VMs
 * are shut down first only with sourceSiteOperations "Required", as the item failover does.
 */
export const planUnplannedFailover: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  items.forEach((i) => ensureAllowed(i, 'UnplannedFailover'));
  const provider = planProvider(plan, items);
  requireDirection(props, plan, provider);
  const details = requirePlanInput(plan, props, provider);
  const sourceSide = readSourceSiteOperations(plan.friendlyName, props);
  const choice =
    provider === 'InMage' ? readPointChoice(items[0], stringAt(details, 'recoveryPointType'), undefined, ['LatestTime', 'LatestTag']) : toAzurePoint(plan, provider, details);
  const points = choosePlanPoints(hc, items, choice, multiVmSync(plan, provider, details));
  if (provider === 'InMage') {
    return startPlanJob(hc, req, plan, items, 'unplannedFailover', { points: pointInput(points) }, { points });
  }
  const action: JobAction = provider === 'InMageAzureV2' ? 'failoverToAzure' : 'failoverToAzureRcm';
  const skip = sourceSide === 'Required' ? [] : provider === 'InMageAzureV2' ? ['VmShutdownVmOnPrimary', 'VmPrepareForUnPlannedFailover'] : ['VmShutdownVmOnPrimary'];
  return startPlanJob(hc, req, plan, items, action, { points: pointInput(points) }, { points, skip });
};

/** Assumed (not recorded): a value other than Required / NotRequired is refused; none means NotRequired. */
function readSourceSiteOperations(planName: string, props: Record<string, unknown>): 'Required' | 'NotRequired' {
  const v = props['sourceSiteOperations'];
  if (v === undefined || v === null || v === 'NotRequired') {
    return 'NotRequired';
  }
  if (v !== 'Required') {
    throw badInput(
      `sourceSiteOperations '${String(v)}' is invalid for the recovery plan '${planName}'.`,
      "sourceSiteOperations is 'Required' (shut down the source VMs first) or 'NotRequired'.",
      'Retry with one of the two values.',
    );
  }
  return 'Required';
}

/**
 * Modernized plan failback: InMageRcmFailback VMs, RecoveryToPrimary, {instanceType: InMageRcmFailback,
 * recoveryPointType, useMultiVmSyncPoint} as the cmdlet sends it. With useMultiVmSyncPoint "True" an
 * ApplicationConsistent failover takes each replication group's common point.
 */
export const planPlannedFailover: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  items.forEach((i) => ensureAllowed(i, 'PlannedFailover'));
  requireDirection(props, plan, planProvider(plan, items));
  const details = requirePlanInput(plan, props, 'InMageRcmFailback');
  const choice = readPointChoice(items[0], stringAt(details, 'recoveryPointType'), undefined, ['CrashConsistent', 'ApplicationConsistent']);
  // Assumed (not recorded): without useMultiVmSyncPoint each VM takes its own latest point.
  const points = choosePlanPoints(hc, items, choice, multiVmSync(plan, 'InMageRcmFailback', details));
  const now = hc.clock.now();
  items.forEach((i) => (i.mutable.lastPlannedFailoverStartTime = now));
  return startPlanJob(hc, req, plan, items, 'plannedFailover', { points: pointInput(points) }, { points });
};

export const planFailoverCommit: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  jsonBody(req);
  items.forEach((i) => ensureAllowed(i, 'Commit'));
  return startPlanJob(hc, req, plan, items, 'commit', {});
};

export const planFailoverCancel: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  jsonBody(req);
  items.forEach((i) => ensureAllowed(i, 'CancelFailover'));
  return startPlanJob(hc, req, plan, items, 'cancelFailover', {});
};

const VMWARE_PROVIDERS = new Set(['InMageAzureV2', 'InMage', 'InMageRcm', 'InMageRcmFailback']);

/**
 * Plan reprotect: the cmdlet refuses it for every VMware provider ("Unsupported replication provider
 * {0} for reprotect", SetRPReprotect); VMs of such plans are reprotected one by one.
 * Assumed (not recorded): the service refuses it the same way, as an ARM error.
 */
export const planReprotect: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  jsonBody(req);
  const provider = items.map((i) => i.mutable.provider).find((pr) => VMWARE_PROVIDERS.has(pr)) ?? items[0].mutable.provider;
  throw new SimulatorHttpError(400, 'UnsupportedReplicationProviderForReprotect', `Unsupported replication provider ${provider} for reprotect`, {
    possibleCauses: `The recovery plan '${plan.friendlyName}' holds VMware virtual machines (${provider}); their plans can't be reprotected as a whole.`,
    recommendedAction: 'Reprotect each virtual machine of the plan (replicationProtectedItems/{name}/reProtect).',
  });
};
