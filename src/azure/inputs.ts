import type {
  ApplyRecoveryPointInput,
  PlannedFailoverInput,
  RecoveryPlanPlannedFailoverInput,
  RecoveryPlanUnplannedFailoverInput,
  ReverseReplicationInput,
  UnplannedFailoverInput,
} from '@azure/arm-recoveryservices-siterecovery';
import type { RecoveryPlanInfo, ReplicatedItem, ReplicationProvider } from '../domain/model';
import type { RecoveryPointChoice } from '../domain/recoveryPoints';
import { ITEM_FAILBACK_DIRECTION, PLAN_FAILBACK_DIRECTION } from '../domain/direction';

// Request bodies for each provider, shaped as live vaults receive them (test/fixtures/recorded/README.md):
// classic failback = unplannedFailover with InMage details; modernized failback =
// plannedFailover with InMageRcmFailback details.

export type FailoverRequest = { kind: 'unplanned'; body: UnplannedFailoverInput } | { kind: 'planned'; body: PlannedFailoverInput };

export function itemFailoverRequest(item: ReplicatedItem, choice: RecoveryPointChoice): FailoverRequest {
  if (item.provider === 'InMage') {
    const details =
      choice.kind === 'specific'
        ? { instanceType: 'InMage' as const, recoveryPointType: 'Custom', recoveryPointId: choice.pointId }
        : { instanceType: 'InMage' as const, recoveryPointType: choice.kind === 'latest' ? 'LatestTime' : 'LatestTag' };
    return {
      kind: 'unplanned',
      body: { properties: { failoverDirection: ITEM_FAILBACK_DIRECTION, sourceSiteOperations: 'NotRequired', providerSpecificDetails: details } },
    };
  }
  if (item.provider === 'InMageRcmFailback') {
    if (choice.kind === 'specific') throw new Error('Modernized failback recovers to the latest crash- or application-consistent point only.');
    return {
      kind: 'planned',
      body: {
        properties: {
          providerSpecificDetails: {
            instanceType: 'InMageRcmFailback',
            recoveryPointType: choice.kind === 'latest' ? 'CrashConsistent' : 'ApplicationConsistent',
          },
        },
      },
    };
  }
  throw new Error(`${item.friendlyName}: provider ${item.providerInstanceType} does not fail back from Azure.`);
}

export type PlanFailoverRequest = { kind: 'unplanned'; body: RecoveryPlanUnplannedFailoverInput } | { kind: 'planned'; body: RecoveryPlanPlannedFailoverInput };

/** The provider of a plan's failback, read from its members (a plan holds one generation). */
export function planProvider(plan: RecoveryPlanInfo, members: readonly ReplicatedItem[]): ReplicationProvider | undefined {
  const providers = new Set(members.map((m) => m.provider));
  if (providers.has('InMageRcmFailback') || plan.replicationProviders.includes('InMageRcmFailback')) return 'InMageRcmFailback';
  if (providers.has('InMage') || plan.replicationProviders.includes('InMage')) return 'InMage';
  return undefined;
}

export function planFailoverRequest(_plan: RecoveryPlanInfo, provider: ReplicationProvider, choice: RecoveryPointChoice): PlanFailoverRequest {
  if (choice.kind === 'specific') throw new Error('A recovery plan recovers to the latest or the latest app-consistent point.');
  const failoverDirection = PLAN_FAILBACK_DIRECTION;
  if (provider === 'InMageRcmFailback') {
    return {
      kind: 'planned',
      body: {
        properties: {
          failoverDirection,
          providerSpecificDetails: [
            {
              instanceType: 'InMageRcmFailback',
              recoveryPointType: choice.kind === 'latest' ? 'CrashConsistent' : 'ApplicationConsistent',
              // What the picker promises: Latest recovers each VM to its own latest point; the
              // app-consistent choice recovers a replication group to the point its VMs share.
              useMultiVmSyncPoint: choice.kind === 'latest' ? 'False' : 'True',
            },
          ],
        },
      },
    };
  }
  return {
    kind: 'unplanned',
    body: {
      properties: {
        failoverDirection,
        sourceSiteOperations: 'NotRequired',
        providerSpecificDetails: [{ instanceType: 'InMage', recoveryPointType: choice.kind === 'latest' ? 'LatestTime' : 'LatestTag' }],
      },
    },
  };
}

/**
 * Change recovery point: only InMageAzureV2 (no extra field) and InMageRcm (the point again)
 * have an apply-recovery-point input; the failback providers have none and are refused here,
 * before any request.
 */
