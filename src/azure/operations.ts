import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { AzureClients } from './clients';
import type { SiteRecoveryQueries } from './queries';
import type { RecoveryPlanInfo, ReplicatedItem, VaultRef } from '../domain/model';
import type { RecoveryPointChoice } from '../domain/recoveryPoints';
import {
  applyRecoveryPointRequest,
  itemFailoverRequest,
  planFailoverRequest,
  reprotectRequest,
  reprotectToOnPremisesRequest,
  type ReprotectChoices,
  type ReprotectToOnPremisesChoices,
} from './inputs';
import type { ReplicationProvider } from '../domain/model';
import type { TowardsAzurePointChoice } from '../domain/towardsAzurePoints';
import {
  failoverToAzureRequest,
  planFailoverToAzureRequest,
  planTestFailoverRequest,
  testFailoverCleanupRequest,
  testFailoverRequest,
  type TowardsAzureProvider,
} from './towardsAzureInputs';

/** What a state-changing request started. */
export interface StartedOperation {
  /** Site Recovery job that carries the operation, when it could be determined. */
  jobName?: string;
  /** True when the POST failed in transit but the item shows the operation running anyway. */
  reconciled?: boolean;
}

type LroOptions = OperationOptions & { updateIntervalInMs?: number };

/** Job name from the long-running-operation headers: the operation id is the job's name. */
export function jobNameFromHeaders(get: (name: string) => string | undefined): string | undefined {
  for (const header of ['azure-asyncoperation', 'location']) {
    const url = get(header);
    if (!url) continue;
    const path = url.split('?')[0];
    const m = /\/replicationJobs\/([^/]+)/i.exec(path) ?? /\/replicationOperationStatus\/([^/]+)/i.exec(path) ?? /\/([^/]+)$/.exec(path);
    if (m) return decodeURIComponent(m[1]);
  }
  return undefined;
}

/**
 * Sends one state-changing POST through the SDK and returns as soon as Site Recovery has
 * accepted it. The SDK's begin* methods poll once after the POST; a failure of that poll
 * must not hide that the POST was accepted, so acceptance is taken from the POST's own
 * response. Never re-sends the POST (the writer client retries 429 only).
 */
export async function startOnce(send: (options: LroOptions) => Promise<unknown>): Promise<StartedOperation> {
  let accepted: StartedOperation | undefined;
  const onResponse = (raw: FullOperationResponse): void => {
    if (accepted || raw.request.method !== 'POST' || raw.status >= 300) return;
    accepted = { jobName: jobNameFromHeaders((h) => raw.headers.get(h)) };
  };
  try {
    await send({ onResponse, updateIntervalInMs: 60_000 });
  } catch (error) {
    if (!accepted) throw error;
  }
  return accepted ?? {};
}

/** True for failures after which the POST may or may not have reached Site Recovery. */
export function isAmbiguousFailure(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string; name?: string };
  if (e?.statusCode !== undefined) return e.statusCode >= 500 || e.statusCode === 408;
  return e?.name === 'RestError' || /ECONNRESET|ETIMEDOUT|EPIPE|PARSE_ERROR|REQUEST_SEND_ERROR/i.test(e?.code ?? '');
}

type Writer = Awaited<ReturnType<AzureClients['siteRecoveryWriter']>>;

/** Failover, commit, cancel and reprotect, for items and plans. */
export class SiteRecoveryOperations {
  constructor(
    private readonly clients: AzureClients,
    private readonly queries: SiteRecoveryQueries,
  ) {}

  /**
   * Sends one state-changing POST. After an ambiguous failure (5xx, reset, unreadable
   * answer) it asks Site Recovery whether the operation started anyway — the item or plan
   * then names its job — and follows that job instead of failing; otherwise the original
   * error stands. Nothing is ever re-sent.
   */
  private async once(
    vault: VaultRef,
    scenario: RegExp,
    reread: () => Promise<{ currentOperation?: { scenarioName: string; jobName?: string } }>,
    send: (client: Writer, options: LroOptions) => Promise<unknown>,
  ): Promise<StartedOperation> {
    const client = await this.clients.siteRecoveryWriter(vault.subscriptionId);
    try {
      return await startOnce((o) => send(client, o));
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw error;
      let op: { scenarioName: string; jobName?: string } | undefined;
      try {
        op = (await reread()).currentOperation;
      } catch {
        throw error;
      }
      if (op && scenario.test(op.scenarioName)) return { jobName: op.jobName, reconciled: true };
      throw error;
    }
  }

