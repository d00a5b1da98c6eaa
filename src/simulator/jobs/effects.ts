import type { SimContext } from '../context';
import { agentNotRegisteredError, type AsrErrorInfo } from '../errors';
import { isAgentRegistered } from '../state/agent';
import { isModernized, replicatesToAzure } from '../state/item-states';
import type { ItemRecord, JobRecord } from '../state/model';
import { releaseVms } from '../state/azure-vms';
import { createSeedDisks, removeSeedDisks } from '../state/seed-disks';
import { newGuid } from '../ids';
import type { ReplicationProvider } from '../scenarios/types';
import type { EffectName, JobAction } from './templates';

/** Default point plan for VMs whose replication restarts after reprotect. */
const DEFAULT_POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };

/** The provider of the replication a reprotect starts (the way back). */
const REVERSE: Record<ReplicationProvider, ReplicationProvider> = {
  InMage: 'InMageAzureV2',
  InMageAzureV2: 'InMage',
  InMageRcm: 'InMageRcmFailback',
  InMageRcmFailback: 'InMageRcm',
};

/** What a reprotect job was asked to use (validated when the request was accepted). */
export interface ReprotectTarget {
  processServerId?: string;
  masterTargetId?: string;
  policyId?: string;
  reprotectAgentId?: string;
  datastoreName?: string;
  runAsAccountId?: string;
  logStorageAccountId?: string;
}

/** What each task does to the VM when it completes; a returned error fails the task (and the job). */
export function runEffect(ctx: SimContext, job: JobRecord, effect: EffectName, item: ItemRecord, at: number): AsrErrorInfo | undefined {
  const m = item.mutable;
  switch (effect) {
    case 'shutdownAzureVm':
      m.azureVmPowerState = 'Stopped';
      break;
    case 'shutdownOnPremVm':
      m.onPremVmPowerState = 'Off';
      break;
    case 'stopReplication':
      m.replicationStoppedAt = at;
      break;
    case 'recordFailoverPoint': {
      const chosen = (job.input['points'] as Record<string, string> | undefined)?.[item.name];
      if (chosen) {
        m.failoverRecoveryPointId = chosen;
      }
      // A failover ends replication even when the sync task was skipped.
      m.replicationStoppedAt = m.replicationStoppedAt ?? at;
      break;
    }
    case 'startOnPremVm':
      m.onPremVmPowerState = 'Running';
      m.recoveredVmStartedAt = at;
      // Assumed (not recorded): the failed-back VM comes up with VMware Tools running again.
      m.vmwareToolsEnabled = true;
      break;
    case 'startAzureVm':
      m.azureVmPowerState = 'Running';
      m.onPremVmPowerState = 'Off';
      m.recoveredVmStartedAt = at;
      break;
    case 'commitFailover':
      commit(item);
      break;
    case 'checkAgent':
      if (!isAgentRegistered(ctx, item, at)) {
        return agentNotRegisteredError(item.friendlyName);
      }
      break;
    case 'testFailoverDone': {
      // The test VM now runs in the network the request named (see state/azure-vms.ts).
      const network = (job.input['network'] as Record<string, string> | undefined)?.[item.name];
      m.testFailover = 'Completed';
      m.testVmCreatedAt = at;
      m.testNetworkId = network ?? m.testNetworkId;
      break;
    }
    case 'testFailoverCleanedUp':
      m.testFailover = 'CleanedUp';
      m.testVmCreatedAt = undefined;
      break;
  }
  return undefined;
}

/**
 * Commits a pending failover: a failback deletes the Azure VM it came from. A reprotect runs this
 * too (its VmCommitFailover task), which commits a failback still pending, as recorded in
 * TestV2ARCM540Reprotect; on an already committed item it changes nothing.
 */
function commit(item: ItemRecord): void {
  const m = item.mutable;
  if (m.phase !== 'FailedOver') {
    return;
  }
  m.phase = 'Committed';
  if (!replicatesToAzure(m.provider)) {
    m.hasFailedBack = true;
    m.azureVmPowerState = 'Deleted';
  }
}

