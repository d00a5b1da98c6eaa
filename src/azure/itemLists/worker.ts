// Worker thread entry (bundled as dist/itemListsWorker.js): parses and maps item-list pages off
// the extension host's thread, which every other extension shares. Replies with plain items
// (structured clone); parser.ts gives them the caller's vault object back.
import { parentPort } from 'node:worker_threads';
import type { VaultRef } from '../../domain/model';
import { MalformedPageError, parseItemsPage, type ParsedItemsPage } from './pages';

export type PageRequest = { id: number; bytes: Uint8Array; vault: VaultRef };

export type PageReply = { id: number } & (ParsedItemsPage | { error: string; malformed?: string });

parentPort?.on('message', ({ id, bytes, vault }: PageRequest) => {
  let reply: PageReply;
  try {
    reply = { id, ...parseItemsPage(bytes, vault) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e), malformed: e instanceof MalformedPageError ? e.detail : undefined };
  }
  parentPort?.postMessage(reply);
});
