import { asrError, ASR_ERROR_CODES } from '../errors';
import type { Handler, HandlerContext, SimRequest, SimResponse } from '../http-types';
import { JOB_TEMPLATES, type JobAction } from '../jobs/templates';
import { accepted } from '../lro';
import { itemId } from '../state/item-view';
import type { ItemRecord } from '../state/model';
import type { RecoveryPointRecord } from '../state/recovery-points';
import {
  affectedObjectDetails, choosePoint, ensureAllowed, ensureDirection, ensureInstanceType,
  protectedItemDetail, readPointChoice, validateReprotect,
} from './action-rules';
import { jsonBody, objectAt, stringAt, vaultKeyFromParams } from './common';

function startItemJob(hc: HandlerContext, req: SimRequest, item: ItemRecord, action: JobAction,
  input: Record<string, unknown>, customDetails: Record<string, unknown>): SimResponse {
  const t = JOB_TEMPLATES[action];
  const job = hc.engine.create({
    vaultKey: item.vaultKey,
    scenarioName: t.scenarioName,
    friendlyName: t.friendlyName,
    action,
    items: [item],
    stages: [[{ itemName: item.name, tasks: t.tasks }]],
    target: { id: item.vmId, name: item.friendlyName, type: 'ProtectionEntity' },
    customDetails,
    input,
  });
  return accepted(hc, req, {
    id: job.name,
    vaultKey: item.vaultKey,
    jobName: job.name,
    result: action === 'disableProtection' ? { kind: 'none' } : { kind: 'item', itemName: item.name },
  });
}

function target(hc: HandlerContext, p: Record<string, string>): ItemRecord {
  return hc.store.item(vaultKeyFromParams(hc, p), p.fabric, p.container, p.item);
}

function failoverDetails(hc: HandlerContext, item: ItemRecord, rp?: RecoveryPointRecord): Record<string, unknown> {
  return {
    instanceType: 'FailoverJobDetails',
    affectedObjectDetails: affectedObjectDetails(hc, item),
    protectedItemDetails: [protectedItemDetail(hc, item, rp)],
  };
}

function notSimulated(item: ItemRecord, operation: string): Error {
  return asrError(400, {
    code: ASR_ERROR_CODES.operationNotAllowed,
    message: `The operation '${operation}' on the virtual machine '${item.friendlyName}' (${item.mutable.provider}) isn't available in the simulator.`,
    possibleCauses: 'The simulator models the VMware failback cycle (failover from Azure, commit, reprotect to Azure).',
    recommendedAction: 'Use the Azure portal or a real vault for this operation.',
  });
}

/** POST .../unplannedFailover — classic failback: InMage item, failover from Azure to on-premises. */
export const unplannedFailover: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'UnplannedFailover');
  if (item.mutable.provider !== 'InMage') {
    throw notSimulated(item, 'UnplannedFailover');
  }
  const details = objectAt(props, 'providerSpecificDetails');
  ensureInstanceType(item, details, ['InMage']);
  ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  const choice = readPointChoice(item, stringAt(details, 'recoveryPointType') ?? 'LatestTime', stringAt(details, 'recoveryPointId'),
    ['LatestTime', 'LatestTag', 'Custom']);
  const rp = choosePoint(hc, item, choice);
  return startItemJob(hc, req, item, 'unplannedFailover', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp));
};

/** POST .../plannedFailover — modernized failback: InMageRcmFailback item. */
export const plannedFailover: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'PlannedFailover');
  const details = objectAt(props, 'providerSpecificDetails');
  ensureInstanceType(item, details, ['InMageRcmFailback']);
  ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  const choice = readPointChoice(item, stringAt(details, 'recoveryPointType'), undefined, ['CrashConsistent', 'ApplicationConsistent']);
  const rp = choosePoint(hc, item, choice);
  item.mutable.lastPlannedFailoverStartTime = hc.clock.now();
  return startItemJob(hc, req, item, 'plannedFailover', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp));
};

export const failoverCommit: Handler = (hc, p, req) => {
  const item = target(hc, p);
  jsonBody(req);
  ensureAllowed(item, 'Commit');
  return startItemJob(hc, req, item, 'commit', {}, failoverDetails(hc, item));
};

export const failoverCancel: Handler = (hc, p, req) => {
  const item = target(hc, p);
  jsonBody(req);
  ensureAllowed(item, 'CancelFailover');
  return startItemJob(hc, req, item, 'cancelFailover', {}, failoverDetails(hc, item));
};

/** POST .../reProtect — on-premises → Azure after a committed failback (see validateReprotect). */
export const reprotect: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'SwitchProtection');
  ensureDirection(item, props['failoverDirection'], 'RecoveryToPrimary');
  const reprotectTarget = validateReprotect(hc, item, objectAt(props, 'providerSpecificDetails'));
  return startItemJob(hc, req, item, 'reprotect', { reprotect: { [item.name]: reprotectTarget } }, {
    instanceType: 'SwitchProtectionJobDetails',
    affectedObjectDetails: affectedObjectDetails(hc, item),
    newReplicationProtectedItemId: itemId(hc, item),
  });
};

/** POST .../applyRecoveryPoint — change the recovery point of a failed-over (uncommitted) VM. */
export const applyRecoveryPoint: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'ChangePit');
  const choice = readPointChoice(item, 'Custom', stringAt(props, 'recoveryPointId'), ['Custom']);
  const rp = choosePoint(hc, item, choice);
  return startItemJob(hc, req, item, 'changePit', { points: { [item.name]: rp.name } }, failoverDetails(hc, item, rp));
};

/** POST .../remove (SDK beginDelete) — disable replication; a failed-back VM leaves its seed disks. */
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
  return startItemJob(hc, req, item, 'disableProtection', {}, {
    instanceType: 'AsrJobDetails',
    affectedObjectDetails: affectedObjectDetails(hc, item),
  });
};

/** Any other item action the SDK has (testFailover, repairReplication, ...). */
export const otherItemAction: Handler = (hc, p, req) => {
  const item = target(hc, p);
  jsonBody(req);
  throw notSimulated(item, p.action);
};
