import { asrError, ASR_ERROR_CODES } from '../errors';
import type { Handler, HandlerContext, SimRequest, SimResponse } from '../http-types';
import { JOB_TEMPLATES, type JobAction } from '../jobs/templates';
import { accepted } from '../lro';
import { itemTargetId } from '../state/item-view';
import type { ItemRecord } from '../state/model';
import type { RecoveryPointRecord } from '../state/recovery-points';
import { affectedObjectDetails, choosePoint, ensureAllowed, ensureDirection, ensureInstanceType, protectedItemDetail, readPointChoice, type PointChoice } from './action-rules';
import { badInput, jsonBody, objectAt, stringAt, vaultKeyFromParams } from './common';
import { validateReprotect } from './reprotect-rules';
import { ensureNotInReplicationGroup } from './towards-azure-rules';

export function startItemJob(
  hc: HandlerContext,
  req: SimRequest,
  item: ItemRecord,
  action: JobAction,
  input: Record<string, unknown>,
  customDetails: Record<string, unknown>,
  skip?: string[],
): SimResponse {
  const t = JOB_TEMPLATES[action];
  const job = hc.engine.create({
    vaultKey: item.vaultKey,
    scenarioName: t.scenarioName,
    friendlyName: t.friendlyName,
    action,
    items: [item],
    stages: [[{ itemName: item.name, tasks: t.tasks }]],
    target: { id: itemTargetId(item), name: item.friendlyName, type: 'ProtectionEntity' },
    customDetails,
    input,
    skip,
  });
  return accepted(hc, req, {
    id: job.name,
    vaultKey: item.vaultKey,
    jobName: job.name,
    result: action === 'disableProtection' ? { kind: 'none' } : { kind: 'item', itemName: item.name },
  });
}

export function target(hc: HandlerContext, p: Record<string, string>): ItemRecord {
  return hc.store.item(vaultKeyFromParams(hc, p), p.fabric, p.container, p.item);
}

/**
 * FailoverJobDetails: the recorded classic failover to Azure lists its VM (V2AFailoverJob.294), the
 * failback and modernized failovers list none (V2ATestFailback.605, TestV2ARCMFailover.1121).
 */
function failoverDetails(hc: HandlerContext, item: ItemRecord, rp?: RecoveryPointRecord): Record<string, unknown> {
  return {
    instanceType: 'FailoverJobDetails',
    protectedItemDetails: item.mutable.provider === 'InMageAzureV2' ? [protectedItemDetail(item, rp)] : [],
    affectedObjectDetails: affectedObjectDetails(hc, item),
  };
}

/** Commit and cancel report AsrJobDetails (TestV2ARCMCommit.014, TestV2ARCMCancelFailover.013). */
function asrJobDetails(hc: HandlerContext, item: ItemRecord): Record<string, unknown> {
  return { instanceType: 'AsrJobDetails', affectedObjectDetails: affectedObjectDetails(hc, item) };
}

export function notSimulated(item: ItemRecord, operation: string): Error {
  return asrError(400, {
    code: ASR_ERROR_CODES.operationNotAllowed,
    message: `The operation '${operation}' on the virtual machine '${item.friendlyName}' (${item.mutable.provider}) isn't available in the simulator.`,
    possibleCauses: 'The simulator models failover, test failover, commit, cancel, change recovery point, reprotect and disable replication.',
    recommendedAction: 'Use the Azure portal or a real vault for this operation.',
  });
}

/** A given recovery point id, or the newest point (what ASR's "latest processed" default means). */
function pointFromId(item: ItemRecord, id: string | undefined): PointChoice {
  return id ? readPointChoice(item, 'Custom', id, ['Custom']) : { kind: 'latest' };
}

/**
 * POST .../unplannedFailover:
 * - InMage: classic failback from Azure (recorded in V2ATestFailback: PrimaryToRecovery, {instanceType: InMage, recoveryPointType});
 * - InMageAzureV2: classic failover to Azure (V2AFailoverJob.010: {instanceType: InMageAzureV2}, optional recoveryPointId);
 * - InMageRcm: modernized failover to Azure (TestV2ARCMFailover.012: {instanceType: InMageRcm, performShutdown}).
 * Shutting down the source is skipped unless asked for (sourceSiteOperations / performShutdown), as recorded.
 */
export const unplannedFailover: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'UnplannedFailover');
  const details = objectAt(props, 'providerSpecificDetails');
  const provider = item.mutable.provider;
  ensureInstanceType(item, details, [provider]);
  ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  ensureNotInReplicationGroup(hc, item, 'failover');
  const noSourceSide = props['sourceSiteOperations'] === 'Required' ? [] : ['VmShutdownVmOnPrimary', 'VmPrepareForUnPlannedFailover'];
  if (provider === 'InMage') {
    const choice = readPointChoice(item, stringAt(details, 'recoveryPointType') ?? 'LatestTime', stringAt(details, 'recoveryPointId'), ['LatestTime', 'LatestTag', 'Custom']);
    const rp = choosePoint(hc, item, choice);
    return startItemJob(hc, req, item, 'unplannedFailover', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp), noSourceSide);
  }
  const rp = choosePoint(hc, item, pointFromId(item, stringAt(details, 'recoveryPointId')));
  if (provider === 'InMageAzureV2') {
    return startItemJob(hc, req, item, 'failoverToAzure', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp), noSourceSide);
  }
  const skip = stringAt(details, 'performShutdown')?.toLowerCase() === 'true' ? [] : ['VmShutdownVmOnPrimary'];
  return startItemJob(hc, req, item, 'failoverToAzureRcm', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp), skip);
};