  private onItem(item: ReplicatedItem, scenario: RegExp, send: (client: Writer, o: LroOptions, v: VaultRef) => Promise<unknown>): Promise<StartedOperation> {
    return this.once(
      item.vault,
      scenario,
      () => this.queries.getItem(item),
      (c, o) => send(c, o, item.vault),
    );
  }

  private onPlan(plan: RecoveryPlanInfo, scenario: RegExp, send: (client: Writer, o: LroOptions, v: VaultRef) => Promise<unknown>): Promise<StartedOperation> {
    return this.once(
      plan.vault,
      scenario,
      () => this.queries.getPlan(plan.vault, plan.name),
      (c, o) => send(c, o, plan.vault),
    );
  }

  async failoverItem(item: ReplicatedItem, choice: RecoveryPointChoice): Promise<StartedOperation> {
    const request = itemFailoverRequest(item, choice);
    const { fabricName: f, containerName: c, name } = item;
    return this.onItem(item, /Failover/i, (client, o, v) =>
      request.kind === 'unplanned'
        ? client.replicationProtectedItems.beginUnplannedFailover(v.vaultName, v.resourceGroup, f, c, name, request.body, o)
        : client.replicationProtectedItems.beginPlannedFailover(v.vaultName, v.resourceGroup, f, c, name, request.body, o),
    );
  }

  commitItem(item: ReplicatedItem): Promise<StartedOperation> {
    return this.onItem(item, /Commit/i, (client, o, v) =>
      client.replicationProtectedItems.beginFailoverCommit(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, o),
    );
  }

  cancelFailoverItem(item: ReplicatedItem): Promise<StartedOperation> {
    return this.onItem(item, /Cancel/i, (client, o, v) =>
      client.replicationProtectedItems.beginFailoverCancel(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, o),
    );
  }

  /** Moves a failed-over (not yet committed) VM to another recovery point. */
  async changeRecoveryPoint(item: ReplicatedItem, recoveryPointId: string): Promise<StartedOperation> {
    const body = applyRecoveryPointRequest(item, recoveryPointId);
    return this.onItem(item, /ChangePit|ApplyRecoveryPoint|Failover/i, (client, o, v) =>
      client.replicationProtectedItems.beginApplyRecoveryPoint(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o),
    );
  }

  async reprotectItem(item: ReplicatedItem, choices: ReprotectChoices): Promise<StartedOperation> {
    const body = reprotectRequest(item, choices);
    return this.onItem(item, /Protection|Reprotect|ReverseReplicat/i, (client, o, v) =>
      client.replicationProtectedItems.beginReprotect(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o),
    );
  }

  /** Reprotect of a VM running in Azure back to on-premises (the failback's precondition). */
  async reprotectToOnPremises(item: ReplicatedItem, choices: ReprotectToOnPremisesChoices): Promise<StartedOperation> {
    const body = reprotectToOnPremisesRequest(item, choices);
    return this.onItem(item, /Protection|Reprotect|ReverseReplicat/i, (client, o, v) =>
      client.replicationProtectedItems.beginReprotect(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o),
    );
  }

  /** Test failover of a VM replicating to Azure into `networkId` (a drill beside replication). */
  async testFailoverItem(item: ReplicatedItem, choice: TowardsAzurePointChoice, networkId: string): Promise<StartedOperation> {
    const body = testFailoverRequest(item, choice, networkId);
    return this.onItem(item, /^TestFailover$/i, (client, o, v) =>
      client.replicationProtectedItems.beginTestFailover(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o),
    );
  }

  async cleanupTestFailoverItem(item: ReplicatedItem, comments: string): Promise<StartedOperation> {
    const body = testFailoverCleanupRequest(comments);
    return this.onItem(item, /TestFailoverCleanup/i, (client, o, v) =>
      client.replicationProtectedItems.beginTestFailoverCleanup(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o),
    );
  }

