import type { PipelineResponse } from '@azure/core-rest-pipeline';

/**
 * For requests sent through an SDK client's pipeline without a typed operation: a failed
 * response becomes an error that carries the status and ARM's error body, the shape
 * describeError() reads (code, message, possible causes, recommended action).
 */
export function checkResponse(response: PipelineResponse, what: string): string {
  const text = response.bodyAsText ?? '';
  if (response.status < 400) return text;
  const error = new Error(`${what} failed with ${response.status}`) as Error & { statusCode: number; details?: unknown };
  error.statusCode = response.status;
  try {
    error.details = JSON.parse(text);
  } catch {
    // Not JSON: the status says enough.
  }
  throw error;
}
