import type { AzureClients } from './clients';
import type { JobInfo, ProcessServerInfo, RecoveryPlanInfo, RecoveryPointInfo, ReplicatedItem, VaultRef } from '../domain/model';
import { parseArmId } from '../domain/armId';
import { toItem, toJob, toPlan, toProcessServers, toRecoveryPoint } from './mappers';
import { checkResponse } from './responses';

export interface SubscriptionInfo {
  subscriptionId: string;
  displayName: string;
  tenantId?: string;
}

export interface ItemPage {
  items: ReplicatedItem[];
  /** Present when Site Recovery has more items: pass it back to get the next page. */
  continuationToken?: string;
}

export interface ListAllItemsOptions {
  /** Requests in flight at most (ARM allows bursts well above this). */
  concurrency?: number;
  abortSignal?: AbortSignal;
}

/**
 * Requests in flight for listAllItems: the containers of most vaults side by side, far below
 * ARM's read throttling. Past this, a big vault's load is bound by deserializing the pages
 * (npm run bench: 8 → 32 gains little), not by round trips.
 */
export const LIST_ALL_CONCURRENCY = 16;

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export interface NamedResource {
  id: string;
  name: string;
  friendlyName: string;
}

/** Read-only queries. Paging and retries are the SDK's; one call = one page where it matters. */
export class SiteRecoveryQueries {
  constructor(private readonly clients: AzureClients) {}

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

  /** One page of the vault-wide replicated-items list: a single request, never a walk over containers. */
  async listItemsPage(vault: VaultRef, continuationToken?: string, filter?: string): Promise<ItemPage> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const pages = client.replicationProtectedItems
      .list(vault.vaultName, vault.resourceGroup, filter ? { filter } : undefined)
      .byPage(continuationToken ? { continuationToken } : undefined);
    const { value, done } = await pages.next();
    if (done || !value) return { items: [] };
    // The SDK keeps a page's nextLink beside the page, not on it (the client is loaded by now).
    const { getContinuationToken } = await import('@azure/arm-recoveryservices-siterecovery');
    return { items: value.map((rpi) => toItem(vault, rpi)), continuationToken: getContinuationToken(value) };
  }

  /**
   * Every replicated item of the vault: fabrics → their containers → each container's item
   * list, the lists in parallel (each paged, `concurrency` requests in flight at most). The
   * longest chain is a few round trips, where paging the vault-wide list costs one per page.
   * Deduplicated by id, sorted by name.
   */
  async listAllItems(vault: VaultRef, options: ListAllItemsOptions = {}): Promise<ReplicatedItem[]> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const slot = limiter(Math.max(1, options.concurrency ?? LIST_ALL_CONCURRENCY));
    const opts = options.abortSignal ? { abortSignal: options.abortSignal } : undefined;
    const { vaultName, resourceGroup } = vault;
    const fabrics = await allPages(client.replicationFabrics.list(vaultName, resourceGroup, opts), slot);
    const lists = await Promise.all(
      fabrics.map(async ({ name: fabric }) => {
        if (!fabric) return [];
        const containers = await allPages(client.replicationProtectionContainers.listByReplicationFabrics(vaultName, resourceGroup, fabric, opts), slot);
        const perContainer = await Promise.all(
          containers.map(({ name: container }) =>
            container ? rawItemPages(client, this.clients.connection.endpoint, vault, fabric, container, slot, options.abortSignal) : [],
          ),
        );
        return perContainer.flat();
      }),
    );
    const unique = new Map<string, ReplicatedItem>();
    for (const rpi of lists.flat()) {
      const item = toItem(vault, rpi);
      unique.set(item.id.toLowerCase(), item);
    }
    return [...unique.values()].sort((a, b) => byName.compare(a.friendlyName, b.friendlyName));
  }

  async getItem(item: Pick<ReplicatedItem, 'vault' | 'fabricName' | 'containerName' | 'name'>): Promise<ReplicatedItem> {
    const client = await this.clients.siteRecovery(item.vault.subscriptionId);
    const rpi = await client.replicationProtectedItems.get(item.vault.vaultName, item.vault.resourceGroup, item.fabricName, item.containerName, item.name);
    return toItem(item.vault, rpi);
  }

  /** Resolves an item from its ARM id (recovery plans list members by id). */
  async getItemById(vault: VaultRef, id: string): Promise<ReplicatedItem> {
    const s = parseArmId(id).segments;
    return this.getItem({ vault, fabricName: s['replicationfabrics'] ?? '', containerName: s['replicationprotectioncontainers'] ?? '', name: s['replicationprotecteditems'] ?? '' });
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

  async getJob(vault: VaultRef, jobName: string): Promise<JobInfo> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    return toJob(vault, await client.replicationJobs.get(vault.vaultName, vault.resourceGroup, jobName));
  }

  async listProcessServers(vault: VaultRef): Promise<ProcessServerInfo[]> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const out: ProcessServerInfo[] = [];
    for await (const fabric of client.replicationFabrics.list(vault.vaultName, vault.resourceGroup)) out.push(...toProcessServers(fabric));
    return out;
  }

  /** Fabric-level choices reprotect needs besides the process server (classic and modernized). */
  async listFabricDetails(vault: VaultRef): Promise<Array<Record<string, unknown>>> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const out: Array<Record<string, unknown>> = [];
    for await (const fabric of client.replicationFabrics.list(vault.vaultName, vault.resourceGroup)) {
      out.push({ id: fabric.id, name: fabric.name, ...(fabric.properties?.customDetails as object | undefined) });
    }
    return out;
  }

  async listPolicies(vault: VaultRef): Promise<Array<NamedResource & { providerType?: string }>> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const out: Array<NamedResource & { providerType?: string }> = [];
    for await (const p of client.replicationPolicies.list(vault.vaultName, vault.resourceGroup)) {
      out.push({
        id: p.id ?? '',
        name: p.name ?? '',
        friendlyName: p.properties?.friendlyName ?? p.name ?? '',
        providerType: (p.properties?.providerSpecificDetails as { instanceType?: string } | undefined)?.instanceType,
      });
    }
    return out;
  }
}

