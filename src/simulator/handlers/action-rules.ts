import { asrError, ASR_ERROR_CODES, noRecoveryPointError } from '../errors';
import type { HandlerContext } from '../http-types';
import { iso } from '../ids';
import { datastoresOf, findMasterTarget, findProcessServer, findReprotectAgent, findRunAsAccount, firstId } from '../state/infrastructure';
import { itemId } from '../state/item-view';
import { itemStateView } from '../state/item-states';
import type { ItemRecord } from '../state/model';
import { findPoint, latestPoint, recoveryPointsOf, type RecoveryPointRecord } from '../state/recovery-points';
import { badInput, stringAt } from './common';

/** The checks ASR makes before it accepts an operation (synchronous errors, no job created). */
export function ensureAllowed(item: ItemRecord, operation: string): void {
  const m = item.mutable;
  if (m.busy) {
    throw asrError(409, {
      code: ASR_ERROR_CODES.operationInProgress,
      message: `The operation can't be performed on the virtual machine '${item.friendlyName}' because the operation '${m.busy.scenarioName}' is in progress (job ${m.busy.jobName}).`,
      possibleCauses: 'Another operation is already running on this replicated item.',
      recommendedAction: 'Wait until the running job completes (or cancel it), then retry.',
    });
  }
  const state = itemStateView(m.provider, m.phase);
  if (!state.allowedOperations.includes(operation)) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.operationNotAllowed,
      message: `The operation '${operation}' isn't allowed on the virtual machine '${item.friendlyName}' in its current state '${state.protectionStateDescription}'.`,
      possibleCauses: `The replicated item is in the state '${state.protectionState}'; allowed operations are: ${state.allowedOperations.join(', ')}.`,
      recommendedAction: 'Refresh the item and perform one of its allowed operations.',
    });
  }
}

export function ensureInstanceType(item: ItemRecord, details: Record<string, unknown> | undefined, expected: string[]): string {
  const given = stringAt(details, 'instanceType');
  if (!given || !expected.includes(given)) {
    throw badInput(
      `The replication provider input '${given ?? '(none)'}' is invalid for the virtual machine '${item.friendlyName}' replicated by '${item.mutable.provider}'.`,
      `providerSpecificDetails.instanceType must be ${expected.map((e) => `'${e}'`).join(' or ')} for this operation.`,
      'Send the provider-specific input that matches the item\'s replication provider.',
    );
  }
  return given;
}

export function ensureDirection(item: ItemRecord, direction: unknown, expected: 'PrimaryToRecovery' | 'RecoveryToPrimary', required = false): void {
  if ((direction === undefined || direction === null) && !required) {
    return;
  }
  if (direction !== expected) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.invalidFailoverDirection,
      message: `The failover direction '${String(direction)}' is invalid for the virtual machine '${item.friendlyName}'.`,
      possibleCauses: `The item's active location is '${itemStateView(item.mutable.provider, item.mutable.phase).activeLocation}', so the operation must use '${expected}'.`,
      recommendedAction: `Retry with failoverDirection '${expected}'.`,
    });
  }
}

export type PointChoice = { kind: 'latest' } | { kind: 'app' } | { kind: 'custom'; id: string };

/**
 * Reads a recovery point type as the providers spell it: InMage LatestTime / LatestTag / Custom,
 * InMageRcmFailback CrashConsistent / ApplicationConsistent.
 */
export function readPointChoice(item: ItemRecord, type: string | undefined, id: string | undefined, allowed: string[]): PointChoice {
  if (type === undefined || !allowed.includes(type)) {
    throw badInput(
      `The recovery point type '${type ?? '(none)'}' is invalid for the virtual machine '${item.friendlyName}'.`,
      `recoveryPointType must be one of: ${allowed.join(', ')}.`,
      'Retry with a supported recovery point type.',
      ASR_ERROR_CODES.missingProviderInputField,
    );
  }
  if (type === 'Custom') {
    if (!id) {
      throw badInput('recoveryPointId is required when recoveryPointType is Custom.', 'The input names no recovery point.',
        'Pick a point from the item\'s recovery points and send its id.', ASR_ERROR_CODES.missingProviderInputField);
    }
    return { kind: 'custom', id };
  }
  return type === 'LatestTag' || type === 'ApplicationConsistent' ? { kind: 'app' } : { kind: 'latest' };
}

