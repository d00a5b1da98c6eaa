import type { RecoveryPointInfo, ReplicatedItem } from '../domain/model';
import type { PointsReading } from '../domain/itemTooltip';
import { describeError } from '../domain/errors';
import { idKey } from '../domain/armId';

/** Hovering a row again within this time shows the points read before instead of asking again. */
export const POINTS_TTL_MS = 15_000;

type ReadPoints = (item: ReplicatedItem) => Promise<RecoveryPointInfo[]>;

/**
 * Recovery points read for row tooltips, per VM for a few seconds: a mouse crossing the tree
 * hovers many rows, and each hover must not send a request. Concurrent hovers of one VM share
 * one request; a failure is kept as briefly, so a row that fails does not ask on every hover.
 * Times are the wall clock's: the wait protects the service, whatever clock the vault runs on.
 */
export class RecoveryPointsCache {
  private readonly entries = new Map<string, { at: number; reading: Promise<PointsReading> }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = POINTS_TTL_MS,
  ) {}

  /** `scopeKey`: the same item id in two scopes (a vault and its practice copy) is two VMs. */
  read(scopeKey: string, item: ReplicatedItem, readPoints: ReadPoints): Promise<PointsReading> {
    const now = this.now();
    for (const [key, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(key);
    const key = `${scopeKey}|${idKey(item.id)}`;
    const cached = this.entries.get(key);
    if (cached) return cached.reading;
    const reading = readPoints(item).then(
      (points): PointsReading => ({ points }),
      (e: unknown): PointsReading => ({ error: describeError(e).message }),
    );
    this.entries.set(key, { at: now, reading });
    return reading;
  }

  /** Forget every reading (a refresh of the whole tree reads everything again). */
  clear(): void {
    this.entries.clear();
  }
}
