// Replicated-item lists: a page of the vault-wide list (the tree's first rows, "Load more…"), and
// every item of a vault from the per-container lists side by side (filters, pickers). Requests go
// through the SDK client's pipeline (auth, retries, throttling); bodies are mapped from JSON
// (pages.ts): the SDK's typed lists would build a model object for every field of every item.
import type { PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import type { ReplicatedItem, VaultRef } from '../../domain/model';
import { compareNames } from '../../domain/naturalOrder';
import type { AzureClients } from '../clients';
import { checkResponse } from '../responses';
import { restPipeline } from '../restPipeline';
import { MalformedPageError, parseItemsPage, parseListPage, type ParsedItemsPage } from './pages';
import type { ItemPageParser } from './parser';

export { MalformedPageError } from './pages';
export { PageParser, type ItemPageParser, type PageParserOptions } from './parser';

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

/** Requests in flight for a full load: every container of most vaults at once (one waiting for a slot costs a round trip per page), well inside ARM's read throttling. */
export const LIST_ALL_CONCURRENCY = 32;

/** The api-version of the SDK client in this build. */
export const SITE_RECOVERY_API = '2023-06-01';

type PipelineClient = { sendRequest(request: PipelineRequest): Promise<PipelineResponse> };
type Get = (url: string, what: string) => Promise<Uint8Array>;

/** The item lists of one connection, parsed by its owner's parser (SiteRecoveryQueries). */
export class ItemLists {
  constructor(
    private readonly clients: AzureClients,
    private readonly parser: ItemPageParser,
  ) {}

  /**
   * One page of the vault-wide list: a single request, never a walk over containers. The token
   * is the page's nextLink, as the SDK's own paging uses it. Parsed here: the first rows wait
   * neither for a worker to start nor behind another vault's load.
   */
  async page(vault: VaultRef, continuationToken?: string, filter?: string): Promise<ItemPage> {
    const what = 'Listing replicated items';
    const { endpoint } = this.clients.connection;
    const query = `api-version=${SITE_RECOVERY_API}${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
    const url = continuationToken ?? `${vaultUrl(endpoint, vault)}/replicationProtectedItems?${query}`;
    const bytes = await getPage(await this.clients.siteRecovery(vault.subscriptionId), endpoint, url, what);
    const page = await Promise.resolve(bytes)
      .then((b) => parseItemsPage(b, vault))
      .catch(inList(what));
    return { items: page.items, continuationToken: page.nextLink };
  }

  /**
   * Every replicated item of the vault: fabrics → their containers → each container's item list,
   * the lists side by side (`concurrency` requests in flight at most). The longest chain is a few
   * round trips, where paging the vault-wide list costs one per page. Deduplicated (a page the
   * service repeats counts once), sorted by name.
   */
  async all(vault: VaultRef, options: ListAllItemsOptions = {}): Promise<ReplicatedItem[]> {
    const client = await this.clients.siteRecovery(vault.subscriptionId);
    const slot = limiter(Math.max(1, options.concurrency ?? LIST_ALL_CONCURRENCY));
    const { endpoint } = this.clients.connection;
    const get: Get = (url, what) => slot(() => getPage(client, endpoint, url, what, options.abortSignal));
    const [e, api] = [encodeURIComponent, `api-version=${SITE_RECOVERY_API}`];
    const fabrics = `${vaultUrl(endpoint, vault)}/replicationFabrics`;
    // One list per container, keyed by item name (ARM compares names case-insensitively).
    const lists: Array<Map<string, ReplicatedItem>> = [];
    await Promise.all(
      (await listNames(get, `${fabrics}?${api}`, 'Listing fabrics')).map(async (fabric) => {
        const containers = `${fabrics}/${e(fabric)}/replicationProtectionContainers`;
        const names = await listNames(get, `${containers}?${api}`, `Listing the protection containers of ${fabric}`);
        await Promise.all(
          names.map((container) => {
            const list = new Map<string, ReplicatedItem>();
            lists.push(list);
            return this.chain(vault, `${containers}/${e(container)}/replicationProtectedItems?${api}`, `Listing the items of ${container}`, get, (items) => {
              for (const item of items) list.set((item.name || item.id).toLowerCase(), item);
            });
          }),
        );
      }),
    );
    return lists.flatMap((list) => [...list.values()]).sort((a, b) => compareNames(a.friendlyName, b.friendlyName));
  }

  /**
   * A container's items, page by page, each kept as the parser hands it back. ARM writes nextLink
   * last, so the next page is requested from the page's tail before this one is parsed; the
   * parsed nextLink has the last word (a wrong guess is dropped, never used).
   */
  private async chain(vault: VaultRef, url: string, what: string, get: Get, keep: (items: ReplicatedItem[]) => void): Promise<void> {
    const request = (link: string) => {
      const bytes = get(link, what);
      bytes.catch(() => undefined); // awaited when its turn comes; never left unhandled
      return { link, bytes };
    };
    for (let next: ReturnType<typeof request> | undefined = request(url); next;) {
      const bytes: Uint8Array = await next.bytes;
      const guess = tailLink(bytes);
      const ahead = guess ? request(guess) : undefined;
      const page: ParsedItemsPage = await this.parser.parse(bytes, vault).catch(inList(what));
      keep(page.items);
      next = page.nextLink ? (ahead?.link === page.nextLink ? ahead : request(page.nextLink)) : undefined;
    }
  }
}

function vaultUrl(endpoint: string, vault: VaultRef): string {
  const e = encodeURIComponent;
  return `${endpoint.replace(/\/$/, '')}/subscriptions/${e(vault.subscriptionId)}/resourceGroups/${e(vault.resourceGroup)}/providers/Microsoft.RecoveryServices/vaults/${e(vault.vaultName)}`;
}

/** Names of every element of a list (fabrics, containers), page by page, each once (ARM names are case-insensitive). */
async function listNames(get: Get, url: string, what: string): Promise<string[]> {
  const names = new Map<string, string>();
  for (let next: string | undefined = url; next;) {
    const page: { value: Array<{ name?: string }>; nextLink?: string } = await get(next, what)
      .then((b) => parseListPage<{ name?: string }>(b))
      .catch(inList(what));
    for (const { name } of page.value) if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    next = page.nextLink;
  }
  return [...names.values()];
}

/** Rethrows an error of a page of the list `what`; a malformed page says which list it was. */
function inList(what: string): (e: unknown) => never {
  return (e) => {
    throw e instanceof MalformedPageError ? new MalformedPageError(e.detail, what) : e;
  };
}

/** Runs at most `max` requests at once; the others wait their turn in order. */
function limiter(max: number): <T>(request: () => Promise<T>) => Promise<T> {
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

/** The bytes of one page of a list. */
async function getPage(client: PipelineClient, endpoint: string, url: string, what: string, abortSignal?: AbortSignal): Promise<Uint8Array> {
  // A nextLink elsewhere would carry the bearer token off the cloud it was issued for.
  const origin = new URL(endpoint).origin;
  if (new URL(url).origin !== origin) throw new Error(`${what}: Site Recovery returned a next-page link outside ${origin}`);
  const { createPipelineRequest } = await restPipeline();
  // A 200 comes back as a stream, so the pipeline does not decode it into a string here.
  const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET', abortSignal, streamResponseStatusCodes: new Set([200]) }));
  if (!response.readableStreamBody) return new TextEncoder().encode(checkResponse(response, what));
  const body = response.readableStreamBody;
  const chunks: Buffer[] = [];
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      body.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
      body.on('end', () => {
        // In shared memory: the worker reads the page where it is (no copy), and it is still here should the worker die.
        const bytes = new Uint8Array(new SharedArrayBuffer(chunks.reduce((n, chunk) => n + chunk.length, 0)));
        chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
        resolve(bytes);
      });
      body.on('error', reject);
      // A stream that closes without 'end' broke off.
      body.on('close', () => reject(new Error('the connection closed before the end of the body')));
    });
  } catch (e) {
    if (abortSignal?.aborted) throw e;
    throw new Error(`${what}: the response broke off (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The nextLink at the very end of a list page (`…,"nextLink":"…"}`), without parsing the page. */
export function tailLink(bytes: Uint8Array): string | undefined {
  const m = /"nextLink"\s*:\s*("(?:[^"\\]|\\.)*")\s*\}\s*$/.exec(new TextDecoder().decode(bytes.subarray(-2048)));
  try {
    const link: unknown = m && JSON.parse(m[1]);
    return typeof link === 'string' && link ? link : undefined;
  } catch {
    return undefined;
  }
}
