import type { RecoveryPointInfo, ReplicatedItem } from '../domain/model';
import { precheckFailover, type Refusal } from '../domain/prechecks';
import type { SiteRecoveryQueries } from '../azure/queries';

export interface FailoverPreparation {
  /** VMs that pass every check, re-read from Site Recovery. */
  ready: ReplicatedItem[];
  refused: Refusal[];
  /** Recovery points per item id, newest first. */
  points: Map<string, RecoveryPointInfo[]>;
}

/**
 * Re-reads the chosen VMs (a tree node may be stale) and their recovery points, then runs
 * the failback prechecks. Only reads: nothing is sent that Site Recovery would refuse.
 */
export async function prepareFailover(queries: Pick<SiteRecoveryQueries, 'getItem' | 'listRecoveryPoints'>, chosen: readonly ReplicatedItem[]): Promise<FailoverPreparation> {
  const fresh = await Promise.all(chosen.map((i) => queries.getItem(i)));
  const points = new Map<string, RecoveryPointInfo[]>();
  await Promise.all(
    fresh.map(async (i) => {
      // Points matter only for VMs that could fail back; others are refused for their state.
      if (i.provider && !i.currentOperation) points.set(i.id, await queries.listRecoveryPoints(i));
    }),
  );
  const check = precheckFailover(fresh, new Map([...points].map(([id, p]) => [id, p.length])));
  return { ready: check.ready, refused: check.refused, points };
}
