import type { SimContext } from '../context';
import type { ItemRecord } from './model';

/**
 * The Mobility agent of the VM a failover started registers a fixed (virtual) time after the VM
 * started. Before that, reprotect jobs fail at their prerequisite check.
 * Assumed (not recorded): the same wait holds for the Azure VM of a failover to Azure before its
 * reprotect to on-premises, and the failure is the job's prerequisite check (not a refused request).
 */
export function agentRegisteredAt(ctx: SimContext, item: ItemRecord): number | undefined {
  const started = item.mutable.recoveredVmStartedAt;
  return started === undefined ? undefined : started + ctx.config.agentRegistrationMs;
}

export function isAgentRegistered(ctx: SimContext, item: ItemRecord, at: number): boolean {
  const when = agentRegisteredAt(ctx, item);
  return when !== undefined && at >= when;
}

/**
 * `isAgentRegistrationSuccessfulAfterFailover` as recorded: null on a replicating item
 * (TestV2ARCMFailback.010), false on a failback item whose planned failover was undone
 * (TestV2ARCMFailback.011, Protected with lastPlannedFailoverStatus), and after a failover false until
 * the agent registered, then true (TestV2ARCM540Reprotect.014, TestV2ARCMReprotect.011).
 */
export function agentRegistrationAfterFailover(ctx: SimContext, item: ItemRecord, at: number): boolean | null {
  if (item.mutable.recoveredVmStartedAt !== undefined) {
    return isAgentRegistered(ctx, item, at);
  }
  return item.mutable.lastPlannedFailoverStartTime !== undefined ? false : null;
}