  async failoverItemToAzure(item: ReplicatedItem, choice: TowardsAzurePointChoice, shutDownSource: boolean): Promise<StartedOperation> {
    const body = failoverToAzureRequest(item, choice, shutDownSource);
    return this.onItem(item, /^UnplannedFailover$/i, (client, o, v) =>
      client.replicationProtectedItems.beginUnplannedFailover(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o),
    );
  }

  async testFailoverPlan(plan: RecoveryPlanInfo, provider: TowardsAzureProvider, choice: TowardsAzurePointChoice, networkId: string): Promise<StartedOperation> {
    const body = planTestFailoverRequest(provider, choice, networkId);
    return this.onPlan(plan, /^TestFailover$/i, (client, o, v) => client.replicationRecoveryPlans.beginTestFailover(v.vaultName, v.resourceGroup, plan.name, body, o));
  }

  async cleanupTestFailoverPlan(plan: RecoveryPlanInfo, comments: string): Promise<StartedOperation> {
    const body = testFailoverCleanupRequest(comments);
    return this.onPlan(plan, /TestFailoverCleanup/i, (client, o, v) => client.replicationRecoveryPlans.beginTestFailoverCleanup(v.vaultName, v.resourceGroup, plan.name, body, o));
  }

  async failoverPlanToAzure(plan: RecoveryPlanInfo, provider: TowardsAzureProvider, choice: TowardsAzurePointChoice, shutDownSource: boolean): Promise<StartedOperation> {
    const body = planFailoverToAzureRequest(provider, choice, shutDownSource);
    return this.onPlan(plan, /^UnplannedFailover$/i, (client, o, v) => client.replicationRecoveryPlans.beginUnplannedFailover(v.vaultName, v.resourceGroup, plan.name, body, o));
  }

  async failoverPlan(plan: RecoveryPlanInfo, provider: ReplicationProvider, choice: RecoveryPointChoice): Promise<StartedOperation> {
    const request = planFailoverRequest(plan, provider, choice);
    return this.onPlan(plan, /Failover/i, (client, o, v) =>
      request.kind === 'unplanned'
        ? client.replicationRecoveryPlans.beginUnplannedFailover(v.vaultName, v.resourceGroup, plan.name, request.body, o)
        : client.replicationRecoveryPlans.beginPlannedFailover(v.vaultName, v.resourceGroup, plan.name, request.body, o),
    );
  }

  commitPlan(plan: RecoveryPlanInfo): Promise<StartedOperation> {
    return this.onPlan(plan, /Commit/i, (client, o, v) => client.replicationRecoveryPlans.beginFailoverCommit(v.vaultName, v.resourceGroup, plan.name, o));
  }

  failoverPlanCancel(plan: RecoveryPlanInfo): Promise<StartedOperation> {
    return this.onPlan(plan, /Cancel/i, (client, o, v) => client.replicationRecoveryPlans.beginFailoverCancel(v.vaultName, v.resourceGroup, plan.name, o));
  }

  async cancelJob(vault: VaultRef, jobName: string): Promise<StartedOperation> {
    const client = await this.clients.siteRecoveryWriter(vault.subscriptionId);
    const started = await startOnce((o) => client.replicationJobs.beginCancel(vault.vaultName, vault.resourceGroup, jobName, o));
    return { jobName: started.jobName ?? jobName };
  }

  async restartJob(vault: VaultRef, jobName: string): Promise<StartedOperation> {
    const client = await this.clients.siteRecoveryWriter(vault.subscriptionId);
    return startOnce((o) => client.replicationJobs.beginRestart(vault.vaultName, vault.resourceGroup, jobName, o));
  }

  async resumeJob(vault: VaultRef, jobName: string, comments?: string): Promise<StartedOperation> {
    const client = await this.clients.siteRecoveryWriter(vault.subscriptionId);
    return startOnce((o) => client.replicationJobs.beginResume(vault.vaultName, vault.resourceGroup, jobName, { properties: { comments: comments ?? 'Resumed from VS Code' } }, o));
  }
}
