import { armError } from './errors';
import type { SimRequest } from './http-types';

/**
 * ARM list pages: `{ value, nextLink? }`. The continuation is an opaque `skipToken` in the
 * nextLink (the offset, base64), so following nextLink as-is returns the next page.
 */
export function page<T>(req: SimRequest, all: T[], pageSize: number): { value: T[]; nextLink?: string } {
  const token = req.query['skipToken'] ?? req.query['$skipToken'];
  const offset = token === undefined ? 0 : decodeToken(token);
  const value = all.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  if (next >= all.length) {
    return { value };
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    if (k !== 'skipToken' && k !== '$skipToken') {
      params.set(k, v);
    }
  }
  params.set('skipToken', Buffer.from(`offset:${next}`).toString('base64url'));
  return { value, nextLink: `${req.origin}${req.path}?${params.toString()}` };
}

function decodeToken(token: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) {
    throw armError(400, 'InvalidSkipToken', `The skipToken '${token}' is not valid for this list.`);
  }
  return Number(m[1]);
}
