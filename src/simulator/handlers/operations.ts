import { asrError, ASR_ERROR_CODES } from '../errors';
import type { Handler, HandlerContext, Params } from '../http-types';
import { iso } from '../ids';
import { operationHeaders } from '../lro';
import { jobView } from '../jobs/job-view';
import { itemView, vaultIdOfKey } from '../state/item-view';
import type { JobRecord } from '../state/model';
import type { OperationRecord } from '../state/store';
import { planView } from './plan-view';
import { vaultKeyFromParams } from './common';

function operation(hc: HandlerContext, p: Params, id: string): { op: OperationRecord; job: JobRecord } {
  const vaultKey = vaultKeyFromParams(hc, p);
  const op = hc.store.operations.get(id.toLowerCase());
  if (!op || op.vaultKey !== vaultKey) {
    throw asrError(404, {
      code: ASR_ERROR_CODES.notFound,
      message: `The operation '${id}' was not found.`,
      possibleCauses: 'The operation id is wrong or belongs to another vault.',
      recommendedAction: 'Use the Azure-AsyncOperation or Location URL returned when the operation was accepted.',
    });
  }
  return { op, job: hc.store.job(vaultKey, op.jobName) };
}

/** A job-action operation (cancel/restart/resume) is done once the action was applied. */
function operationStatus(op: OperationRecord, job: JobRecord): 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled' {
  if (op.result.kind === 'job') {
    return 'Succeeded';
  }
  switch (job.state) {
    case 'Succeeded':
      return 'Succeeded';
    case 'Failed':
      return 'Failed';
    case 'Cancelled':
      return 'Canceled';
    default:
      return 'InProgress';
  }
}

/** GET .../replicationOperationStatus/{id} */
export const getOperationStatus: Handler = (hc, p) => {
  const { op, job } = operation(hc, p, p.operationId);
  const status = operationStatus(op, job);
  const firstError = job.errors[0];
  return {
    status: 200,
    body: {
      id: `${vaultIdOfKey(hc, op.vaultKey)}/replicationOperationStatus/${op.id}`,
      name: op.id,
      status,
      startTime: iso(job.createdAt),
      endTime: status === 'InProgress' || job.endTime === undefined ? undefined : iso(job.endTime),
      error:
        status === 'Failed' && firstError
          ? {
              code: firstError.code,
              message: firstError.message,
              possibleCauses: firstError.possibleCauses,
              recommendedAction: firstError.recommendedAction,
            }
          : undefined,
    },
  };
};

/** GET .../replicationJobs/{job}/operationResults/{id}: 202 while running, then the final resource. */
export const getOperationResult: Handler = (hc, p, req) => {
  const { op, job } = operation(hc, p, p.operationId);
  const status = operationStatus(op, job);
  if (status === 'InProgress') {
    return { status: 202, headers: operationHeaders(hc, req, op) };
  }
  if (status !== 'Succeeded') {
    const e = job.errors[0];
    throw asrError(
      400,
      e ?? {
        code: ASR_ERROR_CODES.jobActionNotAllowed,
        message: `The job '${job.name}' was cancelled.`,
        possibleCauses: 'The job was cancelled before it completed.',
        recommendedAction: 'Check the job, then start the operation again if needed.',
      },
    );
  }
  switch (op.result.kind) {
    case 'item': {
      const item = hc.store.findItem(op.vaultKey, op.result.itemName);
      return item ? { status: 200, body: itemView(hc, item) } : { status: 204 };
    }
    case 'plan':
      return { status: 200, body: planView(hc, hc.store.plan(op.vaultKey, op.result.planName)) };
    case 'job':
      return { status: 200, body: jobView(hc, job) };
    default:
      return { status: 204 };
  }
};
