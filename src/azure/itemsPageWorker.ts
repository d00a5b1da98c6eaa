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

/** Every reply moves the page's buffers back (`segments`): the host's segment pool uses them again. */
export type ItemsPageReply = { id: number; segments: ArrayBuffer[] } & ({ items: PackedItems; nextLink?: string } | { error: string; malformed?: string });

parentPort?.on('message', ({ id, bytes, vault }: ItemsPageRequest) => {
  const segments = [...new Set(bytes.map((s) => s.buffer as ArrayBuffer))];
  let page;
  try {
    page = parseItemsPage(bytes, vault);
  } catch (e) {
    const malformed = e instanceof MalformedPageError ? e.detail : undefined;
    parentPort?.postMessage({ id, segments, error: e instanceof Error ? e.message : String(e), malformed } satisfies ItemsPageReply, segments);
    return;
  }
  const items = packItems(page.items);
  parentPort?.postMessage({ id, segments, items, nextLink: page.nextLink } satisfies ItemsPageReply, [...transferables(items), ...segments]);
});