export function choosePoint(hc: HandlerContext, item: ItemRecord, choice: PointChoice): RecoveryPointRecord {
  const points = recoveryPointsOf(item, hc.clock.now());
  if (points.length === 0) {
    throw asrError(400, noRecoveryPointError(item.friendlyName));
  }
  const found =
    choice.kind === 'custom' ? findPoint(points, choice.id) : latestPoint(points, choice.kind === 'app' ? 'AppConsistent' : undefined);
  if (!found && choice.kind === 'custom') {
    throw asrError(400, {
      code: ASR_ERROR_CODES.unknownRecoveryPoint,
      message: `The recovery point '${choice.id}' isn't available for the virtual machine '${item.friendlyName}'.`,
      possibleCauses: 'The point is outside the retention window or belongs to another item.',
      recommendedAction: 'List the item\'s recovery points and pick one of them.',
    });
  }
  if (!found) {
    throw asrError(400, noRecoveryPointError(item.friendlyName));
  }
  return found;
}

/**
 * Recovery plans with app-consistent points: each replication group (items sharing
 * multiVmGroupName) recovers to the newest app-consistent time ALL its members have.
 */
export function choosePlanPoints(hc: HandlerContext, items: ItemRecord[], choice: PointChoice): Map<string, RecoveryPointRecord> {
  const chosen = new Map<string, RecoveryPointRecord>();
  for (const item of items) {
    chosen.set(item.name, choosePoint(hc, item, choice));
  }
  if (choice.kind !== 'app') {
    return chosen;
  }
  const groups = new Map<string, ItemRecord[]>();
  for (const item of items.filter((i) => i.multiVmGroupName)) {
    const key = item.multiVmGroupName as string;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  for (const members of groups.values()) {
    const common = Math.min(...members.map((i) => (chosen.get(i.name) as RecoveryPointRecord).time));
    for (const member of members) {
      const points = recoveryPointsOf(member, hc.clock.now()).filter((p) => p.type === 'AppConsistent' && p.time <= common);
      if (!points[0]) {
        throw asrError(400, noRecoveryPointError(member.friendlyName));
      }
      chosen.set(member.name, points[0]);
    }
  }
  return chosen;
}

export interface ReprotectTarget {
  processServerId?: string;
  masterTargetId?: string;
  policyId?: string;
  reprotectAgentId?: string;
  datastoreName?: string;
}

function unknownInfra(item: ItemRecord, what: string, id: string | undefined): Error {
  return asrError(400, {
    code: what === 'policy' ? ASR_ERROR_CODES.unknownPolicy : ASR_ERROR_CODES.unknownInfrastructure,
    message: `The ${what} '${id}' specified for the virtual machine '${item.friendlyName}' wasn't found.`,
    possibleCauses: `The ${what} isn't registered with the vault, or the id is misspelt.`,
    recommendedAction: `Pick a ${what} listed in the vault's fabric details and retry.`,
  });
}

function requireField(item: ItemRecord, details: Record<string, unknown>, field: string): string {
  const v = stringAt(details, field);
  if (!v) {
    throw badInput(`The field '${field}' is required to reprotect the virtual machine '${item.friendlyName}'.`,
      `providerSpecificDetails.${field} is missing.`, `Retry with ${field} set.`, ASR_ERROR_CODES.missingProviderInputField);
  }
  return v;
}

/**
 * Reprotect on-premises → Azure of a committed failback item:
 * - classic (InMage committed) takes InMageAzureV2 input and needs processServerId, masterTargetId,
 *   runAsAccountId, policyId and logStorageAccountId (storageAccountId is optional: managed disks);
 * - modernized (InMageRcm committed) takes InMageRcmFailback input (processServerId + policyId, as the
 *   SDK model requires) or InMageRcm input (reprotectAgentId, datastoreName, logStorageAccountId,
 *   optional policyId — the shape real clients send for this provider pair).
 * Every id must name infrastructure of the item's fabric / a policy of the vault.
 */
export function validateReprotect(hc: HandlerContext, item: ItemRecord, details: Record<string, unknown> | undefined): ReprotectTarget {
  const fabric = hc.store.fabric(item.vaultKey, item.fabric);
  const policyOk = (id: string | undefined) => {
    if (id !== undefined && !hc.store.policy(item.vaultKey, id)) {
      throw unknownInfra(item, 'policy', id);
    }
  };
  if (item.mutable.provider === 'InMage') {
    ensureInstanceType(item, details, ['InMageAzureV2']);
    const d = details as Record<string, unknown>;
    const ps = requireField(item, d, 'processServerId');
    const mt = requireField(item, d, 'masterTargetId');
    const account = requireField(item, d, 'runAsAccountId');
    const policy = requireField(item, d, 'policyId');
    requireField(item, d, 'logStorageAccountId');
    if (!findProcessServer(fabric, ps)) throw unknownInfra(item, 'process server', ps);
    if (!findMasterTarget(fabric, mt)) throw unknownInfra(item, 'master target server', mt);
    if (!findRunAsAccount(fabric, account)) throw unknownInfra(item, 'run-as account', account);
    policyOk(policy);
    return { processServerId: ps, masterTargetId: mt, policyId: policy };
  }
  const kind = ensureInstanceType(item, details, ['InMageRcmFailback', 'InMageRcm']);
  const d = details as Record<string, unknown>;
  if (kind === 'InMageRcmFailback') {
    const ps = requireField(item, d, 'processServerId');
    const policy = requireField(item, d, 'policyId');
    if (!findProcessServer(fabric, ps)) throw unknownInfra(item, 'process server', ps);
    policyOk(policy);
    return { processServerId: ps, policyId: policy };
  }
  const agentId = requireField(item, d, 'reprotectAgentId');
  const datastore = requireField(item, d, 'datastoreName');
  requireField(item, d, 'logStorageAccountId');
  const agent = findReprotectAgent(fabric, agentId);
  if (!agent) throw unknownInfra(item, 'reprotect agent', agentId);
  if (!datastoresOf(agent).includes(datastore)) throw unknownInfra(item, 'datastore', datastore);
  const policy = stringAt(d, 'policyId');
  policyOk(policy);
  return { reprotectAgentId: agentId, datastoreName: datastore, policyId: policy };
}

/** Plan-level reprotect sends no input: ASR reuses the item's own infrastructure. */
export function defaultReprotect(hc: HandlerContext, item: ItemRecord): ReprotectTarget {
  const fabric = hc.store.fabric(item.vaultKey, item.fabric);
  return {
    processServerId: item.processServerId ?? firstId(fabric, 'processServers'),
    masterTargetId: item.masterTargetId ?? firstId(fabric, 'masterTargetServers'),
    policyId: item.policy,
  };
}

export function affectedObjectDetails(hc: HandlerContext, item: ItemRecord): Record<string, string> {
  return {
    primaryVmName: item.friendlyName,
    recoveryVmName: item.friendlyName,
    primaryVmId: item.vmId,
    recoveryVmId: '',
    primaryFabricProviderId: item.mutable.provider.startsWith('InMageRcm') ? 'InMageRcmFabric' : 'VMware',
    recoveryFabricProviderId: 'Azure',
    protectionProfileId: item.policy,
    replicationProtectedItemId: itemId(hc, item),
  };
}

export function protectedItemDetail(hc: HandlerContext, item: ItemRecord, rp?: RecoveryPointRecord): Record<string, unknown> {
  return {
    name: item.name,
    friendlyName: item.friendlyName,
    testVmName: '',
    testVmFriendlyName: '',
    networkConnectionStatus: '',
    networkFriendlyName: '',
    subnet: '',
    recoveryPointId: rp ? `${itemId(hc, item)}/recoveryPoints/${rp.name}` : undefined,
    recoveryPointTime: rp ? iso(rp.time) : undefined,
  };
}
