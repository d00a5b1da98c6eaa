// Worker thread entry (bundled as dist/itemsPageWorker.js): parses and maps item-list pages off
// the extension host's thread, which every other extension shares. A big vault's full load is
// megabytes of JSON; parsed here, the host thread only receives the mapped items.
import { parentPort } from 'node:worker_threads';
import type { VaultRef } from '../domain/model';
import { parseItemsPage } from './itemsPage';

export interface ItemsPageRequest {
  id: number;
  bytes: Uint8Array;
  vault: VaultRef;
}

export type ItemsPageReply = { id: number; items: ReturnType<typeof parseItemsPage>['items']; nextLink?: string } | { id: number; error: string };

parentPort?.on('message', ({ id, bytes, vault }: ItemsPageRequest) => {
  let reply: ItemsPageReply;
  try {
    reply = { id, ...parseItemsPage(bytes, vault) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
