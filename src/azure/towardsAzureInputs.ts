import type {
  RecoveryPlanTestFailoverInput,
  RecoveryPlanUnplannedFailoverInput,
  TestFailoverCleanupInput,
  TestFailoverInput,
  UnplannedFailoverInput,
} from '@azure/arm-recoveryservices-siterecovery';
import type { ReplicatedItem } from '../domain/model';
import type { TowardsAzurePointChoice } from '../domain/towardsAzurePoints';

// Request bodies for the steps towards Azure, shaped as live vaults received them
// (test/fixtures/recorded/README.md): test failover V2ATFOJob.012 (InMageAzureV2) and
// TestV2ARCMTestFailover.012 (InMageRcm), cleanup V2ATFOJob.017, failover V2AFailoverJob.010 and
// TestV2ARCMFailover.012. Recovery plans: no recording; the shapes Azure PowerShell's plan cmdlets
// build (README, "Fidelity to live Site Recovery").

export type TowardsAzureProvider = 'InMageAzureV2' | 'InMageRcm';

export function towardsAzureProvider(item: ReplicatedItem): TowardsAzureProvider {
  if (item.provider === 'InMageAzureV2' || item.provider === 'InMageRcm') return item.provider;
  throw new Error(`${item.friendlyName}: provider ${item.providerInstanceType} does not replicate to Azure; nothing to fail over there.`);
}

/** A VM takes a point id, or none for the latest processed point. */
function pointIdOf(choice: TowardsAzurePointChoice): string | undefined {
  if (choice.kind === 'specific') return choice.pointId;
  if (choice.kind === 'appConsistent') {
    if (!choice.pointId) throw new Error('The latest app-consistent point of a VM is sent by its id; none was found.');
    return choice.pointId;
  }
  if (choice.kind === 'latest') throw new Error('A VM fails over to Azure to its latest processed point or to a point of its own: "Latest" is for recovery plans.');
  return undefined;
}

/** Test failover of one VM into the chosen Azure virtual network. */
export function testFailoverRequest(item: ReplicatedItem, choice: TowardsAzurePointChoice, networkId: string): TestFailoverInput {
  const provider = towardsAzureProvider(item);
  if (!networkId) throw new Error('A test failover needs an Azure virtual network for the test VMs.');
  const recoveryPointId = pointIdOf(choice);
  return {
    properties: {
      failoverDirection: 'PrimaryToRecovery',
      networkType: 'VmNetworkAsInput',
      networkId,
      // InMageRcm names the network again in its details (recorded).
      providerSpecificDetails: provider === 'InMageRcm' ? { instanceType: 'InMageRcm', networkId, recoveryPointId } : { instanceType: 'InMageAzureV2', recoveryPointId },
    },
  };
}

/** Cleanup: the drill's notes, which Site Recovery keeps with the job. */
export function testFailoverCleanupRequest(comments: string): TestFailoverCleanupInput {
  return { properties: { comments } };
}

/**
 * Failover of one VM to Azure. `shutDownSource`: Site Recovery shuts the on-premises VM down first
 * (classic sourceSiteOperations; modernized performShutdown, recorded as the strings "True"/"False").
 */
export function failoverToAzureRequest(item: ReplicatedItem, choice: TowardsAzurePointChoice, shutDownSource: boolean): UnplannedFailoverInput {
  const provider = towardsAzureProvider(item);
  const recoveryPointId = pointIdOf(choice);
  return {
    properties: {
      failoverDirection: 'PrimaryToRecovery',
      sourceSiteOperations: shutDownSource ? 'Required' : 'NotRequired',
      providerSpecificDetails:
        provider === 'InMageRcm'
          ? { instanceType: 'InMageRcm', performShutdown: shutDownSource ? 'True' : 'False', recoveryPointId }
          : { instanceType: 'InMageAzureV2', recoveryPointId },
    },
  };
}

const PLAN_POINT_TYPE: Record<'latestProcessed' | 'latest' | 'appConsistent', string> = {
  latestProcessed: 'LatestProcessed',
  latest: 'Latest',
  appConsistent: 'LatestApplicationConsistent',
};

function planDetails(provider: TowardsAzureProvider, choice: TowardsAzurePointChoice) {
  if (choice.kind === 'specific') throw new Error('A recovery plan recovers each VM to a point of a type (latest processed, latest, app-consistent), not to one point.');
  const recoveryPointType = PLAN_POINT_TYPE[choice.kind];
  // The app-consistent choice recovers a replication group to the point its VMs share (as the failback does).
  if (provider === 'InMageRcm') return [{ instanceType: 'InMageRcm' as const, recoveryPointType, useMultiVmSyncPoint: choice.kind === 'appConsistent' ? 'True' : 'False' }];
  return [{ instanceType: 'InMageAzureV2' as const, recoveryPointType }];
}

export function planTestFailoverRequest(provider: TowardsAzureProvider, choice: TowardsAzurePointChoice, networkId: string): RecoveryPlanTestFailoverInput {
  if (!networkId) throw new Error('A test failover needs an Azure virtual network for the test VMs.');
  return { properties: { failoverDirection: 'PrimaryToRecovery', networkType: 'VmNetworkAsInput', networkId, providerSpecificDetails: planDetails(provider, choice) } };
}

export function planFailoverToAzureRequest(provider: TowardsAzureProvider, choice: TowardsAzurePointChoice, shutDownSource: boolean): RecoveryPlanUnplannedFailoverInput {
  return {
    properties: {
      failoverDirection: 'PrimaryToRecovery',
      sourceSiteOperations: shutDownSource ? 'Required' : 'NotRequired',
      providerSpecificDetails: planDetails(provider, choice),
    },
  };
}

/** The provider of a plan of VMs replicating to Azure (a plan holds one generation). */
export function planTowardsAzureProvider(replicationProviders: readonly string[], members: readonly ReplicatedItem[]): TowardsAzureProvider | undefined {
  const all = new Set([...replicationProviders, ...members.map((m) => m.provider ?? '')]);
  if (all.has('InMageRcm')) return 'InMageRcm';
  if (all.has('InMageAzureV2')) return 'InMageAzureV2';
  return undefined;
}
