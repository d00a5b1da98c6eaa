import type { SimContext } from './context';
import type { JobEngine } from './jobs/engine';

export interface SimRequest {
  method: string;
  /** Scheme + host the client used; links we hand out (nextLink, Location) point back to it. */
  origin: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody?: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON when present. */
  body?: unknown;
}

export interface HandlerContext extends SimContext {
  engine: JobEngine;
}

export type Params = Record<string, string>;
export type Handler = (hc: HandlerContext, p: Params, req: SimRequest) => SimResponse;

export function ok(body: unknown): SimResponse {
  return { status: 200, body };
}