type Slot = <T>(request: () => Promise<T>) => Promise<T>;

/** Runs at most `max` requests at once; the others wait their turn in order. */
function limiter(max: number): Slot {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (request) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await request();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * A container's replicated items as plain JSON, page by page, through the SDK client's own
 * pipeline (auth, retries, throttling). The typed list call spends ~4× more CPU turning
 * thousands of items into model objects (npm run bench) than the round trips cost, and the
 * mapper reads the JSON field names directly, so the full load skips that step.
 */
async function rawItemPages(
  client: { sendRequest(request: import('@azure/core-rest-pipeline').PipelineRequest): Promise<import('@azure/core-rest-pipeline').PipelineResponse> },
  endpoint: string,
  vault: VaultRef,
  fabric: string,
  container: string,
  slot: Slot,
  abortSignal?: AbortSignal,
): Promise<Array<Parameters<typeof toItem>[1]>> {
  const { createPipelineRequest } = await import('@azure/core-rest-pipeline');
  const e = encodeURIComponent;
  let url: string | undefined =
    `${endpoint.replace(/\/$/, '')}/subscriptions/${e(vault.subscriptionId)}/resourceGroups/${e(vault.resourceGroup)}/providers/Microsoft.RecoveryServices/vaults/${e(vault.vaultName)}` +
    `/replicationFabrics/${e(fabric)}/replicationProtectionContainers/${e(container)}/replicationProtectedItems?api-version=${API_VERSIONS.siteRecovery}`;
  const out: Array<Parameters<typeof toItem>[1]> = [];
  while (url) {
    const pageUrl: string = url;
    const response = await slot(() => client.sendRequest(createPipelineRequest({ url: pageUrl, method: 'GET', abortSignal })));
    const page = JSON.parse(checkResponse(response, `Listing the items of ${container}`)) as { value?: Array<Parameters<typeof toItem>[1]>; nextLink?: string };
    out.push(...(page.value ?? []));
    url = page.nextLink || undefined;
  }
  return out;
}

/** Every element of an SDK list, one slot per page request. */
async function allPages<T>(list: { byPage(): AsyncIterableIterator<T[]> }, slot: Slot): Promise<T[]> {
  const pages = list.byPage();
  const out: T[] = [];
  for (;;) {
    const { value, done } = await slot(() => pages.next());
    if (done) return out;
    out.push(...value);
  }
}

/** The api-versions the SDK clients in this build speak, for reading any resource by id. */
export const API_VERSIONS = { siteRecovery: '2023-06-01', vaults: '2023-04-01' } as const;

/** GET any resource by ARM id through the SDK pipeline (auth, retries), as raw JSON for "View Properties". */
export async function getResourceJson(clients: AzureClients, subscriptionId: string, id: string, apiVersion: string): Promise<unknown> {
  const { createPipelineRequest } = await import('@azure/core-rest-pipeline');
  const client = await clients.siteRecovery(subscriptionId);
  const url = `${clients.connection.endpoint.replace(/\/$/, '')}${id}?api-version=${encodeURIComponent(apiVersion)}`;
  const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
  return JSON.parse(checkResponse(response, 'Reading the resource'));
}
