// The run log: every operation the extension starts, kept per vault in globalState so it
// survives a window reload, as evidence for the run report. Bounded per vault (the oldest run
// goes first), scrubbed of anything token-like on every write, and never in the way of the
// operation it records: a failed write is reported to `onWriteError`, not thrown.
import { randomUUID } from 'node:crypto';
import type { ExtensionStore } from '../storage';
import { sameId } from '../domain/armId';
import { storable } from '../domain/runs/redact';
import { outcomesFromJobs } from '../domain/runs/fromJobs';
import { RUN_SCHEMA_VERSION, isRunRecord, type NewRun, type RunJob, type RunOutcome, type RunRecord } from '../domain/runs/types';

/** Runs kept per vault. */
export const RUNS_PER_VAULT = 200;

export interface RunLogOptions {
  /** Runs kept per vault (default RUNS_PER_VAULT). */
  limit?: number;
  /** The clock for times the caller does not give (start, end). */
  now?: () => Date;
  newId?: () => string;
  onWriteError?: (error: unknown) => void;
}

export class RunLog {
  private readonly limit: number;
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** Which vault holds a run, learnt on the way. */
  private readonly vaultOf = new Map<string, string>();

  constructor(
    private readonly store: Pick<ExtensionStore, 'runs'>,
    private readonly options: RunLogOptions = {},
  ) {
    this.limit = Math.max(1, options.limit ?? RUNS_PER_VAULT);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => `run-${randomUUID()}`);
  }

  /**
   * Records a run as it starts (before its first request) and returns its id. `startedAt`
   * defaults to now; pass the scope's time (`scope.now()`) so a practice run agrees with its jobs.
   */
  async start(run: NewRun): Promise<string> {
    const id = this.newId();
    const record: RunRecord = storable<RunRecord>({
      ...run,
      schemaVersion: RUN_SCHEMA_VERSION,
      id,
      source: 'extension',
      startedAt: run.startedAt ?? this.now().toISOString(),
      jobs: [],
      outcomes: [],
    });
    this.vaultOf.set(id, run.vaultId);
    const vaults = this.store.runs.vaults();
    const writes: Array<Thenable<void>> = [];
    if (!vaults.some((v) => sameId(v, run.vaultId))) writes.push(this.store.runs.setVaults([...vaults, run.vaultId]));
    const runs = [...this.read(run.vaultId), record];
    writes.push(this.store.runs.set(run.vaultId, runs.slice(Math.max(0, runs.length - this.limit))));
    await this.settle(...writes);
    return id;
  }

  /** A job Site Recovery started for the run (or a newer reading of it). */
  addJob(runId: string, job: RunJob): Promise<void> {
    return this.updateJob(runId, job);
  }

  /** The job as last read, replacing the earlier reading of the same job (by name); added if new. */
  updateJob(runId: string, job: RunJob): Promise<void> {
    const clean = storable(job);
    return this.change(runId, (run) => ({ ...run, jobs: upsert(run.jobs, clean) }));
  }

  /**
   * A reading of a job from anywhere (the job tracker): updates the run of the vault that holds
   * the job. An ended run whose outcome was unknown (its window stopped watching) learns it.
   * Returns whether a run held the job.
   */
  async noteJob(vaultId: string, job: RunJob): Promise<boolean> {
    const holder = [...this.read(vaultId)].reverse().find((r) => r.jobs.some((j) => sameName(j.name, job.name)));
    if (!holder) return false;
    const clean = storable(job);
    // The tracker reports every poll: a reading the run already holds is not written again.
    const held = holder.jobs.find((j) => sameName(j.name, job.name));
    const learns = !!holder.endedAt && holder.outcomes.some((o) => o.outcome === 'unknown');
    if (!learns && JSON.stringify(held) === JSON.stringify(clean)) return true;
    await this.change(holder.id, (run) => {
      const jobs = upsert(run.jobs, clean);
      if (!run.endedAt || !run.outcomes.some((o) => o.outcome === 'unknown')) return { ...run, jobs };
      const derived = outcomesFromJobs(run.target, jobs);
      return { ...run, jobs, outcomes: run.outcomes.map((o) => (o.outcome === 'unknown' ? (derived.find((d) => d.vm === o.vm) ?? o) : o)) };
    });
    return true;
  }

  /** Something a reader must know that no field says (e.g. a VM refused before any request). */
  addNote(runId: string, note: string): Promise<void> {
    return this.change(runId, (run) => ({ ...run, notes: [...(run.notes ?? []), note] }));
  }

  /**
   * The run has ended. `outcomes` per VM as the command verified them; by default, what the
   * run's jobs say. `endedAt` defaults to the last job's end when every job has ended, else now.
   */
  finish(runId: string, outcomes?: RunOutcome[], endedAt?: Date): Promise<void> {
    return this.change(runId, (run) => ({
      ...run,
      outcomes: storable(outcomes ?? outcomesFromJobs(run.target, run.jobs)),
      endedAt: (endedAt ?? lastJobEnd(run.jobs) ?? this.now()).toISOString(),
    }));
  }

  /** The vault's runs, newest first. */
  list(vaultId: string): RunRecord[] {
    return [...this.read(vaultId)].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  }

  get(runId: string): RunRecord | undefined {
    const vaultId = this.findVault(runId);
    return vaultId ? this.read(vaultId).find((r) => r.id === runId) : undefined;
  }

  /** Forgets the vault's runs (the practice vault's reset). */
  async clear(vaultId: string): Promise<void> {
    for (const [id, v] of this.vaultOf) if (sameId(v, vaultId)) this.vaultOf.delete(id);
    await this.settle(this.store.runs.set(vaultId, []), this.store.runs.setVaults(this.store.runs.vaults().filter((v) => !sameId(v, vaultId))));
  }

  /**
   * Forgets the runs of practice vaults: a practice vault opened (or reset) is a new simulated
   * world, whose report must not carry the runs of the one before.
   */
  async clearPractice(): Promise<void> {
    for (const vaultId of this.store.runs.vaults()) {
      if (this.read(vaultId).some((r) => r.practice)) await this.clear(vaultId);
    }
  }

  /** Records of this schema version only: a newer version's records are left alone, unread. */
  private read(vaultId: string): RunRecord[] {
    const stored = this.store.runs.get(vaultId);
    return Array.isArray(stored) ? stored.filter(isRunRecord) : [];
  }

  private findVault(runId: string): string | undefined {
    const known = this.vaultOf.get(runId);
    if (known) return known;
    const vaultId = this.store.runs.vaults().find((v) => this.read(v).some((r) => r.id === runId));
    if (vaultId) this.vaultOf.set(runId, vaultId);
    return vaultId;
  }

  /** Read, change, write in one synchronous step (the memento holds the new value at once), so no update is lost. */
  private async change(runId: string, edit: (run: RunRecord) => RunRecord): Promise<void> {
    const vaultId = this.findVault(runId);
    if (!vaultId) return;
    const stored = this.store.runs.get(vaultId);
    const runs = Array.isArray(stored) ? stored : [];
    const at = runs.findIndex((r) => isRunRecord(r) && r.id === runId);
    if (at < 0) return;
    const next = [...runs];
    next[at] = storable(edit(runs[at]));
    await this.settle(this.store.runs.set(vaultId, next));
  }

  private async settle(...writes: Array<Thenable<void>>): Promise<void> {
    try {
      await Promise.all(writes);
    } catch (e) {
      this.options.onWriteError?.(e);
    }
  }
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function upsert(jobs: readonly RunJob[], job: RunJob): RunJob[] {
  const at = jobs.findIndex((j) => sameName(j.name, job.name));
  return at < 0 ? [...jobs, job] : jobs.map((j, i) => (i === at ? job : j));
}

/** The end of the last job when every job has one. */
function lastJobEnd(jobs: readonly RunJob[]): Date | undefined {
  if (jobs.length === 0 || jobs.some((j) => !j.end)) return undefined;
  return new Date(Math.max(...jobs.map((j) => Date.parse(j.end!))));
}
