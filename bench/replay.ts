// A transport that answers as the simulator answered, after a fixed latency per request.
//
// In process, the simulator builds each answer on the extension's own thread (about 0.25 ms of
// CPU per replicated item: 4 KB of JSON each), so parallel requests would queue behind the
// server's work — a cost no user pays, Azure's servers work side by side. The tree bench records
// the simulator's answers once, untimed, and replays them here: only the client's work and the
// latency are timed. Requests in flight overlap (one timer each). A request that asks for its
// status as a stream (streamResponseStatusCodes) gets the recorded bytes as a stream, as Node's
// HTTP client would hand them over.
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { Readable } from 'node:stream';
import type { SiteRecoverySimulator } from '../src/simulator/index';

export interface ReplayTransport {
  httpClient: HttpClient;
  /** Requests sent since the last reset (GETs answered from the recording). */
  readonly sent: number;
  reset(): void;
  /** Milliseconds each answer waits; 0 leaves only the client's own work. */
  latencyMs: number;
}

export function replay(sim: SiteRecoverySimulator, latencyMs: number): ReplayTransport {
  // The body is kept as text and as bytes: the server encodes, not the client being measured.
  const recorded = new Map<string, { status: number; headers: Record<string, string>; body?: string; bytes?: Buffer }>();
  let sent = 0;
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      sent++;
      const key = `${request.method} ${request.url}`;
      let res = recorded.get(key);
      const wait = new Promise((r) => setTimeout(r, transport.latencyMs));
      if (!res) {
        const answer = await sim.handle({ method: request.method, url: request.url, headers: request.headers.toJSON({ preserveCase: true }) });
        res = { ...answer, bytes: Buffer.from(answer.body ?? '', 'utf8') };
        if (request.method === 'GET' && res.status === 200) recorded.set(key, res);
      }
      await wait;
      const headers = createHttpHeaders(res.headers);
      if (request.streamResponseStatusCodes?.has(res.status)) return { request, status: res.status, headers, readableStreamBody: Readable.from([res.bytes!]) };
      return { request, status: res.status, headers, bodyAsText: res.body };
    },
  };
  const transport: ReplayTransport = {
    httpClient,
    get sent() {
      return sent;
    },
    reset: () => void (sent = 0),
    latencyMs,
  };
  return transport;
}
