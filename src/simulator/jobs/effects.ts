import type { SimContext } from '../context';
import { agentNotRegisteredError, type AsrErrorInfo } from '../errors';
import { guidFrom, MINUTE } from '../ids';
import { isAgentRegistered } from '../state/agent';
import type { ItemRecord, JobRecord } from '../state/model';
import type { EffectName, JobAction } from './templates';

/** Default point plan for VMs whose replication restarts after reprotect. */
const DEFAULT_POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };

/** What each task does to the VM when it completes; a returned error fails the task (and the job). */
export function runEffect(ctx: SimContext, job: JobRecord, effect: EffectName, item: ItemRecord, at: number): AsrErrorInfo | undefined {
  const m = item.mutable;
  switch (effect) {
    case 'shutdownAzureVm':
      m.azureVmPowerState = 'Stopped';
      break;
    case 'stopReplication':
      m.replicationStoppedAt = at;
      break;
    case 'recordFailoverPoint': {
      const chosen = (job.input['points'] as Record<string, string> | undefined)?.[item.name];
      if (chosen) {
        m.failoverRecoveryPointId = chosen;
      }
      // VMware Tools are turned off on the recovered VM while failover converts it.
      if (job.action !== 'changePit') {
        m.vmwareToolsEnabled = false;
      }
      break;
    }
    case 'enableVmwareTools':
      m.vmwareToolsEnabled = true;
      break;
    case 'startOnPremVm':
      m.onPremVmPowerState = 'Running';
      m.onPremVmStartedAt = at;
      break;
    case 'deleteAzureVm':
      m.azureVmPowerState = 'Deleted';
      break;
    case 'checkAgent':
      if (!isAgentRegistered(ctx, item, at)) {
        return agentNotRegisteredError(item.friendlyName);
      }
      break;
  }
  return undefined;
}

/** The VM's state once its job succeeded. */
export function finishAction(ctx: SimContext, job: JobRecord, item: ItemRecord, at: number): void {
  const m = item.mutable;
  switch (job.action as JobAction) {
    case 'unplannedFailover':
      m.phase = 'FailedOver';
      m.lastSuccessfulFailoverTime = at;
      break;
    case 'plannedFailover':
      m.phase = 'FailedOver';
      m.lastSuccessfulFailoverTime = at;
      m.lastPlannedFailoverStatus = 'Succeeded';
      break;
    case 'commit':
      m.phase = 'Committed';
      m.hasFailedBack = true;
      m.azureVmPowerState = 'Deleted';
      // Modernized: the committed failback item is reported by the InMageRcm provider from now on.
      if (m.provider === 'InMageRcmFailback') {
        m.provider = 'InMageRcm';
      }
      break;
    case 'reprotect': {
      const target = (job.input['reprotect'] as Record<string, Record<string, string | undefined>> | undefined)?.[item.name];
      m.provider = m.provider === 'InMage' ? 'InMageAzureV2' : 'InMageRcm';
      m.phase = 'Protected';
      m.replicationStartedAt = at;
      m.replicationStoppedAt = undefined;
      m.points = m.points ?? DEFAULT_POINTS;
      m.failoverRecoveryPointId = undefined;
      m.azureVmPowerState = 'NotCreated';
      if (target?.processServerId) {
        item.processServerId = target.processServerId;
      }
      if (target?.masterTargetId) {
        item.masterTargetId = target.masterTargetId;
      }
      if (target?.policyId) {
        m.lastUsedPolicy = target.policyId;
      }
      break;
    }
    case 'cancelFailover':
      m.phase = 'Protected';
      m.azureVmPowerState = 'Running';
      m.onPremVmPowerState = 'Off';
      m.onPremVmStartedAt = undefined;
      m.replicationStoppedAt = undefined;
      m.failoverRecoveryPointId = undefined;
      break;
    case 'changePit':
      break;
    case 'disableProtection':
      ctx.store.removeItem(item);
      if (m.hasFailedBack) {
        leaveSeedDisks(ctx, item, at);
      }
      break;
  }
}

/** Disabling replication of a failed-back VM leaves its seed disks in the recovery resource group. */
function leaveSeedDisks(ctx: SimContext, item: ItemRecord, at: number): void {
  const vault = ctx.store.vaults.get(item.vaultKey);
  if (!vault) {
    return;
  }
  for (let i = 0; i < item.diskCount; i++) {
    ctx.store.disks.push({
      subscriptionId: vault.subscriptionId,
      resourceGroup: item.recoveryResourceGroup,
      name: `asrseeddisk-${item.friendlyName}-${guidFrom(`${item.vmId}/disk${i}`).slice(0, 8)}`,
      location: vault.location,
      diskSizeGB: i === 0 ? 128 : 256,
      timeCreated: at - 30 * 24 * 60 * MINUTE,
      tags: { 'ASR-ReplicaDisk': 'true', 'ASR-VmName': item.friendlyName },
    });
  }
}
