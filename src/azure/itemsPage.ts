// One page of a replicated-items list, from the bytes Site Recovery sent to the domain's items.
// Runs in the items-page worker (itemsPageWorker.ts) and, where no worker can start, on the
// extension host's thread: the same code either way.
import type { ReplicatedItem, VaultRef } from '../domain/model';
import { toItem } from './mappers';
import { joined, parseInChunks, type PageBytes } from './listPageChunks';

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

const utf8 = new TextDecoder('utf-8');

/** A page of any ARM list: its elements as JSON gave them, and the next page's URL. */
export function parseListPage<T>(bytes: PageBytes): { value: T[]; nextLink?: string } {
  const body = (parseInChunks(bytes) ?? whole(bytes)) as { value?: unknown; nextLink?: unknown } | null;
  const page = body ?? {};
  if (typeof page !== 'object' || (page.value !== undefined && !Array.isArray(page.value))) throw new MalformedPageError('no "value" list');
  return { value: (page.value ?? []) as T[], nextLink: typeof page.nextLink === 'string' && page.nextLink ? page.nextLink : undefined };
}

function whole(bytes: PageBytes): unknown {
  try {
    return JSON.parse(utf8.decode(joined(bytes)));
  } catch (e) {
    // V8's message quotes the text around the fault: keep only where it is.
    const at = e instanceof Error ? /position (\d+)/.exec(e.message)?.[1] : undefined;
    throw new MalformedPageError(at ? `at position ${at}` : 'unreadable');
  }
}

export function parseItemsPage(bytes: PageBytes, vault: VaultRef): ParsedItemsPage {
  const page = parseListPage<Parameters<typeof toItem>[1]>(bytes);
  return { items: page.value.map((rpi) => toItem(vault, rpi)), nextLink: page.nextLink };
}
