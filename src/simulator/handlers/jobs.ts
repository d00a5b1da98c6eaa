import { asrError, ASR_ERROR_CODES } from '../errors';
import type { Handler, HandlerContext, SimRequest } from '../http-types';
import { ok } from '../http-types';
import { newGuid } from '../ids';
import { jobAllowedActions, jobView } from '../jobs/job-view';
import { accepted } from '../lro';
import { compileFilter, type FilterField } from '../odata-filter';
import { page } from '../paging';
import type { JobRecord } from '../state/model';
import { vaultKeyFromParams } from './common';

/**
 * `$filter` of replicationJobs list. Supported fields (case-insensitive), combinable with
 * and / or / not / parentheses:
 *   startTime ge|gt|le|lt|eq '<date>'   (eq means "from that time on", like ASR's JobQueryParameter)
 *   endTime le|lt|eq '<date>'           (jobs that started up to that time)
 *   state eq 'InProgress'  | jobStatus eq 'InProgress,Failed'   (comma list = any of)
 *   state in ('InProgress','Failed')
 *   name eq '<job name>' | jobName in ('<n1>','<n2>')  (or: name eq 'a' or name eq 'b')
 *   targetObjectId eq '<vm id>', targetObjectName eq '<vm name>', scenarioName eq '...',
 *   targetInstanceType eq 'ProtectionEntity'
 * Accepted and ignored: fabricId, affectedObjectTypes, jobOutputType, timezoneOffset.
 * Any other field → 400 InvalidFilter. Jobs are listed newest first.
 */
const JOB_FILTER_FIELDS: Record<string, FilterField<JobRecord>> = {
  startTime: { type: 'time', get: (j) => j.createdAt, eqMeans: 'ge' },
  endTime: { type: 'time', get: (j) => j.createdAt, eqMeans: 'le' },
  state: { type: 'text', get: (j) => j.state },
  jobStatus: { type: 'text', get: (j) => j.state },
  name: { type: 'text', get: (j) => j.name },
  jobName: { type: 'text', get: (j) => j.name },
  targetObjectId: { type: 'text', get: (j) => j.targetObjectId },
  targetObjectName: { type: 'text', get: (j) => j.targetObjectName },
  scenarioName: { type: 'text', get: (j) => j.scenarioName },
  targetInstanceType: { type: 'text', get: (j) => j.targetInstanceType },
  fabricId: { type: 'text', get: () => undefined, ignored: true },
  affectedObjectTypes: { type: 'text', get: () => undefined, ignored: true },
  jobOutputType: { type: 'text', get: () => undefined, ignored: true },
  timezoneOffset: { type: 'text', get: () => undefined, ignored: true },
};

export const listJobs: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  const keep = compileFilter(req.query['$filter'], JOB_FILTER_FIELDS);
  const jobs = hc.store
    .jobsOf(vk)
    .filter(keep)
    .sort((a, b) => b.createdAt - a.createdAt);
  const paged = page(req, jobs, hc.config.pageSize);
  return ok({ value: paged.value.map((j) => jobView(hc, j)), nextLink: paged.nextLink });
};

export const getJob: Handler = (hc, p) => ok(jobView(hc, hc.store.job(vaultKeyFromParams(hc, p), p.job)));

function refuse(job: JobRecord, action: string): Error {
  return asrError(400, {
    code: ASR_ERROR_CODES.jobActionNotAllowed,
    message: `The job '${job.name}' can't be ${action} because it is in the state '${job.state}'.`,
    possibleCauses: `Allowed actions on this job: ${jobAllowedActions(job).join(', ') || 'none'}.`,
    recommendedAction: 'Refresh the job and use one of its allowed actions.',
  });
}

function acceptedJobAction(hc: HandlerContext, req: SimRequest, job: JobRecord) {
  return accepted(hc, req, { id: newGuid(), vaultKey: job.vaultKey, jobName: job.name, result: { kind: 'job' } });
}

/** Cancel stops the job and puts its VMs back in their state from before the operation. */
export const cancelJob: Handler = (hc, p, req) => {
  const job = hc.store.job(vaultKeyFromParams(hc, p), p.job);
  if (!jobAllowedActions(job).includes('Cancel')) {
    throw refuse(job, 'cancelled');
  }
  hc.engine.end(job, 'Cancelled', hc.clock.now());
  return acceptedJobAction(hc, req, job);
};

/** Restart runs a failed job again from its first task (its VMs must still be free). */
export const restartJob: Handler = (hc, p, req) => {
  const job = hc.store.job(vaultKeyFromParams(hc, p), p.job);
  if (!jobAllowedActions(job).includes('Restart')) {
    throw refuse(job, 'restarted');
  }
  const busy = job.itemNames.map((n) => hc.store.findItem(job.vaultKey, n)).find((i) => i?.mutable.busy);
  if (busy) {
    throw asrError(409, {
      code: ASR_ERROR_CODES.operationInProgress,
      message: `The job '${job.name}' can't be restarted while '${busy.mutable.busy?.scenarioName}' runs on '${busy.friendlyName}'.`,
      possibleCauses: 'Another operation is running on a virtual machine of this job.',
      recommendedAction: 'Wait until that job completes, then retry.',
    });
  }
  hc.engine.restart(job, hc.clock.now());
  return acceptedJobAction(hc, req, job);
};

/** Resume continues a suspended job. */
export const resumeJob: Handler = (hc, p, req) => {
  const job = hc.store.job(vaultKeyFromParams(hc, p), p.job);
  if (!jobAllowedActions(job).includes('Resume')) {
    throw refuse(job, 'resumed');
  }
  job.state = 'InProgress';
  return acceptedJobAction(hc, req, job);
};
