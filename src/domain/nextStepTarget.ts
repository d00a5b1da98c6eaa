// What a finished job's next-step button (Verify and Commit, Reprotect) hands to the command:
// the job's target as Site Recovery names it, and what kind of target it is. A recovery plan's
// job must lead to the plan again, and a VM's job to that VM, never to a picker of single VMs.
import { sameId } from './armId';
import type { JobInfo, RecoveryPlanInfo, ReplicatedItem, VaultRef } from './model';

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

/** A command argument naming a VM (not a plan) as a job's target: by id, or at least by name. */
export function isItemJobTarget(hint: unknown): hint is Partial<NextStepTarget> {
  const h = hint as Partial<NextStepTarget> | undefined;
  return (typeof h?.jobTarget === 'string' || typeof h?.jobTargetName === 'string') && !isPlanTarget(hint);
}

/** What of an item names it: ARM id and name, the VM's id in Site Recovery, the VM's name. */
export type JobTargetItem = Pick<ReplicatedItem, 'id' | 'name' | 'friendlyName' | 'vmId' | 'internalId'> & { vault: Pick<VaultRef, 'id'> };

/**
 * Does `id` name the item: its ARM id, its ARM name (or an id ending in it), or the VM's id
 * in Site Recovery (what a VM job names as its target: classic `vmId`, modernized
 * `internalIdentifier`)? Case-insensitive.
 */
export function namesItem(item: JobTargetItem, id: string): boolean {
  const w = id.toLowerCase();
  const name = item.name.toLowerCase();
  return sameId(item.id, id) || (!!name && (w === name || w.endsWith(`/${name}`))) || sameId(item.vmId, id) || sameId(item.internalId, id);
}

/**
 * The item a VM job acted on, among the items loaded. Site Recovery names the target by the
 * VM's id, not by the ARM name of the protected item; only items of the job's vault count
 * when the target names one. When no id matches, the friendly name decides, and only when
 * exactly one item of the job's vault carries it — which `partial` (the list may lack some of
 * the vault's items) rules out.
 */
export function itemOfJobTarget<I extends JobTargetItem>(items: readonly I[], target: Partial<NextStepTarget>, options: { partial?: boolean } = {}): I | undefined {
  const vaultId = target.vaultId;
  const inVault = vaultId ? items.filter((i) => sameId(i.vault.id, vaultId)) : items;
  const id = target.jobTarget;
  const byId = id ? inVault.find((i) => namesItem(i, id)) : undefined;
  if (byId || !vaultId || options.partial) return byId;
  const byName = target.jobTargetName ? inVault.filter((i) => i.friendlyName === target.jobTargetName) : [];
  return byName.length === 1 ? byName[0] : undefined;
}
