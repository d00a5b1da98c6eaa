import type {
  PlannedFailoverInput,
  RecoveryPlanPlannedFailoverInput,
  RecoveryPlanUnplannedFailoverInput,
  ReverseReplicationInput,
  UnplannedFailoverInput,
} from '@azure/arm-recoveryservices-siterecovery';
import type { RecoveryPlanInfo, ReplicatedItem, ReplicationProvider } from '../domain/model';
import type { RecoveryPointChoice } from '../domain/recoveryPoints';
import { ITEM_FAILBACK_DIRECTION, PLAN_FAILBACK_DIRECTION } from '../domain/direction';

// Request bodies for each provider, shaped as live vaults receive them (see FACTS.md):
// classic failback = unplannedFailover with InMage details; modernized failback =
// plannedFailover with InMageRcmFailback details.

export type FailoverRequest =
  | { kind: 'unplanned'; body: UnplannedFailoverInput }
  | { kind: 'planned'; body: PlannedFailoverInput };

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

export type PlanFailoverRequest =
  | { kind: 'unplanned'; body: RecoveryPlanUnplannedFailoverInput }
  | { kind: 'planned'; body: RecoveryPlanPlannedFailoverInput };

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
          providerSpecificDetails: [{ instanceType: 'InMageRcmFailback', recoveryPointType: choice.kind === 'latest' ? 'CrashConsistent' : 'ApplicationConsistent' }],
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

/** Choices the user makes for reprotect (on-premises → Azure). */
export interface ReprotectChoices {
  processServerId: string;
  policyId: string;
  masterTargetId?: string;
  runAsAccountId?: string;
  storageAccountId?: string;
  logStorageAccountId?: string;
}

/**
 * Classic items come back as InMage and reprotect with InMageAzureV2 details (process
 * server, master target, policy); modernized ones with InMageRcmFailback details (process
 * server, policy). The VM now runs at the recovery side of the replication, so the
 * direction is recovery → primary.
 */
export function reprotectRequest(item: ReplicatedItem, c: ReprotectChoices): ReverseReplicationInput {
  const failoverDirection = item.activeLocation?.toLowerCase() === 'primary' ? 'PrimaryToRecovery' : 'RecoveryToPrimary';
  if (item.provider === 'InMage' || item.provider === 'InMageAzureV2') {
    if (!c.masterTargetId) throw new Error(`${item.friendlyName}: a classic reprotect needs a master target server.`);
    return {
      properties: {
        failoverDirection,
        providerSpecificDetails: {
          instanceType: 'InMageAzureV2',
          processServerId: c.processServerId,
          masterTargetId: c.masterTargetId,
          policyId: c.policyId,
          runAsAccountId: c.runAsAccountId,
          storageAccountId: c.storageAccountId,
          logStorageAccountId: c.logStorageAccountId,
        },
      },
    };
  }
  if (item.provider === 'InMageRcmFailback' || item.provider === 'InMageRcm') {
    return {
      properties: {
        failoverDirection,
        providerSpecificDetails: { instanceType: 'InMageRcmFailback', processServerId: c.processServerId, policyId: c.policyId, runAsAccountId: c.runAsAccountId },
      },
    };
  }
  throw new Error(`${item.friendlyName}: provider ${item.providerInstanceType} cannot be reprotected by this extension.`);
}
