import type { SimContext } from '../context';
import type { ItemRecord } from './model';

/**
 * The on-premises VM's agent registers a fixed (virtual) time after the failover started the VM.
 * Before that, reprotect jobs fail at their prerequisite check.
 */
export function agentRegisteredAt(ctx: SimContext, item: ItemRecord): number | undefined {
  const started = item.mutable.onPremVmStartedAt;
  return started === undefined ? undefined : started + ctx.config.agentRegistrationMs;
}

export function isAgentRegistered(ctx: SimContext, item: ItemRecord, at: number): boolean {
  const when = agentRegisteredAt(ctx, item);
  return when !== undefined && at >= when;
}
