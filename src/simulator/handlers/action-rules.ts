import { asrError, ASR_ERROR_CODES, noRecoveryPointError } from '../errors';
import type { HandlerContext } from '../http-types';
import { guidFrom, iso } from '../ids';
import { AZURE_CLOUD_ID, AZURE_VMM_ID, fabricInternalId, itemAllowedOperations, itemTargetId } from '../state/item-view';
import { isModernized, itemStateView, replicatesToAzure } from '../state/item-states';
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
  const allowed = itemAllowedOperations(item);
  if (!allowed.includes(operation)) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.operationNotAllowed,
      message: `The operation '${operation}' isn't allowed on the virtual machine '${item.friendlyName}' in its current state '${state.protectionStateDescription}'.`,
      possibleCauses: `The replicated item is in the state '${state.protectionState}'; allowed operations are: ${allowed.join(', ')}.`,
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
      "Send the provider-specific input that matches the item's replication provider.",
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
      throw badInput(
        'recoveryPointId is required when recoveryPointType is Custom.',
        'The input names no recovery point.',
        "Pick a point from the item's recovery points and send its id.",
        ASR_ERROR_CODES.missingProviderInputField,
      );
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
  const found = choice.kind === 'custom' ? findPoint(points, choice.id) : latestPoint(points, choice.kind === 'app' ? 'AppConsistent' : undefined);
  if (!found && choice.kind === 'custom') {
    throw asrError(400, {
      code: ASR_ERROR_CODES.unknownRecoveryPoint,
      message: `The recovery point '${choice.id}' isn't available for the virtual machine '${item.friendlyName}'.`,
      possibleCauses: 'The point is outside the retention window or belongs to another item.',
      recommendedAction: "List the item's recovery points and pick one of them.",
    });
  }
  if (!found) {
    throw asrError(400, noRecoveryPointError(item.friendlyName));
  }
  return found;
}

/**
 * Recovery plans with app-consistent points: with multi-VM sync (InMageRcmFailback
 * `useMultiVmSyncPoint: "True"`, and always for classic plans) each replication group (items sharing
 * multiVmGroupName) recovers to the newest app-consistent time ALL its members have.
 */
export function choosePlanPoints(hc: HandlerContext, items: ItemRecord[], choice: PointChoice, multiVmSync = true): Map<string, RecoveryPointRecord> {
  const chosen = new Map<string, RecoveryPointRecord>();
  for (const item of items) {
    chosen.set(item.name, choosePoint(hc, item, choice));
  }
  if (choice.kind !== 'app' || !multiVmSync) {
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

/**
 * customDetails.affectedObjectDetails of an item job, with the keys recorded in
 * TestV2ARCMCommit.014 / TestV2ARCM540Reprotect.016 / V2ATestSwitchProtection.014: the recovery side
 * is Azure while the item replicates to Azure, the VMware fabric itself while it replicates back.
 */
export function affectedObjectDetails(hc: HandlerContext, item: ItemRecord): Record<string, string> {
  const fabric = hc.store.fabric(item.vaultKey, item.fabric);
  const container = fabric.containers.find((c) => c.name === item.container);
  const modernized = isModernized(item.mutable.provider);
  const toAzure = replicatesToAzure(item.mutable.provider);
  const primaryProvider = modernized ? 'InMageRcm' : 'VMware';
  const containerId = `cloud_${fabricInternalId(fabric)}`;
  return {
    primaryVmId: itemTargetId(item),
    primaryVmName: item.friendlyName,
    recoveryVmId: '',
    recoveryVmName: item.friendlyName,
    protectionProfileId: guidFrom(`policy/${item.policy}`),
    primaryCloudId: containerId,
    primaryCloudName: container?.friendlyName ?? item.container,
    recoveryCloudId: toAzure ? AZURE_CLOUD_ID : containerId,
    recoveryCloudName: toAzure ? 'Microsoft Azure' : (container?.friendlyName ?? item.container),
    primaryVmmId: fabricInternalId(fabric),
    primaryVmmName: fabric.friendlyName,
    recoveryVmmId: toAzure ? AZURE_VMM_ID : fabricInternalId(fabric),
    recoveryVmmName: toAzure ? 'Microsoft Azure' : fabric.friendlyName,
    primaryFabricProviderId: primaryProvider,
    recoveryFabricProviderId: toAzure ? 'Azure' : primaryProvider,
  };
}

/**
 * customDetails.protectedItemDetails entry as recorded (V2AFailoverJob.294, TestV2ARCMTestFailover.1082):
 * named by the VM's job target id, the recovery point by its name.
 */
export function protectedItemDetail(item: ItemRecord, rp?: RecoveryPointRecord, testVm = false): Record<string, unknown> {
  return {
    name: itemTargetId(item),
    friendlyName: item.friendlyName,
    testVmName: testVm ? `${item.friendlyName}-test` : null,
    testVmFriendlyName: testVm ? `${item.friendlyName}-test` : null,
    networkConnectionStatus: testVm ? 'Disconnected' : null,
    // Recorded "" for a test VM (TestV2ARCMTestFailover.1082), the recovery network for a failover (V2AFailoverJob.294).
    networkFriendlyName: testVm ? '' : 'dr-vnet',
    subnet: testVm ? null : 'default',
    recoveryPointId: rp ? rp.name : null,
    recoveryPointTime: rp ? iso(rp.time) : null,
  };
}
