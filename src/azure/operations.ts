import type { FullOperationResponse, OperationOptions } from '@azure/core-client';
import type { AzureClients } from './clients';
import type { SiteRecoveryQueries } from './queries';
import type { RecoveryPlanInfo, ReplicatedItem, VaultRef } from '../domain/model';
import type { RecoveryPointChoice } from '../domain/recoveryPoints';
import { itemFailoverRequest, planFailoverRequest, reprotectRequest, type ReprotectChoices } from './inputs';
import type { ReplicationProvider } from '../domain/model';

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

/** Failover, commit, cancel and reprotect, for items and plans. */
export class SiteRecoveryOperations {
  constructor(
    private readonly clients: AzureClients,
    private readonly queries: SiteRecoveryQueries,
  ) {}

  private writer(vault: VaultRef) {
    return this.clients.siteRecoveryWriter(vault.subscriptionId);
  }

  /**
   * After an ambiguous failure, ask Site Recovery whether the operation started anyway
   * (the item then names its job). If it did, track that job instead of failing; if not,
   * the original error stands and nothing is re-sent.
   */
  private async reconcileItem(item: ReplicatedItem, error: unknown, scenario: RegExp): Promise<StartedOperation> {
    if (!isAmbiguousFailure(error)) throw error;
    let fresh: ReplicatedItem;
    try {
      fresh = await this.queries.getItem(item);
    } catch {
      throw error;
    }
    const op = fresh.currentOperation;
    if (op && scenario.test(op.scenarioName)) return { jobName: op.jobName, reconciled: true };
    throw error;
  }

  async failoverItem(item: ReplicatedItem, choice: RecoveryPointChoice): Promise<StartedOperation> {
    const request = itemFailoverRequest(item, choice);
    const client = await this.writer(item.vault);
    const v = item.vault;
    try {
      return await startOnce((o) =>
        request.kind === 'unplanned'
          ? client.replicationProtectedItems.beginUnplannedFailover(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, request.body, o)
          : client.replicationProtectedItems.beginPlannedFailover(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, request.body, o),
      );
    } catch (error) {
      return this.reconcileItem(item, error, /Failover/i);
    }
  }

  async commitItem(item: ReplicatedItem): Promise<StartedOperation> {
    const client = await this.writer(item.vault);
    const v = item.vault;
    try {
      return await startOnce((o) => client.replicationProtectedItems.beginFailoverCommit(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, o));
    } catch (error) {
      return this.reconcileItem(item, error, /Commit/i);
    }
  }

  async cancelFailoverItem(item: ReplicatedItem): Promise<StartedOperation> {
    const client = await this.writer(item.vault);
    const v = item.vault;
    try {
      return await startOnce((o) => client.replicationProtectedItems.beginFailoverCancel(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, o));
    } catch (error) {
      return this.reconcileItem(item, error, /Cancel/i);
    }
  }

  async reprotectItem(item: ReplicatedItem, choices: ReprotectChoices): Promise<StartedOperation> {
    const body = reprotectRequest(item, choices);
    const client = await this.writer(item.vault);
    const v = item.vault;
    try {
      return await startOnce((o) => client.replicationProtectedItems.beginReprotect(v.vaultName, v.resourceGroup, item.fabricName, item.containerName, item.name, body, o));
    } catch (error) {
      return this.reconcileItem(item, error, /Protection|Reprotect|ReverseReplicat/i);
    }
  }

  async failoverPlan(plan: RecoveryPlanInfo, provider: ReplicationProvider, choice: RecoveryPointChoice): Promise<StartedOperation> {
    const request = planFailoverRequest(plan, provider, choice);
    const client = await this.writer(plan.vault);
    const v = plan.vault;
    try {
      return await startOnce((o) =>
        request.kind === 'unplanned'
          ? client.replicationRecoveryPlans.beginUnplannedFailover(v.vaultName, v.resourceGroup, plan.name, request.body, o)
          : client.replicationRecoveryPlans.beginPlannedFailover(v.vaultName, v.resourceGroup, plan.name, request.body, o),
      );
    } catch (error) {
      return this.reconcilePlan(plan, error, /Failover/i);
    }
  }

  async commitPlan(plan: RecoveryPlanInfo): Promise<StartedOperation> {
    const client = await this.writer(plan.vault);
    const v = plan.vault;
    try {
      return await startOnce((o) => client.replicationRecoveryPlans.beginFailoverCommit(v.vaultName, v.resourceGroup, plan.name, o));
    } catch (error) {
      return this.reconcilePlan(plan, error, /Commit/i);
    }
  }

  async failoverPlanCancel(plan: RecoveryPlanInfo): Promise<StartedOperation> {
    const client = await this.writer(plan.vault);
    const v = plan.vault;
    try {
      return await startOnce((o) => client.replicationRecoveryPlans.beginFailoverCancel(v.vaultName, v.resourceGroup, plan.name, o));
    } catch (error) {
      return this.reconcilePlan(plan, error, /Cancel/i);
    }
  }

  async reprotectPlan(plan: RecoveryPlanInfo): Promise<StartedOperation> {
    const client = await this.writer(plan.vault);
    const v = plan.vault;
    try {
      return await startOnce((o) => client.replicationRecoveryPlans.beginReprotect(v.vaultName, v.resourceGroup, plan.name, o));
    } catch (error) {
      return this.reconcilePlan(plan, error, /Protection|Reprotect/i);
    }
  }

  private async reconcilePlan(plan: RecoveryPlanInfo, error: unknown, scenario: RegExp): Promise<StartedOperation> {
    if (!isAmbiguousFailure(error)) throw error;
    let fresh: RecoveryPlanInfo;
    try {
      fresh = await this.queries.getPlan(plan.vault, plan.name);
    } catch {
      throw error;
    }
    const op = fresh.currentOperation;
    if (op && scenario.test(op.scenarioName)) return { jobName: op.jobName, reconciled: true };
    throw error;
  }

  async cancelJob(vault: VaultRef, jobName: string): Promise<StartedOperation> {
    const client = await this.writer(vault);
    const started = await startOnce((o) => client.replicationJobs.beginCancel(vault.vaultName, vault.resourceGroup, jobName, o));
    return { jobName: started.jobName ?? jobName };
  }

  async restartJob(vault: VaultRef, jobName: string): Promise<StartedOperation> {
    const client = await this.writer(vault);
    return startOnce((o) => client.replicationJobs.beginRestart(vault.vaultName, vault.resourceGroup, jobName, o));
  }

  async resumeJob(vault: VaultRef, jobName: string, comments?: string): Promise<StartedOperation> {
    const client = await this.writer(vault);
    return startOnce((o) =>
      client.replicationJobs.beginResume(vault.vaultName, vault.resourceGroup, jobName, { properties: { comments: comments ?? 'Resumed from VS Code' } }, o),
    );
  }
}
