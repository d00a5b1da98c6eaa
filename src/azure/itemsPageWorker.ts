// Worker thread entry (bundled as dist/itemsPageWorker.js): parses and maps item-list pages off
// the extension host's thread, which every other extension shares. A big vault's full load is
// megabytes of JSON; parsed here, the host thread only receives the mapped items.
import { parentPort } from 'node:worker_threads';
import type { VaultRef } from '../domain/model';
import { MalformedPageError, parseItemsPage } from './itemsPage';
import { packItems, transferables, type PackedItems } from './itemsPageWire';

export interface ItemsPageRequest {
  id: number;
  /** The page's segments, in order. */
  bytes: Uint8Array[];
  vault: VaultRef;
}

export type ItemsPageReply = { id: number; items: PackedItems; nextLink?: string } | { id: number; error: string; malformed?: string };

parentPort?.on('message', ({ id, bytes, vault }: ItemsPageRequest) => {
  let page;
  try {
    page = parseItemsPage(bytes, vault);
  } catch (e) {
    const malformed = e instanceof MalformedPageError ? e.detail : undefined;
    parentPort?.postMessage({ id, error: e instanceof Error ? e.message : String(e), malformed } satisfies ItemsPageReply);
    return;
  }
  const items = packItems(page.items);
  parentPort?.postMessage({ id, items, nextLink: page.nextLink } satisfies ItemsPageReply, transferables(items));
});
