import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient, PipelinePolicy } from '@azure/core-rest-pipeline';

/** Everything needed to reach Azure Resource Manager (or the practice simulator). */
export interface ArmConnection {
  credential: TokenCredential;
  /** Resource Manager endpoint of the cloud, e.g. https://management.azure.com. */
  endpoint: string;
  /** The practice simulator hands its in-process transport here; real Azure leaves it unset. */
  httpClient?: HttpClient;
  /** Scopes for tokens; defaults to `${endpoint}/.default`. */
  scopes?: string[];
  practice: boolean;
}

/**
 * Retries only 429 responses, honouring Retry-After. Used for requests that change state:
 * ARM throttles before the request reaches Site Recovery, so a 429 POST was not processed
 * and is safe to send again; a 5xx or a dropped connection may have been processed, and is
 * never re-sent blindly (the caller reconciles with the item's state instead).
 */
export function throttleOnlyRetryPolicy(maxRetries = 3, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): PipelinePolicy {
  return {
    name: 'siteRecoveryThrottleOnlyRetry',
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        const response = await next(request);
        if (response.status !== 429 || attempt >= maxRetries) return response;
        const header = response.headers.get('retry-after');
        const seconds = header && /^\d+$/.test(header) ? Number(header) : 2 ** attempt;
        await sleep(Math.min(seconds, 60) * 1000);
      }
    },
  };
}
