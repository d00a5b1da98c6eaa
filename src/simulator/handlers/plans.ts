import { asrError, ASR_ERROR_CODES, SimulatorHttpError } from '../errors';
import type { Handler, HandlerContext, SimRequest, SimResponse } from '../http-types';
import { ok } from '../http-types';
import type { Lane } from '../jobs/engine';
import { JOB_TEMPLATES, PLAN_PREREQUISITE, type JobAction } from '../jobs/templates';
import { accepted } from '../lro';
import { page } from '../paging';
import type { ReplicationProvider } from '../scenarios/types';
import { replicatesToAzure } from '../state/item-states';
import type { ItemRecord, PlanRecord } from '../state/model';
import type { RecoveryPointRecord } from '../state/recovery-points';
import { choosePlanPoints, ensureAllowed, protectedItemDetail, readPointChoice, type PointChoice } from './action-rules';
import { jsonBody, objectAt, stringAt, vaultKeyFromParams } from './common';
import { planItems, planView } from './plan-view';

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

function targetPlan(hc: HandlerContext, p: Record<string, string>): { plan: PlanRecord; items: ItemRecord[] } {
  const plan = hc.store.plan(vaultKeyFromParams(hc, p), p.plan);
  if (plan.busy) {
    throw asrError(409, {
      code: ASR_ERROR_CODES.operationInProgress,
      message: `The recovery plan '${plan.friendlyName}' is running the operation '${plan.busy.scenarioName}' (job ${plan.busy.jobName}).`,
      possibleCauses: 'Another operation is already running on this recovery plan.',
      recommendedAction: 'Wait until the running job completes (or cancel it), then retry.',
    });
  }
  const items = planItems(hc, plan);
  if (items.length === 0) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.operationNotAllowed,
      message: `The recovery plan '${plan.friendlyName}' has no replicated items.`,
      possibleCauses: 'All items of the plan were removed.',
      recommendedAction: 'Add replicated items to the plan, then retry.',
    });
  }
  return { plan, items };
}

/** One job for the plan: a plan prerequisite check, then each boot group with its VMs side by side. */
function startPlanJob(
  hc: HandlerContext,
  req: SimRequest,
  plan: PlanRecord,
  items: ItemRecord[],
  action: JobAction,
  input: Record<string, unknown>,
  points?: Map<string, RecoveryPointRecord>,
): SimResponse {
  const t = JOB_TEMPLATES[action];
  const stages: Lane[][] = [[{ tasks: [PLAN_PREREQUISITE] }]];
  for (const group of plan.groups) {
    const lanes = group.items.filter((n) => items.some((i) => i.name === n)).map((n) => ({ itemName: n, tasks: t.tasks }));
    if (lanes.length) {
      stages.push(lanes);
    }
  }
  const job = hc.engine.create({
    vaultKey: plan.vaultKey,
    scenarioName: t.scenarioName,
    friendlyName: t.friendlyName,
    action,
    items,
    planName: plan.name,
    stages,
    target: { id: plan.planId, name: plan.friendlyName, type: 'RecoveryPlan' },
    customDetails: {
      instanceType: 'FailoverJobDetails',
      affectedObjectDetails: { recoveryPlanName: plan.friendlyName, recoveryPlanId: plan.planId },
      protectedItemDetails: items.map((i) => protectedItemDetail(i, points?.get(i.name))),
    },
    input,
  });
  return accepted(hc, req, { id: job.name, vaultKey: plan.vaultKey, jobName: job.name, result: { kind: 'plan', planName: plan.name } });
}

function planProviderInput(props: Record<string, unknown>, instanceType: string): Record<string, unknown> | undefined {
  const list = props['providerSpecificDetails'];
  if (!Array.isArray(list)) {
    return undefined;
  }
  return list.find((d) => d && typeof d === 'object' && (d as Record<string, unknown>)['instanceType'] === instanceType) as Record<string, unknown> | undefined;
}

/**
 * A plan keeps the on-premises primary fabric it was created with, so failing back from Azure is
 * RecoveryToPrimary and failing over to Azure PrimaryToRecovery (the cmdlets build the InMage and
 * InMageRcmFailback plan inputs only for RecoveryToPrimary; scenario test Test-RPJobReverse).
 */
