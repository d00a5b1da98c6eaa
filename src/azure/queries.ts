import { restPipeline } from './restPipeline';
import type { PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { AzureClients } from './clients';
import type { JobInfo, ProcessServerInfo, RecoveryPlanInfo, RecoveryPointInfo, ReplicatedItem, VaultRef } from '../domain/model';
import { parseArmId } from '../domain/armId';
import { compareNames } from '../domain/naturalOrder';
import { MalformedPageError, parseItemsPage, parseListPage, type ParsedItemsPage } from './itemsPage';
import { itemsPageParser, PageParserStoppedError, type ItemsPageParser } from './itemsPageParser';
import { toItem, toJob, toPlan, toProcessServers, toRecoveryPoint } from './mappers';
import { checkResponse } from './responses';
import { segmentsOf, type PageBytes } from './listPageChunks';
import { segmentPool } from './pageSegments';

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
  /** Where pages are parsed; the shared worker pool unless a test brings its own. */
  parser?: Pick<ItemsPageParser, 'parse' | 'warm'>;
}

/**
 * Requests in flight for listAllItems: every container of most vaults side by side (a container
 * left waiting for a slot costs a whole round trip per page), a burst well inside ARM's read
 * throttling (a bucket of hundreds of reads per subscription).
 */
export const LIST_ALL_CONCURRENCY = 32;

