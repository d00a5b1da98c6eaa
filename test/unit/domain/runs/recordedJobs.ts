// Jobs as live vaults returned them (test/fixtures/recorded/), through the extension's own mapper.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toJob } from '../../../../src/azure/mappers';
import type { JobInfo, VaultRef } from '../../../../src/domain/model';
import { parseArmId } from '../../../../src/domain/armId';

const ROOT = path.join(__dirname, '../../../fixtures/recorded');

/** The response body of a recorded job GET, as recorded. */
export function recordedJobBody(file: string): any {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')).response.body;
}

export function vaultOfJob(id: string): VaultRef {
  const p = parseArmId(id);
  return { subscriptionId: p.subscriptionId ?? '', resourceGroup: p.resourceGroup ?? '', vaultName: p.segments['vaults'] ?? '', id: id.split(/\/replicationJobs/i)[0] };
}

/** A recorded job body through the real mapper (`toJob`), optionally changed first. */
export function jobFromBody(body: any): JobInfo {
  return toJob(vaultOfJob(body.id), body);
}

export function recordedJob(file: string): JobInfo {
  return jobFromBody(recordedJobBody(file));
}

/**
 * A failed failover: the recorded classic failover (V2AFailoverJob.153, "Start failover" running)
 * with that task failed and the job ended. No recorded job failed, so the error is Site Recovery's
 * own recorded wording (error 78024 of TestRPJob.010, a replication health error) put into the
 * job error shape of the API (serviceErrorDetails / providerErrorDetails), on task and job.
 */
export function failedFailoverJob(): JobInfo {
  const body = recordedJobBody('classic/V2AFailoverJob.153.job-failover-inprogress-vmfailover-running.json');
  const p = body.properties;
  const error = {
    serviceErrorDetails: {
      code: '78024',
      message: "'Disk0' disk is inconsistent with its replication target and requires a resync to continue.",
      possibleCauses: 'Replication consistency was lost due to missed data in transit or an intermittent server failure.',
      recommendedAction: 'Start the resynchronization process. If the issue persists, please contact support.',
    },
    providerErrorDetails: null,
    errorLevel: 'Error',
    creationTime: '2021-04-06T09:53:40Z',
    taskId: 'FailoverTask',
  };
  const task = p.tasks.find((t: any) => t.state === 'InProgress');
  task.state = 'Failed';
  task.stateDescription = 'Failed';
  task.endTime = '2021-04-06T09:53:40.5Z';
  task.errors = [error];
  p.state = 'Failed';
  p.stateDescription = 'Failed';
  p.endTime = '2021-04-06T09:53:41Z';
  p.errors = [error];
  return jobFromBody(body);
}