function requireDirection(props: Record<string, unknown>, plan: PlanRecord, provider: ReplicationProvider): void {
  const expected = replicatesToAzure(provider) ? 'PrimaryToRecovery' : 'RecoveryToPrimary';
  if (props['failoverDirection'] !== expected) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidFailoverDirection,
      message: `The failover direction '${String(props['failoverDirection'] ?? '(none)')}' is invalid for the recovery plan '${plan.friendlyName}'.`,
      possibleCauses:
        expected === 'RecoveryToPrimary'
          ? "The plan's primary fabric is on-premises and its VMs run in Azure: failing them back is the RecoveryToPrimary direction."
          : "The plan's primary fabric is on-premises and its VMs run there: failing them over to Azure is the PrimaryToRecovery direction.",
      recommendedAction: `Retry with failoverDirection '${expected}'.`,
    });
  }
}

/** Every VM of a plan operation is replicated by one provider; the plan input is that provider's. */
function planProvider(plan: PlanRecord, items: ItemRecord[]): ReplicationProvider {
  const providers = [...new Set(items.map((i) => i.mutable.provider))];
  if (providers.length !== 1) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidProviderInput,
      message: `The recovery plan '${plan.friendlyName}' holds VMs of several replication providers (${providers.join(', ')}).`,
      possibleCauses: 'A failover of a plan runs in one direction for VMs of one provider.',
      recommendedAction: 'Fail over the VMs of each provider separately.',
    });
  }
  return providers[0];
}

function requirePlanInput(plan: PlanRecord, props: Record<string, unknown>, instanceType: string): Record<string, unknown> {
  const details = planProviderInput(props, instanceType);
  if (!details) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidProviderInput,
      message: `The recovery plan '${plan.friendlyName}' needs a provider input of type '${instanceType}'.`,
      possibleCauses: `providerSpecificDetails holds no entry with instanceType '${instanceType}'.`,
      recommendedAction: "Send the provider-specific input that matches the replication provider of the plan's VMs.",
    });
  }
  return details;
}

/**
 * RecoveryPlanInMageAzureV2FailoverInput / RecoveryPlanInMageRcmFailoverInput point types, as the cmdlet
 * sends them. Assumed (not recorded): no plan failover to Azure is recorded; default LatestProcessed.
 */
function toAzurePoint(items: ItemRecord[], type: string | undefined): PointChoice {
  const t = type ?? 'LatestProcessed';
  readPointChoice(items[0], t, undefined, ['Latest', 'LatestApplicationConsistent', 'LatestCrashConsistent', 'LatestProcessed']);
  return t === 'LatestApplicationConsistent' ? { kind: 'app' } : { kind: 'latest' };
}

/**
 * Plan unplanned failover: classic failback (InMage VMs: RecoveryToPrimary, {instanceType: InMage,
 * recoveryPointType: LatestTime | LatestTag}) or failover to Azure (InMageAzureV2 / InMageRcm VMs:
 * PrimaryToRecovery, their plan inputs).
 */
export const planUnplannedFailover: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  items.forEach((i) => ensureAllowed(i, 'UnplannedFailover'));
  const provider = planProvider(plan, items);
  requireDirection(props, plan, provider);
  const details = requirePlanInput(plan, props, provider);
  const sync = stringAt(details, 'useMultiVmSyncPoint')?.toLowerCase() === 'true';
  const choice =
    provider === 'InMage'
      ? readPointChoice(items[0], stringAt(details, 'recoveryPointType'), undefined, ['LatestTime', 'LatestTag'])
      : toAzurePoint(items, stringAt(details, 'recoveryPointType'));
  const points = choosePlanPoints(hc, items, choice, provider === 'InMage' || sync);
  const action: JobAction = provider === 'InMage' ? 'unplannedFailover' : provider === 'InMageAzureV2' ? 'failoverToAzure' : 'failoverToAzureRcm';
  return startPlanJob(hc, req, plan, items, action, { points: Object.fromEntries([...points].map(([k, v]) => [k, v.name])) }, points);
};

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
  const sync = stringAt(details, 'useMultiVmSyncPoint')?.toLowerCase() === 'true';
  const points = choosePlanPoints(hc, items, choice, sync);
  const now = hc.clock.now();
  items.forEach((i) => (i.mutable.lastPlannedFailoverStartTime = now));
  return startPlanJob(hc, req, plan, items, 'plannedFailover', { points: Object.fromEntries([...points].map(([k, v]) => [k, v.name])) }, points);
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
