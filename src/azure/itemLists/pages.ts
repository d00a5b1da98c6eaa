// One page of an ARM list, from the bytes Site Recovery sent: the same code on the worker
// (worker.ts) and on the extension host's thread (small pages, the vault-wide page).
import type { ReplicatedItem, VaultRef } from '../../domain/model';
import { toItem } from '../mappers';

export interface ParsedItemsPage {
  items: ReplicatedItem[];
  /** The next page's URL as Site Recovery wrote it; undefined on the last page. */
  nextLink?: string;
}

export class MalformedPageError extends Error {
  constructor(
    /** Where the fault is ("at position 1234"), never the text: a page can be megabytes, and it is not the user's concern. */
    readonly detail: string,
    /** The list the page belongs to, as the user would name it ("Listing fabrics"). */
    list?: string,
  ) {
    super(`${list ? `${list}: ` : ''}Site Recovery returned a list page that is not valid JSON (${detail})`);
    this.name = 'MalformedPageError';
  }
}

/** A page of any ARM list: its elements as JSON gave them, and the next page's URL. */
export function parseListPage<T>(bytes: Uint8Array): { value: T[]; nextLink?: string } {
  let body: { value?: unknown; nextLink?: unknown } | null;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes)) as typeof body;
  } catch (e) {
    // V8's message quotes the text around the fault: keep only where it is.
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw new MalformedPageError(at ? `at position ${at}` : 'unreadable');
  }
  const page = body ?? {};
  if (typeof page !== 'object' || (page.value !== undefined && !Array.isArray(page.value))) throw new MalformedPageError('no "value" list');
  return { value: (page.value ?? []) as T[], nextLink: typeof page.nextLink === 'string' && page.nextLink ? page.nextLink : undefined };
}

export function parseItemsPage(bytes: Uint8Array, vault: VaultRef): ParsedItemsPage {
  const page = parseListPage<Parameters<typeof toItem>[1]>(bytes);
  return { items: page.value.map((rpi) => toItem(vault, rpi)), nextLink: page.nextLink };
}
