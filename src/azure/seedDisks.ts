import { restPipeline } from './restPipeline';
import type { AzureClients } from './clients';
import { isSeedDisk, leftoverSeedDisks, seedDiskVmName, type SeedDisk } from '../domain/seedDisks';
import { parseArmId, idKey } from '../domain/armId';
import { realDate } from '../domain/sentinels';
import { checkResponse } from './responses';
import type { SiteRecoveryQueries } from './queries';
import type { VaultRef } from '../domain/model';

/** Compute api-version for managed disks. */
export const DISKS_API_VERSION = '2023-04-02';

interface DiskJson {
  id?: string;
  name?: string;
  tags?: Record<string, string>;
  properties?: { diskSizeGB?: number; diskState?: string; timeCreated?: string };
}

async function send(clients: AzureClients, subscriptionId: string, url: string, method: 'GET' | 'DELETE', writer: boolean) {
  const { createPipelineRequest } = await restPipeline();
  const client = writer ? await clients.siteRecoveryWriter(subscriptionId) : await clients.siteRecovery(subscriptionId);
  const response = await client.sendRequest(createPipelineRequest({ url, method }));
  const disk = parseArmId(url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]).segments['disks'];
  return checkResponse(response, `${method === 'GET' ? 'Reading' : 'Deleting'} ${disk ? `disk ${disk}` : 'disks'}`);
}

/**
 * Seed disks left in the given resource groups ("/subscriptions/…/resourceGroups/…") that no
 * item in `referencedIds` uses. Managed
 * disks are plain Compute resources, so they are read through the SDK pipeline (auth, retries)
 * with Compute's api-version, following nextLink.
 */
export async function listSeedDisks(clients: AzureClients, resourceGroupIds: readonly string[], referencedIds: Iterable<string>): Promise<SeedDisk[]> {
  const endpoint = clients.connection.endpoint.replace(/\/$/, '');
  const out: SeedDisk[] = [];
  for (const rgId of new Set(resourceGroupIds.map((r) => idKey(r)))) {
    const { subscriptionId } = parseArmId(rgId);
    if (!subscriptionId) continue;
    let url: string | undefined = `${endpoint}${rgId}/providers/Microsoft.Compute/disks?api-version=${DISKS_API_VERSION}`;
    while (url) {
      const page = JSON.parse((await send(clients, subscriptionId, url, 'GET', false)) || '{}') as { value?: DiskJson[]; nextLink?: string };
      for (const d of page.value ?? []) {
        if (!d.id || !d.name) continue;
        const candidate = { name: d.name, tags: d.tags, diskState: d.properties?.diskState };
        if (!isSeedDisk(candidate)) continue;
        out.push({
          id: d.id,
          name: d.name,
          resourceGroup: parseArmId(d.id).resourceGroup ?? '',
          sizeGB: d.properties?.diskSizeGB,
          diskState: d.properties?.diskState,
          timeCreated: realDate(d.properties?.timeCreated),
          vmName: seedDiskVmName(candidate),
        });
      }
      url = page.nextLink;
    }
  }
  return leftoverSeedDisks(out, referencedIds).sort((a, b) => a.name.localeCompare(b.name));
}

/** Deletes one disk: a single DELETE, never re-sent on 5xx (Compute finishes it asynchronously). */
export async function deleteSeedDisk(clients: AzureClients, disk: SeedDisk): Promise<void> {
  const { subscriptionId } = parseArmId(disk.id);
  const endpoint = clients.connection.endpoint.replace(/\/$/, '');
  await send(clients, subscriptionId ?? '', `${endpoint}${disk.id}?api-version=${DISKS_API_VERSION}`, 'DELETE', true);
}

/**
 * Seed disks that no item of the vault uses. Recorded: a list of items leaves each item's
 * disks empty and only a GET of the item names its seed disks, so every item that replicates
 * to Azure is read once, and only when there is a candidate disk at all.
 */
export async function listLeftoverSeedDisks(
  clients: AzureClients,
  queries: Pick<SiteRecoveryQueries, 'listAllItems' | 'getItem'>,
  vault: VaultRef,
  resourceGroupIds: readonly string[],
): Promise<SeedDisk[]> {
  const candidates = await listSeedDisks(clients, resourceGroupIds, []);
  if (candidates.length === 0) return [];
  const items = (await queries.listAllItems(vault)).filter((i) => i.provider === 'InMageAzureV2' || i.provider === 'InMageRcm');
  const referenced: string[] = [];
  for (let i = 0; i < items.length; i += 8) {
    const read = await Promise.all(items.slice(i, i + 8).map((item) => queries.getItem(item)));
    for (const item of read) referenced.push(...(item.seedDiskIds ?? []));
  }
  return leftoverSeedDisks(candidates, referenced);
}
