import type { RecoveryPlanInfo, RecoveryPointInfo, ReplicatedItem } from '../domain/model';
import { planFailoverRefusals, precheckFailover, precheckTowardsAzure, type Refusal } from '../domain/prechecks';
import type { SiteRecoveryQueries } from '../azure/queries';
import { sameId } from '../domain/armId';

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
export async function prepareFailover(queries: Queries, chosen: readonly ReplicatedItem[]): Promise<FailoverPreparation> {
  const { fresh, points } = await readWithPoints(queries, chosen);
  const check = precheckFailover(fresh, counts(points));
  return { ready: check.ready, refused: check.refused, points };
}

/** The same for a recovery plan: every VM of it must pass, or the plan does not fail back. */
export async function preparePlanFailover(
  queries: Queries,
  plan: RecoveryPlanInfo,
  members: readonly ReplicatedItem[],
): Promise<{ members: ReplicatedItem[]; points: Map<string, RecoveryPointInfo[]>; reasons: string[] }> {
  const { fresh, points } = await readWithPoints(queries, members);
  return { members: fresh, points, reasons: planFailoverRefusals(plan, fresh, counts(points)) };
}

/** The same for a step towards Azure (test failover, failover to Azure). */
export async function prepareTowardsAzure(queries: Queries, chosen: readonly ReplicatedItem[], action: 'testFailover' | 'failoverToAzure'): Promise<FailoverPreparation> {
  const { fresh, points } = await readWithPoints(queries, chosen);
  const check = precheckTowardsAzure(fresh, action, counts(points));
  return { ready: check.ready, refused: check.refused, points };
}

type Queries = Pick<SiteRecoveryQueries, 'getItem' | 'listRecoveryPoints'>;

/**
 * The recovery plan that holds each replication group of `items` (by the plans' member ids), so
 * a warning can name the plan to fail over instead. Only a hint: a failed read names none.
 */
export async function plansOfReplicationGroups(
  queries: Pick<SiteRecoveryQueries, 'listPlans'>,
  items: ReadonlyArray<Pick<ReplicatedItem, 'id' | 'vault' | 'multiVmGroupName'>>,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const grouped = items.filter((i) => i.multiVmGroupName);
  if (grouped.length === 0) return found;
  try {
    const plans = await queries.listPlans(grouped[0].vault);
    for (const item of grouped) {
      const plan = plans.find((p) => p.groups.some((g) => g.itemIds.some((id) => sameId(id, item.id))));
      if (plan && !found.has(item.multiVmGroupName!)) found.set(item.multiVmGroupName!, plan.friendlyName);
    }
  } catch {
    // The warning still stands without the plan's name.
  }
  return found;
}

async function readWithPoints(queries: Queries, items: readonly ReplicatedItem[]) {
  const fresh = await Promise.all(items.map((i) => queries.getItem(i)));
  const points = new Map<string, RecoveryPointInfo[]>();
  await Promise.all(
    fresh.map(async (i) => {
      // Points matter only for VMs that could fail back; others are refused for their state.
      if (i.provider && !i.currentOperation) points.set(i.id, await queries.listRecoveryPoints(i));
    }),
  );
  return { fresh, points };
}

const counts = (points: Map<string, RecoveryPointInfo[]>) => new Map([...points].map(([id, p]) => [id, p.length]));
