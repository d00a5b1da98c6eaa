import type { Services } from '../services';
import { JobNode } from '../tree/jobsFolder';
import { jobOutputLines } from '../domain/jobs';

/** Shows the output; from a job's row, first writes that job's tasks (also a job this window never followed). */
export function showJobOutput(services: Services, node?: unknown): void {
  if (node instanceof JobNode) for (const line of jobOutputLines(undefined, node.job)) services.log.info(line);
  services.log.show(true);
}
