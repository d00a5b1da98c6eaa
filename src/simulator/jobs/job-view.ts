import type { SimContext } from '../context';
import { iso, UNSET_TIME } from '../ids';
import type { JobErrorRecord, JobRecord, JobState, TaskRecord } from '../state/model';
import { itemTargetId, vaultIdOfKey } from '../state/item-view';

const STATE_DESCRIPTION: Record<JobState | 'Other', string> = {
  Other: 'Skipped',
  NotStarted: 'NotStarted',
  InProgress: 'InProgress',
  Succeeded: 'Completed',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
  Suspended: 'Suspended',
};

export function jobArmId(ctx: SimContext, job: JobRecord): string {
  return `${vaultIdOfKey(ctx, job.vaultKey)}/replicationJobs/${job.name}`;
}

/** Which job actions ASR offers in each state. */
export function jobAllowedActions(job: JobRecord): string[] {
  switch (job.state) {
    case 'NotStarted':
    case 'InProgress':
      return ['Cancel'];
    case 'Failed':
      return ['Restart'];
    case 'Suspended':
      return ['Resume'];
    default:
      return [];
  }
}

/** The Job resource as ASR returns it. */
export function jobView(ctx: SimContext, job: JobRecord): Record<string, unknown> {
  const id = jobArmId(ctx, job);
  return {
    id,
    name: job.name,
    type: 'Microsoft.RecoveryServices/vaults/replicationJobs',
    properties: {
      activityId: job.activityId,
      scenarioName: job.scenarioName,
      friendlyName: job.friendlyName,
      state: job.state,
      stateDescription: STATE_DESCRIPTION[job.state],
      tasks: job.tasks.map((t) => taskView(ctx, job, id, t)),
      errors: job.errors.map((e) => errorView(e, job)),
      startTime: iso(job.state === 'NotStarted' ? job.createdAt : job.startTime + job.scheduleShift),
      endTime: job.endTime !== undefined ? iso(job.endTime) : undefined,
      allowedActions: jobAllowedActions(job),
      targetObjectId: job.targetObjectId,
      targetObjectName: job.targetObjectName,
      targetInstanceType: job.targetInstanceType,
      customDetails: job.customDetails,
    },
  };
}

/**
 * A task as recorded: item jobs carry `customDetails: {instanceType: "TaskDetails"}` and
 * `groupTaskCustomDetails: null` (TestV2ARCMCommit.014). Assumed (not recorded): plan jobs name each
 * task's VM in JobTaskDetails.
 */
function taskView(ctx: SimContext, job: JobRecord, jobId: string, t: TaskRecord): Record<string, unknown> {
  const item = t.itemName ? ctx.store.findItem(job.vaultKey, t.itemName) : undefined;
  const customDetails =
    job.targetInstanceType === 'RecoveryPlan'
      ? {
          instanceType: 'JobTaskDetails',
          jobTask: {
            jobId,
            jobFriendlyName: job.friendlyName,
            targetObjectId: item ? itemTargetId(item) : job.targetObjectId,
            targetObjectName: item?.friendlyName ?? job.targetObjectName,
            targetInstanceType: 'ProtectionEntity',
          },
        }
      : { instanceType: 'TaskDetails' };
  return {
    taskId: t.taskId,
    name: t.name,
    startTime: t.startTime !== undefined ? iso(t.startTime) : UNSET_TIME,
    endTime: t.endTime !== undefined ? iso(t.endTime) : UNSET_TIME,
    allowedActions: [],
    friendlyName: t.friendlyName,
    state: t.state,
    stateDescription: STATE_DESCRIPTION[t.state],
    taskType: 'TaskDetails',
    customDetails,
    groupTaskCustomDetails: null,
    errors: t.errors.map((e) => errorView(e, job)),
  };
}

function errorView(e: JobErrorRecord, job: JobRecord): Record<string, unknown> {
  return {
    serviceErrorDetails: {
      code: e.code,
      message: e.message,
      possibleCauses: e.possibleCauses,
      recommendedAction: e.recommendedAction,
      activityId: job.activityId,
    },
    providerErrorDetails: {
      errorCode: Number(e.code),
      errorMessage: e.message,
      errorId: e.taskId ?? job.name,
      possibleCauses: e.possibleCauses,
      recommendedAction: e.recommendedAction,
    },
    errorLevel: 'Error',
    creationTime: iso(e.creationTime),
    taskId: e.taskId,
  };
}