export function applyRecoveryPointRequest(item: ReplicatedItem, recoveryPointId: string): ApplyRecoveryPointInput {
  if (item.provider === 'InMageAzureV2') return { properties: { recoveryPointId, providerSpecificDetails: { instanceType: 'InMageAzureV2' } } };
  if (item.provider === 'InMageRcm') return { properties: { recoveryPointId, providerSpecificDetails: { instanceType: 'InMageRcm', recoveryPointId } } };
  throw new Error(`${item.friendlyName}: Site Recovery cannot change the recovery point of a ${item.providerInstanceType} item.`);
}

/** Choices the user makes for reprotect (on-premises → Azure). */
export interface ReprotectChoices {
  processServerId: string;
  policyId: string;
  masterTargetId?: string;
  runAsAccountId?: string;
}

/**
 * Reprotect on-premises → Azure, shaped as live vaults received it:
 * - classic: the committed InMage item reprotects with InMageAzureV2 details (master target,
 *   process server, run-as account, policy; recorded in V2ATestReprotect without storage
 *   accounts) in the direction RecoveryToPrimary (the on-premises VM is the InMage recovery side);
 * - modernized: the InMageRcmFailback item reprotects, even before commit, with
 *   InMageRcmFailback details (process server, run-as account, policy) and no direction
 *   (session record TestV2ARCM540Reprotect).
 */
export function reprotectRequest(item: ReplicatedItem, c: ReprotectChoices): ReverseReplicationInput {
  if (item.provider === 'InMage') {
    if (!c.masterTargetId) throw new Error(`${item.friendlyName}: a classic reprotect needs a master target server.`);
    return {
      properties: {
        failoverDirection: 'RecoveryToPrimary',
        providerSpecificDetails: {
          instanceType: 'InMageAzureV2',
          processServerId: c.processServerId,
          masterTargetId: c.masterTargetId,
          runAsAccountId: c.runAsAccountId,
          policyId: c.policyId,
        },
      },
    };
  }
  if (item.provider === 'InMageRcmFailback') {
    return {
      properties: {
        providerSpecificDetails: { instanceType: 'InMageRcmFailback', processServerId: c.processServerId, runAsAccountId: c.runAsAccountId, policyId: c.policyId },
      },
    };
  }
  throw new Error(`${item.friendlyName}: provider ${item.providerInstanceType} is not reprotected to Azure by this extension.`);
}

/** Choices for reprotecting a VM that runs in Azure back to on-premises. */
export type ReprotectToOnPremisesChoices =
  | {
      generation: 'classic';
      processServerId: string;
      masterTargetId: string;
      retentionDrive: string;
      runAsAccountId?: string;
      datastoreName: string;
      /** The failback (InMage) policy. */
      policyId: string;
    }
  | {
      generation: 'modernized';
      reprotectAgentId: string;
      datastoreName: string;
      logStorageAccountId: string;
      /** The failback (InMageRcmFailback) policy. */
      policyId: string;
    };

/**
 * Reprotect Azure → on-premises, as recorded: classic InMageAzureV2 items send InMage details
 * (V2ATestSwitchProtection: master target, process server, retention drive, run-as account,
 * datastore, the Azure temporary disk left out, the failback policy as `profileId`); modernized
 * InMageRcm items send InMageRcm details (TestV2ARCMReprotect: appliance, datastore, log storage,
 * failback policy). Both name the direction RecoveryToPrimary: the VM runs at the recovery side.
 */
export function reprotectToOnPremisesRequest(item: ReplicatedItem, c: ReprotectToOnPremisesChoices): ReverseReplicationInput {
  if (item.provider === 'InMageAzureV2' && c.generation === 'classic') {
    return {
      properties: {
        failoverDirection: 'RecoveryToPrimary',
        providerSpecificDetails: {
          instanceType: 'InMage',
          masterTargetId: c.masterTargetId,
          processServerId: c.processServerId,
          retentionDrive: c.retentionDrive,
          runAsAccountId: c.runAsAccountId,
          datastoreName: c.datastoreName,
          // The Azure VM's temporary disk holds nothing to bring home (sent by the recorded client).
          diskExclusionInput: { volumeOptions: [{ volumeLabel: 'Temporary Storage', onlyExcludeIfSingleVolume: 'Yes' }] },
          profileId: c.policyId,
        },
      },
    };
  }
  if (item.provider === 'InMageRcm' && c.generation === 'modernized') {
    return {
      properties: {
        failoverDirection: 'RecoveryToPrimary',
        providerSpecificDetails: {
          instanceType: 'InMageRcm',
          reprotectAgentId: c.reprotectAgentId,
          datastoreName: c.datastoreName,
          logStorageAccountId: c.logStorageAccountId,
          policyId: c.policyId,
        },
      },
    };
  }
  throw new Error(`${item.friendlyName}: provider ${item.providerInstanceType} is not reprotected to on-premises with ${c.generation} choices.`);
}
