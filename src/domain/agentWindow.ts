import type { JobError } from './model';

// After failback, the on-premises VM's Mobility agent registers with Site Recovery only
// some minutes (up to ~15) after the VM starts. A reprotect sent before that fails with an
// "agent isn't installed / registered" error. This module recognises that error and decides
// when to try again; nothing else about reprotect failures is retried.

// No published Site Recovery error code names this case (the documented reprotect codes, e.g.
// 78093 "...so that Mobility Service registers with the configuration server", cover a VM that
// is not running), so the error is recognised by its wording only, whatever its code.
const AGENT_WORDING = [
  /agent (?:is not|isn't|is n't|not) (?:yet )?(?:installed|registered)/i,
  /mobility (?:service|agent)[^.]*(?:not|n't) (?:yet )?(?:installed|registered|running)/i,
  /agent[^.]*has not (?:yet )?registered/i,
  /mobility service registers with the configuration server/i,
];

export function isAgentNotRegisteredError(error: Pick<JobError, 'message'>): boolean {
  return AGENT_WORDING.some((re) => re.test(error.message));
}

export interface AgentRetryPolicy {
  /** Give up once this long has passed since the first attempt (default 15 minutes). */
  windowMs: number;
  /** Wait between attempts. */
  intervalMs: number;
}

export const DEFAULT_AGENT_RETRY: AgentRetryPolicy = { windowMs: 15 * 60_000, intervalMs: 60_000 };

export type RetryDecision = { retry: true; waitMs: number } | { retry: false; why: 'notAgentError' | 'windowExpired' };

export function decideAgentRetry(errors: readonly JobError[], startedAt: number, now: number, policy: AgentRetryPolicy): RetryDecision {
  if (!errors.some(isAgentNotRegisteredError)) return { retry: false, why: 'notAgentError' };
  const left = startedAt + policy.windowMs - now;
  if (left <= 0) return { retry: false, why: 'windowExpired' };
  return { retry: true, waitMs: Math.min(policy.intervalMs, left) };
}

export function countdownText(msLeft: number): string {
  const s = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