/** A fabric's containers holding this many items make a load worth parsing on workers (a few pages each). */
const WORKER_WORTHY_ITEMS = 500;

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

  /**
   * One page of the vault-wide replicated-items list: a single request, never a walk over
   * containers. The continuation token is the page's nextLink, as the SDK's own paging uses it.
   */
  async listItemsPage(vault: VaultRef, continuationToken?: string, filter?: string): Promise<ItemPage> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const { endpoint } = this.clients.connection;
    const query = `api-version=${API_VERSIONS.siteRecovery}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
    const url = continuationToken ?? `${vaultUrl(endpoint, vault)}/replicationProtectedItems?${query}`;
    const what = 'Listing replicated items';
    const bytes = await getPageBytes(client, endpoint, url, what);
    // Answers due now first (a full load's fabric list arrives with this page), then the parse.
    await afterDueAnswers();
    // On a worker that has nothing queued (a full load is starting beside this page); otherwise
    // here: one page is quick, and the first rows must wait neither for a worker to start nor
    // behind another vault's load.
    const page = itemsPageParser.idleWorker ? await parseOrReread(itemsPageParser, bytes, vault, what, () => getPageBytes(client, endpoint, url, what)) : inList(what, bytes, (b) => parseItemsPage(b, vault));
    return { items: page.items, continuationToken: page.nextLink };
  }

  /**
   * Every replicated item of the vault: fabrics → their containers → each container's item
   * list, the lists in parallel (each paged, `concurrency` requests in flight at most). The
   * longest chain is a few round trips, where paging the vault-wide list costs one per page.
   * Deduplicated (a page repeated by the service counts once), sorted by name.
   */
  async listAllItems(vault: VaultRef, options: ListAllItemsOptions = {}): Promise<ReplicatedItem[]> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const slot = limiter(Math.max(1, options.concurrency ?? LIST_ALL_CONCURRENCY));
    // One list per container, keyed by item name (ARM compares names case-insensitively): an item
    // is known by its container and name, and a page the service repeats counts once.
    const lists: Array<Map<string, ReplicatedItem>> = [];
    const parser = options.parser ?? itemsPageParser;
    const { endpoint } = this.clients.connection;
    const e = encodeURIComponent;
    const api = `api-version=${API_VERSIONS.siteRecovery}`;
    const fabrics = await listPages<{ name?: string }>(client, endpoint, `${vaultUrl(endpoint, vault)}/replicationFabrics?${api}`, 'Listing fabrics', slot, options.abortSignal);
    await Promise.all(
      distinctNames(fabrics).map(async (fabric) => {
        const containers = await listPages<{ name?: string; properties?: { protectedItemCount?: number } }>(
          client,
          endpoint,
          `${vaultUrl(endpoint, vault)}/replicationFabrics/${e(fabric)}/replicationProtectionContainers?${api}`,
          `Listing the protection containers of ${fabric}`,
          slot,
          options.abortSignal,
        );
        // Workers start a round trip before the first item pages arrive, and only for a vault worth it.
        if (containers.reduce((n, c) => n + (c.properties?.protectedItemCount ?? 0), 0) >= WORKER_WORTHY_ITEMS) parser.warm();
        await Promise.all(
          distinctNames(containers).map((container) => {
            const list = new Map<string, ReplicatedItem>();
            lists.push(list);
            // Items are kept as their page is parsed, while the other lists are still on the wire.
            const keep = (items: ReplicatedItem[]) => {
              for (const item of items) list.set((item.name || item.id).toLowerCase(), item);
            };
            return itemPages(client, endpoint, vault, fabric, container, slot, keep, parser, options.abortSignal);
          }),
        );
      }),
    );
    const all: ReplicatedItem[] = [];
    for (const list of lists) for (const item of list.values()) all.push(item);
    return all.sort((a, b) => compareNames(a.friendlyName, b.friendlyName));
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

/** Names of listed resources, each once (ARM names are case-insensitive; a repeated page repeats them). */
function distinctNames(resources: ReadonlyArray<{ name?: string }>): string[] {
  const seen = new Map<string, string>();
  for (const { name } of resources) if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()];
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

type PipelineClient = { sendRequest(request: PipelineRequest): Promise<PipelineResponse> };

function vaultUrl(endpoint: string, vault: VaultRef): string {
  const e = encodeURIComponent;
  return `${endpoint.replace(/\/$/, '')}/subscriptions/${e(vault.subscriptionId)}/resourceGroups/${e(vault.resourceGroup)}/providers/Microsoft.RecoveryServices/vaults/${e(vault.vaultName)}`;
}

/**
 * The bytes of one page of a replicated-items list, through the SDK client's own pipeline
 * (auth, retries, throttling). Item lists skip the SDK's model step, which spends several times
 * more CPU turning thousands of items into model objects than the round trips cost (npm run
 * bench); parseItemsPage maps the JSON names directly.
 */
async function getPageBytes(client: PipelineClient, endpoint: string, url: string, what: string, abortSignal?: AbortSignal): Promise<PageBytes> {
  // A nextLink elsewhere would carry the bearer token off the cloud it was issued for.
  const origin = new URL(endpoint).origin;
  if (new URL(url).origin !== origin) throw new Error(`${what}: Site Recovery returned a next-page link outside ${origin}`);
  const { createPipelineRequest } = await restPipeline();
  // A 200 comes back as a stream, so the pipeline does not parse it on this thread.
  const request = createPipelineRequest({ url, method: 'GET', abortSignal, streamResponseStatusCodes: new Set([200]) });
  const response = await client.sendRequest(request);
  if (!response.readableStreamBody) return new TextEncoder().encode(checkResponse(response, what));
  try {
    return await readAll(response.readableStreamBody);
  } catch (e) {
    if (abortSignal?.aborted) throw e;
    throw new Error(`${what}: the response broke off (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * The body in segments from the segment pool (pageSegments.ts): never one buffer of the whole
 * page, and no fresh memory per page. The parser moves them to a worker thread and the pool
 * gets them back once the page is parsed.
 */
function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array[]> {
  const segments: Uint8Array[] = [];
  let current: Uint8Array | undefined;
  let used = 0;
  // Events rather than an async iterator: the body is read in the turn it arrives, and the
  // next page's request goes out sooner (npm run bench).
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Uint8Array | string) => {
      const bytes: Uint8Array = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      for (let at = 0; at < bytes.length; ) {
        if (!current || used === current.length) {
          if (current) segments.push(current);
          current = segmentPool.take();
          used = 0;
        }
        const n = Math.min(bytes.length - at, current.length - used);
        current.set(bytes.subarray(at, at + n), used);
        used += n;
        at += n;
      }
    });
    stream.on('end', () => {
      if (current) segments.push(current.subarray(0, used));
      resolve(segments);
    });
    stream.on('error', reject);
    // A stream that closes without 'end' broke off.
    stream.on('close', () => reject(new Error('the connection closed before the end of the body')));
  });
}

/**
 * A container's replicated items, page by page, each handed to `keep` as it is parsed (on the
 * parser's worker) while the other containers' pages are still on the wire. ARM writes nextLink
 * last, so it is read off the page's tail and the next page requested before this one is
 * parsed; the parsed nextLink has the last word (a wrong guess is dropped, never used).
 */
