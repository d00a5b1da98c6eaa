// What a finished job's next-step button (Verify and Commit, Reprotect) hands to the command:
// the job's target as Site Recovery names it, and what kind of target it is. A recovery plan's
// job must lead to the plan again, never to a picker of single VMs.
import { sameId } from './armId';
import type { JobInfo, RecoveryPlanInfo } from './model';

export interface NextStepTarget {
  /** The job's targetObjectId. */
  jobTarget: string | undefined;
  /** The job's targetObjectName: the plan's friendly name for a plan job. */
  jobTargetName?: string;
  /** The job's targetInstanceType: 'RecoveryPlan' or 'ProtectionEntity'. */
  jobTargetType?: string;
  vaultId: string;
}

export function nextStepTarget(job: JobInfo): NextStepTarget {
  return { jobTarget: job.targetObjectId, jobTargetName: job.targetObjectName, jobTargetType: job.targetInstanceType, vaultId: job.vault.id };
}

/** A command argument naming a recovery plan as a job's target. */
export function isPlanTarget(hint: unknown): hint is NextStepTarget {
  const h = hint as Partial<NextStepTarget> | undefined;
  return typeof h?.vaultId === 'string' && /^RecoveryPlan$/i.test(String(h.jobTargetType ?? ''));
}

/**
 * The plan a plan job acted on. Site Recovery may name it by an internal id that the plan
 * resource does not show, so the friendly name decides when the id does not, and only when
 * exactly one plan of the vault carries it.
 */
export function planOfJobTarget<P extends Pick<RecoveryPlanInfo, 'id' | 'name' | 'friendlyName'>>(plans: readonly P[], target: NextStepTarget): P | undefined {
  const id = target.jobTarget;
  const byId = plans.find((p) => sameId(p.id, id) || sameId(p.name, id));
  if (byId) return byId;
  const byName = target.jobTargetName ? plans.filter((p) => p.friendlyName === target.jobTargetName) : [];
  return byName.length === 1 ? byName[0] : undefined;
}
