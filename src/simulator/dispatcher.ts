import { SimulatorHttpError } from './errors';
import { faultResponse, type FaultRegistry } from './faults';
import type { HandlerContext, SimRequest, SimResponse } from './http-types';
import { newGuid } from './ids';
import { matchRoute } from './routes';

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export interface RequestLogEntry {
  time: number;
  method: string;
  path: string;
  apiVersion?: string;
  query: Record<string, string>;
  body?: unknown;
  status: number;
}

const SUPPORTED_METHODS = new Set(['GET', 'POST', 'DELETE']);

function errorResponse(e: SimulatorHttpError): SimResponse {
  return { status: e.status, headers: e.headers, body: e.body() };
}

/** Turns a raw request into a response: auth, routing, api-version, handler, faults, log. Never throws. */
export class Dispatcher {
  constructor(
    private readonly hc: HandlerContext,
    private readonly faults: FaultRegistry,
    private readonly log: RequestLogEntry[],
    private readonly baseLatencyMs: number,
  ) {}

  async handle(raw: RawRequest): Promise<RawResponse> {
    let parsed: SimRequest | undefined;
    let res: SimResponse;
    try {
      parsed = parse(raw);
      const delay = this.baseLatencyMs + this.faults.takeLatency(parsed.method, parsed.path);
      if (delay > 0) {
        await new Promise((r) => setTimeout(r, delay));
      }
      res = this.respond(parsed);
    } catch (e) {
      res = e instanceof SimulatorHttpError ? errorResponse(e) : internalError(e);
    }
    return this.finish(parsed, raw, res);
  }

  private respond(req: SimRequest): SimResponse {
    this.hc.engine.process(this.hc.clock.now());
    const fault = this.faults.take(req.method, req.path);
    if (fault && fault.kind !== 'malformedJson' && !fault.afterProcessing) {
      return faultResponse(fault);
    }
    let res: SimResponse;
    try {
      res = this.route(req);
    } catch (e) {
      res = e instanceof SimulatorHttpError ? errorResponse(e) : internalError(e);
    }
    if (fault?.kind === 'malformedJson') {
      const text = JSON.stringify(res.body ?? { value: [] });
      return { status: 200, headers: { ...res.headers, 'x-simulator-truncated': 'true' }, body: { __raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))) } };
    }
    return fault ? faultResponse(fault) : res;
  }

  private route(req: SimRequest): SimResponse {
    const auth = req.headers['authorization'] ?? '';
    if (!/^Bearer\s+\S+/i.test(auth)) {
      throw new SimulatorHttpError(
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is missing or is not a Bearer token.",
        {},
        { 'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"' },
      );
    }
    const match = matchRoute(req.path);
    if (!match) {
      throw new SimulatorHttpError(404, 'NotFound', `No route matches '${req.method} ${req.path}'.`);
    }
    const handler = SUPPORTED_METHODS.has(req.method) ? match.route.methods[req.method as 'GET' | 'POST' | 'DELETE'] : undefined;
    if (!handler) {
      throw new SimulatorHttpError(
        405,
        'MethodNotAllowed',
        `The method '${req.method}' is not supported on '${req.path}'. Supported: ${Object.keys(match.route.methods).join(', ')}.`,
        {},
        { Allow: Object.keys(match.route.methods).join(', ') },
      );
    }
    const apiVersion = req.query['api-version'];
    if (!apiVersion) {
      throw new SimulatorHttpError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
    }
    if (!match.route.apiVersions.has(apiVersion)) {
      throw new SimulatorHttpError(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${apiVersion}' is invalid. The supported versions are '${[...match.route.apiVersions].join(',')}'.`,
      );
    }
    return handler(this.hc, match.params, req);
  }

  private finish(req: SimRequest | undefined, raw: RawRequest, res: SimResponse): RawResponse {
    const headers: Record<string, string> = {
      'x-ms-request-id': newGuid(),
      'x-ms-correlation-request-id': newGuid(),
      ...res.headers,
    };
    let body: string | undefined;
    if (res.body !== undefined) {
      const rawText = (res.body as { __raw?: unknown }).__raw;
      body = typeof rawText === 'string' ? rawText : JSON.stringify(res.body);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
    const { ['api-version']: apiVersion, ...query } = req?.query ?? {};
    this.log.push({
      time: this.hc.clock.now(),
      method: req?.method ?? raw.method,
      path: req?.path ?? raw.url,
      apiVersion,
      query,
      body: logBody(raw.body),
      status: res.status,
    });
    return { status: res.status, headers, body };
  }
}

function parse(raw: RawRequest): SimRequest {
  let url: URL;
  try {
    url = new URL(raw.url);
  } catch {
    throw new SimulatorHttpError(400, 'InvalidRequestUri', `The request URL '${raw.url}' is not valid.`);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.headers ?? {})) {
    headers[k.toLowerCase()] = String(v);
  }
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  return { method: (raw.method ?? 'GET').toUpperCase(), origin: url.origin, path: url.pathname, query, headers, rawBody: raw.body };
}

function logBody(body: string | undefined): unknown {
  if (body === undefined || body === '') {
    return undefined;
  }
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function internalError(e: unknown): SimResponse {
  return {
    status: 500,
    body: { error: { code: 'InternalServerError', message: `The simulator failed to process the request: ${(e as Error)?.message ?? String(e)}` } },
  };
}
