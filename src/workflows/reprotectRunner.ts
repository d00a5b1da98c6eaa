import type { JobInfo, ReplicatedItem } from '../domain/model';
import { decideAgentRetry, type AgentRetryPolicy } from '../domain/agentWindow';
import { allJobErrors, isSuccess } from '../domain/jobs';
import type { ReprotectChoices } from '../azure/inputs';
import type { SiteRecoveryOperations } from '../azure/operations';
import type { SiteRecoveryQueries } from '../azure/queries';
import type { WorkflowClock } from './clock';
import { describeError } from '../domain/errors';

const stillNotRegistered = (item: ReplicatedItem, policy: AgentRetryPolicy): string =>
  `The agent on ${item.friendlyName} was still not registered after ${Math.round(policy.windowMs / 60_000)} minutes.`;

export type ReprotectEvent =
  | { kind: 'waitingForAgent'; msLeft: number }
  | { kind: 'sent'; attempt: number; jobName?: string }
  /** `refused`: Site Recovery refused the POST itself (no job), rather than failing a job. */
  | { kind: 'agentNotReady'; msLeft: number; nextTryInMs: number; refused?: boolean }
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
 * Reprotect one VM through the agent-registration window (the failback procedure's step 6, README):
 * - where the item says whether its agent registered (modernized items), wait for that
 *   before sending anything;
 * - otherwise send, and when Site Recovery refuses the request or fails the job because the
 *   agent isn't registered yet, wait and send again until the window closes;
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
      onEvent({
        kind: 'gaveUp',
        reason: `The agent on ${item.friendlyName} has not registered with Site Recovery within ${Math.round(policy.windowMs / 60_000)} minutes. Check that the VM is running and its Mobility agent can reach the appliance, then reprotect again.`,
      });
      return undefined;
    }
    onEvent({ kind: 'waitingForAgent', msLeft });
    await clock.sleep(Math.min(policy.intervalMs, msLeft), signal);
    current = await deps.queries.getItem(item);
  }

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) return undefined;
    let started;
    try {
      started = await deps.operations.reprotectItem(current, choices);
    } catch (error) {
      // Site Recovery may refuse the POST itself, before any job, while the agent registers.
      const refusal = describeError(error);
      const decision = decideAgentRetry([refusal], startedAt, clock.now(), policy);
      if (!decision.retry) {
        if (decision.why === 'windowExpired') onEvent({ kind: 'gaveUp', reason: stillNotRegistered(item, policy) });
        throw error;
      }
      onEvent({ kind: 'agentNotReady', msLeft: deadline - clock.now(), nextTryInMs: decision.waitMs, refused: true });
      await clock.sleep(decision.waitMs, signal);
      current = await deps.queries.getItem(item);
      continue;
    }
    onEvent({ kind: 'sent', attempt, jobName: started.jobName });
    if (!started.jobName) return undefined;
    const job = await deps.waitForJob(started.jobName);
    if (isSuccess(job.state)) {
      onEvent({ kind: 'finished', job });
      return job;
    }
    const decision = decideAgentRetry(allJobErrors(job), startedAt, clock.now(), policy);
    if (!decision.retry) {
      if (decision.why === 'windowExpired') onEvent({ kind: 'gaveUp', reason: stillNotRegistered(item, policy) });
      onEvent({ kind: 'finished', job });
      return job;
    }
    onEvent({ kind: 'agentNotReady', msLeft: deadline - clock.now(), nextTryInMs: decision.waitMs });
    await clock.sleep(decision.waitMs, signal);
    current = await deps.queries.getItem(item);
  }
}
