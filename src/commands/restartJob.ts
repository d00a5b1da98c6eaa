import type { Services } from '../services';
import { resolveJob } from './common/jobTarget';
import { showServiceError } from './common/ui';

/** Restarts a failed job where Site Recovery allows it, and follows the new run. */
export async function restartJob(services: Services, node?: unknown): Promise<void> {
  try {
    const { scope, job } = await resolveJob(services, 'restart', node);
    const started = await scope.operations.restartJob(job.vault, job.name);
    const label = job.targetObjectName ?? job.name;
    await services.withJobProgress(`Restarting "${job.friendlyName}" on ${label}`, [services.followJob(scope, job.vault, started.jobName ?? job.name, label)]);
  } catch (e) {
    await showServiceError(services.log, 'Restart job', e);
  }
}
