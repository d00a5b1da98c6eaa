import { restPipeline } from './restPipeline';
import type { AzureClients } from './clients';
import type { JobInfo, RecoveryPlanInfo, RecoveryPointInfo, ReplicatedItem, VaultRef } from '../domain/model';
import { parseArmId } from '../domain/armId';
import { ItemLists, PageParser, SITE_RECOVERY_API, type ItemPage, type ItemPageParser, type ListAllItemsOptions } from './itemLists';
import { toItem, toJob, toPlan, toRecoveryPoint } from './mappers';
import { checkResponse } from './responses';
import { listVirtualNetworks } from './networks';
import type { VirtualNetworkInfo } from '../domain/networks';
import type { PolicyInfo } from '../domain/infrastructure';
import { listPolicies } from './infrastructure';

export type { ItemPage, ListAllItemsOptions } from './itemLists';

export interface SubscriptionInfo {
  subscriptionId: string;
  displayName: string;
  tenantId?: string;
}

/** Read-only queries. Paging and retries are the SDK's; one call = one page where it matters. */
export class SiteRecoveryQueries {
  private readonly itemLists: ItemLists;

  /** `parser`: where item-list pages are parsed; by default with a worker of its own, stopped by dispose(). */
  constructor(
    private readonly clients: AzureClients,
    private readonly parser: ItemPageParser = new PageParser(),
  ) {
    this.itemLists = new ItemLists(clients, parser);
  }

  /** Worker threads parsing item-list pages now (0 or 1). */
  get itemListWorkers(): number {
    return this.parser.workers;
  }

  /** Item-list pages parsed off the extension host's thread so far. */
  get itemPagesParsedOffThread(): number {
    return this.parser.workerPages;
  }

  /** Stops the item-list worker; pages it still held reject. */
  dispose(): void {
    this.parser.dispose();
  }

  async listSubscriptions(): Promise<SubscriptionInfo[]> {
    const client = await this.clients.subscriptions();
    const out: SubscriptionInfo[] = [];
    for await (const sub of client.subscriptions.list()) {
      if (sub.subscriptionId) out.push({ subscriptionId: sub.subscriptionId, displayName: sub.displayName ?? sub.subscriptionId, tenantId: sub.tenantId });
    }
    return out.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Tenants the signed-in account can reach. */
  async listTenants(): Promise<Array<{ tenantId: string; displayName: string }>> {
    const client = await this.clients.subscriptions();
    const out: Array<{ tenantId: string; displayName: string }> = [];
    for await (const t of client.tenants.list()) if (t.tenantId) out.push({ tenantId: t.tenantId, displayName: t.displayName ?? t.defaultDomain ?? t.tenantId });
    return out;
  }

  async listVaults(subscriptionId: string): Promise<VaultRef[]> {
    const client = await this.clients.vaults(subscriptionId);
    const out: VaultRef[] = [];
    for await (const v of client.vaults.listBySubscriptionId()) {
      if (!v.id || !v.name) continue;
      out.push({
        subscriptionId,
        resourceGroup: parseArmId(v.id).resourceGroup ?? '',
        vaultName: v.name,
        id: v.id,
        location: v.location,
        practice: this.clients.connection.practice,
      });
    }
    return out.sort((a, b) => a.vaultName.localeCompare(b.vaultName));
  }

  /** One page of the vault-wide replicated-items list (one request); the token is the page's nextLink. */
  listItemsPage(vault: VaultRef, continuationToken?: string, filter?: string): Promise<ItemPage> {
    return this.itemLists.page(vault, continuationToken, filter);
  }

  /** Every replicated item of the vault from the per-container lists, each once, sorted by name. */
  listAllItems(vault: VaultRef, options: ListAllItemsOptions = {}): Promise<ReplicatedItem[]> {
    return this.itemLists.all(vault, options);
  }

  async getItem(item: Pick<ReplicatedItem, 'vault' | 'fabricName' | 'containerName' | 'name'>): Promise<ReplicatedItem> {
    const client = await this.clients.siteRecovery(item.vault.subscriptionId);
    const rpi = await client.replicationProtectedItems.get(item.vault.vaultName, item.vault.resourceGroup, item.fabricName, item.containerName, item.name);
    return toItem(item.vault, rpi);
  }

  /** Resolves an item from its ARM id (recovery plans list members by id). */
  async getItemById(vault: VaultRef, id: string): Promise<ReplicatedItem> {
    const s = parseArmId(id).segments;
    return this.getItem({
      vault,
      fabricName: s['replicationfabrics'] ?? '',
      containerName: s['replicationprotectioncontainers'] ?? '',
      name: s['replicationprotecteditems'] ?? '',
    });
  }

  async listRecoveryPoints(item: ReplicatedItem): Promise<RecoveryPointInfo[]> {
    const client = await this.clients.siteRecovery(item.vault.subscriptionId);
    const out: RecoveryPointInfo[] = [];
    for await (const rp of client.recoveryPoints.listByReplicationProtectedItems(item.vault.vaultName, item.vault.resourceGroup, item.fabricName, item.containerName, item.name)) {
      const point = toRecoveryPoint(rp);
      if (point) out.push(point);
    }
    return out.sort((a, b) => b.time.getTime() - a.time.getTime());
  }

  async listPlans(vault: VaultRef): Promise<RecoveryPlanInfo[]> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const out: RecoveryPlanInfo[] = [];
    for await (const plan of client.replicationRecoveryPlans.list(vault.vaultName, vault.resourceGroup)) out.push(toPlan(vault, plan));
    return out.sort((a, b) => a.friendlyName.localeCompare(b.friendlyName));
  }

  async getPlan(vault: VaultRef, name: string): Promise<RecoveryPlanInfo> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    return toPlan(vault, await client.replicationRecoveryPlans.get(vault.vaultName, vault.resourceGroup, name));
  }

  /** All jobs matching an OData filter (Site Recovery's job query syntax), every page. */
  async listJobs(vault: VaultRef, filter?: string): Promise<JobInfo[]> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const out: JobInfo[] = [];
    for await (const job of client.replicationJobs.list(vault.vaultName, vault.resourceGroup, filter ? { filter } : undefined)) out.push(toJob(vault, job));
    return out;
  }

  /** The vault's replication policies, with the RPO threshold of each (classic policies only). */
  listPolicies(vault: VaultRef): Promise<PolicyInfo[]> {
    return listPolicies(this.clients, vault);
  }

  /** The subscription's Azure virtual networks (a test failover's test VMs go into one). */
  listVirtualNetworks(subscriptionId: string): Promise<VirtualNetworkInfo[]> {
    return listVirtualNetworks(this.clients, subscriptionId);
  }

  async getJob(vault: VaultRef, jobName: string): Promise<JobInfo> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    return toJob(vault, await client.replicationJobs.get(vault.vaultName, vault.resourceGroup, jobName));
  }
}

/** The api-versions the SDK clients in this build speak, for reading any resource by id. */
export const API_VERSIONS = { siteRecovery: SITE_RECOVERY_API, vaults: '2023-04-01' } as const;

/** GET any resource by ARM id through the SDK pipeline (auth, retries), as raw JSON for "View Properties". */
export async function getResourceJson(clients: AzureClients, subscriptionId: string, id: string, apiVersion: string): Promise<unknown> {
  const { createPipelineRequest } = await restPipeline();
  const client = await clients.siteRecovery(subscriptionId);
  const url = `${clients.connection.endpoint.replace(/\/$/, '')}${id}?api-version=${encodeURIComponent(apiVersion)}`;
  const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
  return JSON.parse(checkResponse(response, 'Reading the resource'));
}
