import type { PersistedWatch, FollowRequest, WatchStore } from './types';

/** Identity of a job across vaults and scopes; job names are case-insensitive in ARM. */
export function followKey(w: { scopeKey: string; vault: { id: string }; jobName: string }): string {
  return `${w.scopeKey}|${w.vault.id}|${w.jobName}`.toLowerCase();
}

/**
 * The persisted watches. Every change is a read-modify-write done synchronously (get, then
 * set in the same tick): VS Code's Memento updates its in-memory value before `update()`
 * returns, so two trackers in one extension host never interleave. That is what makes the
 * final report exactly-once: only the tracker whose `claim` removed the entry reports.
 * (Two VS Code windows share globalState only eventually; there a rare double report
 * remains possible and is accepted.)
 */
export class PersistedWatches {
  constructor(
    private readonly store: WatchStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  all(): PersistedWatch[] {
    const value = this.store.get();
    return Array.isArray(value) ? value.filter(isPersistedWatch) : [];
  }

  has(key: string): boolean {
    return this.all().some((w) => followKey(w) === key);
  }

  /** Adds the watch unless it is already there (a second watch of the same job). */
  add(req: FollowRequest, watchedAt: Date): void {
    const key = followKey(req);
    const current = this.all();
    if (current.some((w) => followKey(w) === key)) return;
    const entry: PersistedWatch = { scopeKey: req.scopeKey, vault: req.vault, jobName: req.jobName, label: req.label, watchedAt: watchedAt.toISOString() };
    this.write([...current, entry]);
  }

  /** Records the job's start time once seen: the list filter after a reload starts there. */
  setStartTime(key: string, startTime: Date): void {
    const current = this.all();
    const entry = current.find((w) => followKey(w) === key);
    if (!entry || entry.startTime === startTime.toISOString()) return;
    this.write(current.map((w) => (w === entry ? { ...w, startTime: startTime.toISOString() } : w)));
  }

  /** Removes the entry; true only for the caller that actually removed it. */
  claim(key: string): boolean {
    const current = this.all();
    const rest = current.filter((w) => followKey(w) !== key);
    if (rest.length === current.length) return false;
    this.write(rest);
    return true;
  }

  private write(value: PersistedWatch[]): void {
    try {
      const pending = this.store.set(value);
      if (pending && typeof pending.then === 'function') pending.then(undefined, this.onError);
    } catch (error) {
      this.onError(error);
    }
  }
}

function isPersistedWatch(v: unknown): v is PersistedWatch {
  const w = v as Partial<PersistedWatch> | undefined;
  return !!w && typeof w.scopeKey === 'string' && typeof w.jobName === 'string' && typeof w.vault?.id === 'string';
}
