import { newGuid } from './ids';
import type { SimResponse } from './http-types';

export type FaultSpec = {
  kind: 'throttle' | 'serverError' | 'unavailable' | 'reset' | 'malformedJson' | 'latency' | 'expiredToken' | 'stallJob';
  method?: string;
  pathIncludes?: string;
  /** How many matching requests it hits (default 1; Infinity allowed). */
  times?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  jobName?: string;
  /**
   * For throttle / serverError / unavailable / reset / expiredToken: false (default) = the request is
   * refused before the service looks at it (no job created); true = the service processes it (a POST
   * creates its job) and only the response is lost / replaced by the fault.
   */
  afterProcessing?: boolean;
};

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Faults injected by tests / practice drills, matched per request in the order they were added. */
export class FaultRegistry {
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    this.active.push({ spec, remaining: Number.isNaN(times) ? 1 : times });
  }

  clear(): void {
    this.active = [];
  }

  /** Consumes and returns the latency faults that match. */
  takeLatency(method: string, path: string): number {
    let total = 0;
    for (const f of this.matching(method, path).filter((f) => f.spec.kind === 'latency')) {
      f.remaining--;
      total += f.spec.latencyMs ?? 0;
    }
    return total;
  }

  /** Consumes and returns the first response-changing fault that matches. */
  take(method: string, path: string): FaultSpec | undefined {
    const f = this.matching(method, path).find((x) => x.spec.kind !== 'latency' && x.spec.kind !== 'stallJob');
    if (f) {
      f.remaining--;
    }
    this.active = this.active.filter((x) => x.remaining > 0);
    return f?.spec;
  }

  private matching(method: string, path: string): ActiveFault[] {
    return this.active.filter(
      (f) =>
        f.remaining > 0 &&
        (!f.spec.method || f.spec.method.toUpperCase() === method.toUpperCase()) &&
        (!f.spec.pathIncludes || path.toLowerCase().includes(f.spec.pathIncludes.toLowerCase())),
    );
  }
}

/** Marks a response as "connection reset": the HTTP client throws, the server destroys the socket. */
export const RESET_HEADER = 'x-simulator-fault';

/** The response a fault replaces the real one with (malformedJson is applied to the real body instead). */
export function faultResponse(spec: FaultSpec): SimResponse {
  const err = (status: number, code: string, message: string, headers: Record<string, string> = {}): SimResponse => ({
    status,
    headers,
    body: { error: { code, message } },
  });
  switch (spec.kind) {
    case 'throttle':
      return err(429, 'TooManyRequests', 'The request is being throttled: too many requests were sent to the vault. Retry after the interval in Retry-After.', {
        'Retry-After': String(spec.retryAfterSeconds ?? 1),
      });
    case 'serverError':
      return err(500, 'InternalServerError', `An internal error occurred while processing the request (activity ${newGuid()}).`);
    case 'unavailable':
      return err(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable. Retry the request later.',
        spec.retryAfterSeconds !== undefined ? { 'Retry-After': String(spec.retryAfterSeconds) } : {},
      );
    case 'expiredToken':
      return err(401, 'ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.', {
        'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The access token has expired."',
      });
    case 'reset':
      return { status: 0, headers: { [RESET_HEADER]: 'reset' } };
    default:
      return err(500, 'InternalServerError', 'Unexpected fault.');
  }
}
