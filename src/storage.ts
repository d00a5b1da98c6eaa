// Everything the extension keeps across window reloads, in one place: VS Code's globalState
// behind typed accessors, one per key. Nothing here holds a token or a secret.
import type { PersistedWatch } from './jobs/types';
import type { ReprotectChoices } from './azure/inputs';
import type { PendingReprotect } from './workflows/reprotectSession';
import type { RunRecord } from './domain/runs/types';
import { idKey } from './domain/armId';

/** The part of VS Code's Memento the store uses (a Map-backed one stands in for it in tests). */
export interface StateMemento {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): Thenable<void>;
}

const KEYS = {
  watchedJobs: 'siteRecovery.watchedJobs',
  reprotectChoices: 'siteRecovery.reprotectChoices',
  reprotectToOnPremisesChoices: 'siteRecovery.reprotectToOnPremisesChoices',
  pendingReprotects: 'siteRecovery.pendingReprotects',
  recoveryGroups: (vaultId: string) => `siteRecovery.recoveryGroups:${idKey(vaultId)}`,
  runs: (vaultId: string) => `siteRecovery.runs:${idKey(vaultId)}`,
  runVaults: 'siteRecovery.runVaults',
} as const;

/** A record kept per vault (choices remembered for the next time), keyed by the vault's id. */
class PerVault<T> {
  constructor(
    private readonly memento: StateMemento,
    private readonly key: string,
  ) {}

  get(vaultId: string): Partial<T> {
    return this.memento.get<Record<string, Partial<T>>>(this.key, {})[idKey(vaultId)] ?? {};
  }

  set(vaultId: string, value: Partial<T>): Thenable<void> {
    const all = this.memento.get<Record<string, Partial<T>>>(this.key, {});
    return this.memento.update(this.key, { ...all, [idKey(vaultId)]: value });
  }
}

export class ExtensionStore {
  readonly reprotectChoices: PerVault<ReprotectChoices>;
  readonly reprotectToOnPremisesChoices: PerVault<Record<string, string>>;

  constructor(private readonly memento: StateMemento) {
    this.reprotectChoices = new PerVault(memento, KEYS.reprotectChoices);
    this.reprotectToOnPremisesChoices = new PerVault(memento, KEYS.reprotectToOnPremisesChoices);
  }

  /** Jobs followed across reloads (the job tracker's store). */
  readonly watchedJobs = {
    get: (): PersistedWatch[] => this.memento.get<PersistedWatch[]>(KEYS.watchedJobs, []),
    set: (value: PersistedWatch[]): Thenable<void> => this.memento.update(KEYS.watchedJobs, value),
  };

  /** Reprotects waiting out the agent window, resumed after a reload. */
  readonly pendingReprotects = {
    get: (): PendingReprotect[] => this.memento.get<PendingReprotect[]>(KEYS.pendingReprotects, []),
    set: (value: PendingReprotect[]): Thenable<void> => this.memento.update(KEYS.pendingReprotects, value),
  };

  /**
   * Runs (the evidence of each operation) per vault, oldest first, and the vaults that have
   * some; the run log (src/state/runLog.ts) bounds and scrubs them.
   */
  readonly runs = {
    get: (vaultId: string): RunRecord[] => this.memento.get<RunRecord[]>(KEYS.runs(vaultId), []),
    set: (vaultId: string, value: RunRecord[]): Thenable<void> => this.memento.update(KEYS.runs(vaultId), value),
    vaults: (): string[] => this.memento.get<string[]>(KEYS.runVaults, []),
    setVaults: (vaultIds: string[]): Thenable<void> => this.memento.update(KEYS.runVaults, vaultIds),
  };

  /**
   * The resource groups that held a vault's Azure side: a VM whose replication was disabled is
   * gone from the vault, so the groups seen for it are remembered for the seed-disk search.
   */
  recoveryGroups(vaultId: string, seen: Iterable<string>): string[] {
    const key = KEYS.recoveryGroups(vaultId);
    const all = new Set(this.memento.get<string[]>(key, []));
    const before = all.size;
    for (const g of seen) all.add(g.toLowerCase());
    if (all.size !== before) void this.memento.update(key, [...all]);
    return [...all];
  }
}