/** The VM's state once its job succeeded. */
export function finishAction(ctx: SimContext, job: JobRecord, item: ItemRecord, at: number): void {
  const m = item.mutable;
  switch (job.action as JobAction) {
    case 'unplannedFailover':
    case 'failoverToAzure':
    case 'failoverToAzureRcm':
      m.phase = 'FailedOver';
      m.lastSuccessfulFailoverTime = at;
      break;
    case 'plannedFailover':
      m.phase = 'FailedOver';
      m.lastSuccessfulFailoverTime = at;
      m.lastPlannedFailoverStatus = 'Succeeded';
      break;
    case 'commit':
      // The item keeps its provider: a committed failback stays InMageRcmFailback (recorded:
      // the reprotect to Azure is sent to an InMageRcmFailback item, TestV2ARCM540Reprotect.014).
      commit(item);
      break;
    case 'reprotect':
      reprotect(ctx, job, item, at);
      break;
    case 'cancelFailover':
      m.phase = 'Protected';
      m.azureVmPowerState = 'Running';
      m.onPremVmPowerState = 'Off';
      m.recoveredVmStartedAt = undefined;
      m.replicationStoppedAt = undefined;
      m.failoverRecoveryPointId = undefined;
      break;
    case 'testFailover':
      m.lastSuccessfulTestFailoverTime = at;
      break;
    case 'changePit':
    case 'testFailoverCleanup':
      break;
    case 'disableProtection':
      releaseVms(ctx.store, item);
      ctx.store.removeItem(item);
      // The seed disks of a replication to Azure stay behind. Assumed (not recorded): so do those of a
      // committed failback, whose replication to Azure the simulator does not hold (kept from before the recordings).
      if (m.seedDisks.length === 0 && m.hasFailedBack) {
        createSeedDisks(ctx.store, item, at, true);
      }
      break;
  }
}

/** Reprotect: replication restarts the other way, with the infrastructure the request named. */
function reprotect(ctx: SimContext, job: JobRecord, item: ItemRecord, at: number): void {
  const m = item.mutable;
  const target = (job.input['reprotect'] as Record<string, ReprotectTarget> | undefined)?.[item.name] ?? {};
  const previousPolicy = `${item.policy}`;
  m.provider = REVERSE[m.provider];
  m.phase = 'Protected';
  m.replicationStartedAt = at;
  m.replicationStoppedAt = undefined;
  m.points = m.points ?? DEFAULT_POINTS;
  m.failoverRecoveryPointId = undefined;
  m.recoveredVmStartedAt = undefined;
  m.testFailover = 'None';
  m.testVmCreatedAt = undefined;
  // A new replication has had no test failover: recorded, the InMage item of a reprotected VM reports none
  // (V2ATestReprotect.010 rec2021), and a replicating VM without one reports 161011 (V2AFailoverJob.008).
  // Assumed (not recorded): the same for the modernized reprotects.
  m.lastSuccessfulTestFailoverTime = undefined;
  // Recorded: the InMageRcm and InMageRcmFailback items of one VM have different internalIdentifiers
  // (TestV2ARCMReprotect.013 / TestV2ARCM540Reprotect.014), and a classic reprotect gives the item a new
  // vmId (V2ATestFailback.008: the InMage item's replicaId is the InMageAzureV2 item's vmId).
  m.internalId = newGuid();
  if (!isModernized(m.provider)) {
    item.vmId = newGuid();
  }
  if (replicatesToAzure(m.provider)) {
    m.hasFailedBack = true;
    // Replicating to Azure again: the on-premises VM is the source, the Azure VM is gone.
    m.azureVmPowerState = m.azureVmPowerState === 'Running' ? 'Deleted' : m.azureVmPowerState;
    m.onPremVmPowerState = 'Running';
    createSeedDisks(ctx.store, item, at, true);
  } else {
    // Replicating back to on-premises: the Azure VM is the source.
    m.azureVmPowerState = 'Running';
    m.onPremVmPowerState = 'Off';
    // Assumed (not recorded): the replication to Azure ends here and ASR deletes its seed disks.
    removeSeedDisks(ctx.store, item);
  }
  item.processServerId = target.processServerId ?? item.processServerId;
  item.masterTargetId = target.masterTargetId ?? item.masterTargetId;
  item.reprotectAgentId = target.reprotectAgentId ?? item.reprotectAgentId;
  item.datastoreName = target.datastoreName ?? item.datastoreName;
  item.runAsAccountId = target.runAsAccountId ?? item.runAsAccountId;
  item.logStorageAccountId = target.logStorageAccountId ?? item.logStorageAccountId;
  if (target.policyId) {
    item.policy = target.policyId.split('/').pop() as string;
    // Recorded on InMageRcmFailback items: lastUsedPolicyId names the policy of the replication before.
    m.lastUsedPolicy = previousPolicy;
  }
}
