import type { JobInfo, ReplicatedItem } from '../domain/model';
import { decideAgentRetry, type AgentRetryPolicy } from '../domain/agentWindow';
import { allJobErrors, isSuccess } from '../domain/jobs';
import type { ReprotectChoices } from '../azure/inputs';
import type { SiteRecoveryOperations } from '../azure/operations';
import type { SiteRecoveryQueries } from '../azure/queries';
import type { WorkflowClock } from './clock';

export type ReprotectEvent =
  | { kind: 'waitingForAgent'; msLeft: number }
  | { kind: 'sent'; attempt: number; jobName?: string }
  | { kind: 'agentNotReady'; msLeft: number; nextTryInMs: number }
  | { kind: 'finished'; job: JobInfo }
  | { kind: 'gaveUp'; reason: string };

export interface ReprotectRunnerDeps {
  queries: Pick<SiteRecoveryQueries, 'getItem'>;
  operations: Pick<SiteRecoveryOperations, 'reprotectItem'>;
  /** Follows a job to its end (the job tracker in the extension). */
  waitForJob(jobName: string): Promise<JobInfo>;
  clock: WorkflowClock;
  policy: AgentRetryPolicy;
}

/**
 * Reprotect one VM through the agent-registration window (DEVELOPERS.md step 6):
 * - where the item says whether its agent registered (modernized items), wait for that
 *   before sending anything;
 * - otherwise send, and when the job fails because the agent isn't registered yet, wait
 *   and send again until the window closes;
 * - never a second reprotect while one is in flight: the next attempt waits for the job;
 * - any other failure is returned as is, not retried.
 */
export async function runReprotect(
  item: ReplicatedItem,
  choices: ReprotectChoices,
  deps: ReprotectRunnerDeps,
  onEvent: (e: ReprotectEvent) => void,
  signal?: AbortSignal,
): Promise<JobInfo | undefined> {
  const { clock, policy } = deps;
  const startedAt = clock.now();
  const deadline = startedAt + policy.windowMs;
  let current = item;

  while (current.agentRegisteredAfterFailover === false) {
    const msLeft = deadline - clock.now();
    if (msLeft <= 0) {
      onEvent({ kind: 'gaveUp', reason: `The agent on ${item.friendlyName} has not registered with Site Recovery within ${Math.round(policy.windowMs / 60_000)} minutes. Check that the VM is running and its Mobility agent can reach the appliance, then reprotect again.` });
      return undefined;
    }
    onEvent({ kind: 'waitingForAgent', msLeft });
    await clock.sleep(Math.min(policy.intervalMs, msLeft), signal);
    current = await deps.queries.getItem(item);
  }

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) return undefined;
    const started = await deps.operations.reprotectItem(current, choices);
    onEvent({ kind: 'sent', attempt, jobName: started.jobName });
    if (!started.jobName) return undefined;
    const job = await deps.waitForJob(started.jobName);
    if (isSuccess(job.state)) {
      onEvent({ kind: 'finished', job });
      return job;
    }
    const decision = decideAgentRetry(allJobErrors(job), startedAt, clock.now(), policy);
    if (!decision.retry) {
      if (decision.why === 'windowExpired') onEvent({ kind: 'gaveUp', reason: `The agent on ${item.friendlyName} was still not registered after ${Math.round(policy.windowMs / 60_000)} minutes.` });
      onEvent({ kind: 'finished', job });
      return job;
    }
    onEvent({ kind: 'agentNotReady', msLeft: deadline - clock.now(), nextTryInMs: decision.waitMs });
    await clock.sleep(decision.waitMs, signal);
    current = await deps.queries.getItem(item);
  }
}
