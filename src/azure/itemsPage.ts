// One page of a replicated-items list, from the bytes Site Recovery sent to the domain's items.
// Runs in the items-page worker (itemsPageWorker.ts) and, where no worker can start, on the
// extension host's thread: the same code either way.
import type { ReplicatedItem, VaultRef } from '../domain/model';
import { toItem } from './mappers';

export interface ParsedItemsPage {
  items: ReplicatedItem[];
  /** The next page's URL as Site Recovery wrote it; undefined on the last page. */
  nextLink?: string;
}

export class MalformedPageError extends Error {
  constructor(detail: string) {
    // The body itself stays out of the message: it can be megabytes, and it is not the user's concern.
    super(`Site Recovery returned a list page that is not valid JSON (${detail})`);
    this.name = 'MalformedPageError';
  }
}

const utf8 = new TextDecoder('utf-8');

/** A page of any ARM list: its elements as JSON gave them, and the next page's URL. */
export function parseListPage<T>(bytes: Uint8Array): { value: T[]; nextLink?: string } {
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(bytes));
  } catch (e) {
    // V8's message quotes the text around the fault: keep only where it is.
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw new MalformedPageError(at ? `at position ${at}` : 'unreadable');
  }
  const page = (body ?? {}) as { value?: unknown; nextLink?: unknown };
  if (typeof page !== 'object' || (page.value !== undefined && !Array.isArray(page.value))) throw new MalformedPageError('no "value" list');
  return { value: (page.value ?? []) as T[], nextLink: typeof page.nextLink === 'string' && page.nextLink ? page.nextLink : undefined };
}

export function parseItemsPage(bytes: Uint8Array, vault: VaultRef): ParsedItemsPage {
  const page = parseListPage<Parameters<typeof toItem>[1]>(bytes);
  return { items: page.value.map((rpi) => toItem(vault, rpi)), nextLink: page.nextLink };
}