async function itemPages(
  client: PipelineClient,
  endpoint: string,
  vault: VaultRef,
  fabric: string,
  container: string,
  slot: Slot,
  keep: (items: ReplicatedItem[]) => void,
  parser: Pick<ItemsPageParser, 'parse'>,
  abortSignal?: AbortSignal,
): Promise<void> {
  const e = encodeURIComponent;
  const what = `Listing the items of ${container}`;
  const fetchPage = (url: string) => {
    const bytes = slot(() => getPageBytes(client, endpoint, url, what, abortSignal));
    bytes.catch(() => undefined); // awaited when its turn comes; never left unhandled
    return { url, bytes };
  };
  let current: { url: string; bytes: Promise<PageBytes> } | undefined = fetchPage(
    `${vaultUrl(endpoint, vault)}/replicationFabrics/${e(fabric)}/replicationProtectionContainers/${e(container)}/replicationProtectedItems?api-version=${API_VERSIONS.siteRecovery}`,
  );
  while (current) {
    const pageUrl: string = current.url;
    const bytes: PageBytes = await current.bytes;
    const guess = trailingNextLink(bytes);
    const ahead = guess ? fetchPage(guess) : undefined;
    // The page is handed to the parser after the loop's other due answers have sent their next
    // requests: the chains wait on those, not on the hand-over.
    await afterDueAnswers();
    const page = await parseOrReread(parser, bytes, vault, what, () => slot(() => getPageBytes(client, endpoint, pageUrl, what, abortSignal)));
    keep(page.items);
    current = page.nextLink ? (ahead?.url === page.nextLink ? ahead : fetchPage(page.nextLink)) : undefined;
  }
}

const afterDueAnswers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Parses a page on `parser`; if its worker went down with the page, reads the page again and parses it here. */
async function parseOrReread(parser: Pick<ItemsPageParser, 'parse'>, bytes: PageBytes, vault: VaultRef, what: string, reread: () => Promise<PageBytes>): Promise<ParsedItemsPage> {
  try {
    return await parser.parse(bytes, vault);
  } catch (e) {
    if (e instanceof MalformedPageError) throw new MalformedPageError(e.detail, what);
    if (!(e instanceof PageParserStoppedError)) throw e;
    const again = await reread();
    return inList(what, again, (b) => parseItemsPage(b, vault));
  }
}

/** Parses a page of the list `what` on this thread, then gives its segments back; a malformed page says which list it was. */
function inList<T>(what: string, bytes: PageBytes, parse: (bytes: PageBytes) => T): T {
  try {
    return parse(bytes);
  } catch (e) {
    throw e instanceof MalformedPageError ? new MalformedPageError(e.detail, what) : e;
  } finally {
    segmentPool.give(segmentsOf(bytes));
  }
}

/** The nextLink at the very end of a list page (`…,"nextLink":"…"}`), without parsing the page. */
export function trailingNextLink(bytes: PageBytes): string | undefined {
  const segments = segmentsOf(bytes);
  // The last 2 KB, from the last segment or two.
  const parts: Buffer[] = [];
  for (let k = segments.length - 1, need = 2048; k >= 0 && need > 0; k--) {
    const s = segments[k];
    const from = Math.max(0, s.length - need);
    parts.unshift(Buffer.from(s.buffer, s.byteOffset + from, s.length - from));
    need -= s.length - from;
  }
  const tail = Buffer.concat(parts).toString('utf8');
  const m = /"nextLink"\s*:\s*("(?:[^"\\]|\\.)*")\s*\}\s*$/.exec(tail);
  if (!m) return undefined;
  try {
    const link: unknown = JSON.parse(m[1]);
    return typeof link === 'string' && link ? link : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every element of a list, page by page through the client's pipeline, as plain JSON: the walk
 * to the item lists needs names only, and the SDK's model step cost a millisecond a page on
 * the load's critical path.
 */
async function listPages<T>(client: PipelineClient, endpoint: string, url: string, what: string, slot: Slot, abortSignal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  for (let next: string | undefined = url; next; ) {
    const link: string = next;
    const bytes = await slot(() => getPageBytes(client, endpoint, link, what, abortSignal));
    const page = inList(what, bytes, (b) => parseListPage<T>(b));
    out.push(...page.value);
    next = page.nextLink;
  }
  return out;
}

/** The api-versions the SDK clients in this build speak, for reading any resource by id. */
export const API_VERSIONS = { siteRecovery: '2023-06-01', vaults: '2023-04-01' } as const;

/** GET any resource by ARM id through the SDK pipeline (auth, retries), as raw JSON for "View Properties". */
export async function getResourceJson(clients: AzureClients, subscriptionId: string, id: string, apiVersion: string): Promise<unknown> {
  const { createPipelineRequest } = await restPipeline();
  const client = await clients.siteRecovery(subscriptionId);
  const url = `${clients.connection.endpoint.replace(/\/$/, '')}${id}?api-version=${encodeURIComponent(apiVersion)}`;
  const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
  return JSON.parse(checkResponse(response, 'Reading the resource'));
}
