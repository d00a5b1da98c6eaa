import { createHttpHeaders, RestError, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { Readable } from 'node:stream';
import type { RawRequest, RawResponse } from './dispatcher';
import { RESET_HEADER } from './faults';

/**
 * An HttpClient for the Azure SDK pipelines: requests go straight to the simulator's handle()
 * instead of the network, so the SDK's serialization, retry, LRO and paging run unchanged.
 */
export function createSimulatorHttpClient(handle: (req: RawRequest) => Promise<RawResponse>): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      if (request.abortSignal?.aborted) {
        throw new RestError('The operation was aborted.', { code: 'REQUEST_SEND_ERROR', request });
      }
      const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : String(request.body);
      const res = await handle({
        method: request.method,
        url: request.url,
        headers: request.headers.toJSON({ preserveCase: true }),
        body,
      });
      if (res.headers[RESET_HEADER] === 'reset') {
        throw new RestError('read ECONNRESET', { code: 'ECONNRESET', request });
      }
      const headers = createHttpHeaders(res.headers);
      // As Node's HTTP client does: statuses the caller asked to stream come as a stream, unread.
      if (request.streamResponseStatusCodes?.has(res.status) || request.streamResponseStatusCodes?.has(Number.POSITIVE_INFINITY)) {
        return { request, status: res.status, headers, readableStreamBody: Readable.from([Buffer.from(res.body ?? '', 'utf8')]) };
      }
      return { request, status: res.status, headers, bodyAsText: res.body };
    },
  };
}
