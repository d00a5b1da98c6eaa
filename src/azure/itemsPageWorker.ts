// Worker thread entry (bundled as dist/itemsPageWorker.js): parses and maps item-list pages off
// the extension host's thread, which every other extension shares. A big vault's full load is
// megabytes of JSON; parsed here, the host thread only receives the mapped items.
import { parentPort } from 'node:worker_threads';
import type { VaultRef } from '../domain/model';
import { parseItemsPage } from './itemsPage';
import { packItems, transferables, type PackedItems } from './itemsPageWire';

export interface ItemsPageRequest {
  id: number;
  bytes: Uint8Array;
  vault: VaultRef;
}

export type ItemsPageReply = { id: number; items: PackedItems; nextLink?: string } | { id: number; error: string };

parentPort?.on('message', ({ id, bytes, vault }: ItemsPageRequest) => {
  let page;
  try {
    page = parseItemsPage(bytes, vault);
  } catch (e) {
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies ItemsPageReply);
    return;
  }
  const items = packItems(page.items);
  parentPort?.postMessage({ id, items, nextLink: page.nextLink } satisfies ItemsPageReply, transferables(items));
});
