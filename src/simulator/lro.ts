import type { HandlerContext, SimRequest, SimResponse } from './http-types';
import type { OperationRecord } from './state/store';
import { vaultIdOfKey } from './state/item-view';

/**
 * The 202 ASR answers to every action. `Azure-AsyncOperation` points at replicationOperationStatus
 * (polled by core-lro: body.status InProgress → Succeeded / Failed / Canceled); `Location` points at
 * the job's operationResults, which answers 202 while the job runs and 200 with the final resource
 * once it is done (core-lro GETs it after success). For item and plan actions the operation id is the
 * job name, so a client can take the job from either header.
 */
export function accepted(hc: HandlerContext, req: SimRequest, op: OperationRecord): SimResponse {
  hc.store.operations.set(op.id.toLowerCase(), op);
  return { status: 202, headers: operationHeaders(hc, req, op) };
}

export function operationHeaders(hc: HandlerContext, req: SimRequest, op: OperationRecord): Record<string, string> {
  const vaultUrl = `${req.origin}${vaultIdOfKey(hc, op.vaultKey)}`;
  const apiVersion = encodeURIComponent(req.query['api-version'] ?? '2023-06-01');
  return {
    'Azure-AsyncOperation': `${vaultUrl}/replicationOperationStatus/${op.id}?api-version=${apiVersion}`,
    Location: `${vaultUrl}/replicationJobs/${op.jobName}/operationResults/${op.id}?api-version=${apiVersion}`,
    'Retry-After': String(hc.config.retryAfterSeconds),
  };
}
