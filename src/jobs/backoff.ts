// How long a vault poller waits after a failed poll. The SDK's retry policy has already
// retried 429/5xx inside the call (honouring Retry-After there); a poll that still fails
// means the service is having a bad time, so polls slow down instead of hammering it.

export const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;

/** interval × 2^failures, capped; never less than what the service asked for with Retry-After. */
export function backoffDelay(intervalMs: number, failures: number, maxMs = DEFAULT_MAX_BACKOFF_MS, retryAfterMs?: number): number {
  const exponential = Math.min(maxMs, intervalMs * 2 ** Math.max(0, failures));
  return Math.max(exponential, retryAfterMs ?? 0);
}

interface HeaderBag {
  get(name: string): string | undefined;
}

/**
 * The wait a failed response asked for, from a RestError's response headers:
 * retry-after-ms / x-ms-retry-after-ms (milliseconds), Retry-After (seconds or an HTTP date).
 */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: HeaderBag } } | undefined)?.response?.headers;
  if (!headers || typeof headers.get !== 'function') return undefined;
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(headers.get(name));
    if (headers.get(name) && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** HTTP status of a failed poll, if the error carries one. */
export function statusOf(error: unknown): number | undefined {
  const s = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}