/**
 * POST .../plannedFailover — modernized failback: InMageRcmFailback item. The recorded request has no
 * failoverDirection (TestV2ARCMFailback.012; the cmdlet removes it).
 */
export const plannedFailover: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'PlannedFailover');
  const details = objectAt(props, 'providerSpecificDetails');
  ensureInstanceType(item, details, ['InMageRcmFailback']);
  // Assumed (not recorded): a direction, when sent, may be either value (the item's frame or the plan's).
  if (props['failoverDirection'] !== 'RecoveryToPrimary') {
    ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  }
  const choice = readPointChoice(item, stringAt(details, 'recoveryPointType'), undefined, ['CrashConsistent', 'ApplicationConsistent']);
  const rp = choosePoint(hc, item, choice);
  item.mutable.lastPlannedFailoverStartTime = hc.clock.now();
  return startItemJob(hc, req, item, 'plannedFailover', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp));
};

export const failoverCommit: Handler = (hc, p, req) => {
  const item = target(hc, p);
  jsonBody(req);
  ensureAllowed(item, 'Commit');
  return startItemJob(hc, req, item, 'commit', {}, asrJobDetails(hc, item));
};

export const failoverCancel: Handler = (hc, p, req) => {
  const item = target(hc, p);
  jsonBody(req);
  ensureAllowed(item, 'CancelFailover');
  return startItemJob(hc, req, item, 'cancelFailover', {}, asrJobDetails(hc, item));
};

/**
 * POST .../reProtect — both directions, input per provider (see reprotect-rules.ts). The job commits
 * a failover still pending (TestV2ARCM540Reprotect); with nothing to commit that task is skipped
 * (V2ATestSwitchProtection.014: "Other").
 */
export const reprotect: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'SwitchProtection');
  const reprotectTarget = validateReprotect(hc, item, props);
  const skip = item.mutable.phase === 'FailedOver' ? [] : ['VmCommitFailover'];
  return startItemJob(
    hc,
    req,
    item,
    'reprotect',
    { reprotect: { [item.name]: reprotectTarget } },
    {
      newReplicationProtectedItemId: null,
      instanceType: 'SwitchProtectionJobDetails',
      affectedObjectDetails: affectedObjectDetails(hc, item),
    },
    skip,
  );
};

/** ApplyRecoveryPointProviderSpecificInput exists for these VMware providers only (the cmdlet refuses InMage and InMageRcmFailback). */
const APPLY_POINT_INPUTS = ['InMageAzureV2', 'InMageRcm'];

/** POST .../applyRecoveryPoint — change the recovery point of a VM failed over to Azure (commit pending). */
export const applyRecoveryPoint: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  const details = objectAt(props, 'providerSpecificDetails');
  const given = stringAt(details, 'instanceType');
  if (!given || !APPLY_POINT_INPUTS.includes(given)) {
    throw badInput(
      `The replication provider input '${given ?? '(none)'}' is invalid for changing the recovery point of the virtual machine '${item.friendlyName}'.`,
      `ApplyRecoveryPointProviderSpecificInput has no '${given ?? '(none)'}' input; the VMware inputs are ${APPLY_POINT_INPUTS.join(' and ')}.`,
      'Change the recovery point only of a VM that failed over to Azure, with the input of its provider.',
    );
  }
  ensureInstanceType(item, details, [item.mutable.provider]);
  ensureAllowed(item, 'ChangePit');
  const id = stringAt(props, 'recoveryPointId') ?? stringAt(details, 'recoveryPointId');
  const rp = choosePoint(hc, item, readPointChoice(item, 'Custom', id, ['Custom']));
  return startItemJob(hc, req, item, 'changePit', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp));
};

/** POST .../remove (SDK beginDelete) — disable replication; a VM that replicated to Azure leaves its seed disks. */
export const disableProtection: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  const reason = props['disableProtectionReason'];
  if (reason !== undefined && reason !== 'NotSpecified' && reason !== 'MigrationComplete') {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidRequestBody,
      message: `The disable protection reason '${String(reason)}' is invalid.`,
      possibleCauses: 'disableProtectionReason must be NotSpecified or MigrationComplete.',
      recommendedAction: 'Retry with a supported reason or none.',
    });
  }
  ensureAllowed(item, 'DisableProtection');
  return startItemJob(hc, req, item, 'disableProtection', {}, asrJobDetails(hc, item));
};

/** Any other item action the SDK has (repairReplication, ...). */
export const otherItemAction: Handler = (hc, p, req) => {
  const item = target(hc, p);
  jsonBody(req);
  throw notSimulated(item, p.action);
};
