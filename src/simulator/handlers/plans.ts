import { asrError, ASR_ERROR_CODES } from '../errors';
import type { Handler, HandlerContext, SimRequest, SimResponse } from '../http-types';
import { ok } from '../http-types';
import type { Lane } from '../jobs/engine';
import { JOB_TEMPLATES, PLAN_PREREQUISITE, type JobAction } from '../jobs/templates';
import { accepted } from '../lro';
import { page } from '../paging';
import type { ItemRecord, PlanRecord } from '../state/model';
import type { RecoveryPointRecord } from '../state/recovery-points';
import {
  choosePlanPoints, defaultReprotect, ensureAllowed, ensureInstanceType,
  protectedItemDetail, readPointChoice, type ReprotectTarget,
} from './action-rules';
import { jsonBody, objectAt, stringAt, vaultKeyFromParams } from './common';
import { planItems, planView } from './plan-view';

export const listPlans: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(page(req, (hc.store.plans.get(vk) ?? []).map((pl) => planView(hc, pl)), hc.config.pageSize));
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
function startPlanJob(hc: HandlerContext, req: SimRequest, plan: PlanRecord, items: ItemRecord[], action: JobAction,
  input: Record<string, unknown>, points?: Map<string, RecoveryPointRecord>): SimResponse {
  const t = JOB_TEMPLATES[action];
  const stages: Lane[][] = [[{ tasks: [PLAN_PREREQUISITE] }]];
  for (const group of plan.groups) {
    const lanes = group.items
      .filter((n) => items.some((i) => i.name === n))
      .map((n) => ({ itemName: n, tasks: t.tasks }));
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
      protectedItemDetails: items.map((i) => protectedItemDetail(hc, i, points?.get(i.name))),
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
  return list.find((d) => d && typeof d === 'object' && (d as Record<string, unknown>)['instanceType'] === instanceType) as
    | Record<string, unknown>
    | undefined;
}

function requireDirection(props: Record<string, unknown>, plan: PlanRecord): void {
  if (props['failoverDirection'] !== 'PrimaryToRecovery') {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidFailoverDirection,
      message: `The failover direction '${String(props['failoverDirection'] ?? '(none)')}' is invalid for the recovery plan '${plan.friendlyName}'.`,
      possibleCauses: 'failoverDirection is required; failback from Azure runs in the PrimaryToRecovery direction.',
      recommendedAction: "Retry with failoverDirection 'PrimaryToRecovery'.",
    });
  }
}

/** Classic plan failback: every VM must be an InMage item that allows UnplannedFailover. */
export const planUnplannedFailover: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  requireDirection(props, plan);
  items.forEach((i) => ensureAllowed(i, 'UnplannedFailover'));
  const details = planProviderInput(props, 'InMage') ?? { instanceType: 'InMage', recoveryPointType: 'LatestTime' };
  items.forEach((i) => ensureInstanceType(i, i.mutable.provider === 'InMage' ? details : undefined, ['InMage']));
  const choice = readPointChoice(items[0], stringAt(details, 'recoveryPointType'), undefined, ['LatestTime', 'LatestTag']);
  const points = choosePlanPoints(hc, items, choice);
  return startPlanJob(hc, req, plan, items, 'unplannedFailover', { points: Object.fromEntries([...points].map(([k, v]) => [k, v.name])) }, points);
};

/** Modernized plan failback: every VM must be an InMageRcmFailback item that allows PlannedFailover. */
export const planPlannedFailover: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  requireDirection(props, plan);
  items.forEach((i) => ensureAllowed(i, 'PlannedFailover'));
  const details = planProviderInput(props, 'InMageRcmFailback');
  items.forEach((i) => ensureInstanceType(i, details, ['InMageRcmFailback']));
  const choice = readPointChoice(items[0], stringAt(details, 'recoveryPointType'), undefined, ['CrashConsistent', 'ApplicationConsistent']);
  const points = choosePlanPoints(hc, items, choice);
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

/** Plan reprotect has no input: each VM reuses its own process server / master target / policy. */
export const planReprotect: Handler = (hc, p, req) => {
  const { plan, items } = targetPlan(hc, p);
  jsonBody(req);
  items.forEach((i) => ensureAllowed(i, 'SwitchProtection'));
  const targets: Record<string, ReprotectTarget> = Object.fromEntries(items.map((i) => [i.name, defaultReprotect(hc, i)]));
  return startPlanJob(hc, req, plan, items, 'reprotect', { reprotect: targets });
};

