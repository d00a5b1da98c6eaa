// Shapes shared by the job tracker and its VS Code adapter. No `vscode` import here: the
// tracker runs in plain Node for the unit tests, the adapter maps these onto VS Code.
import type { JobInfo, VaultRef } from '../domain/model';
import type { SiteRecoveryQueries } from '../azure/queries';

export interface DisposableLike {
  dispose(): void;
}

export interface FollowRequest {
  /** Which connection (practice or an Azure account scope) reaches the vault. */
  scopeKey: string;
  vault: VaultRef;
  /** ARM name of the Site Recovery job (the operation id of the POST that started it). */
  jobName: string;
  /** VM or recovery plan name, for messages about the job before its first reading. */
  label: string;
}

/**
 * A Site Recovery job the tracker follows until it ends.
 *
 * Two kinds of interest, kept apart on purpose:
 * - UI interest (a progress notification): `stopFollowing()` drops it. The ASR job goes on and
 *   the tracker keeps polling it, so the output channel still gets every task and the final
 *   notification still comes. This is what the progress notification's Cancel button does.
 * - Following at all: `stopFollowing({ forget: true })` also stops polling and removes the
 *   persisted watch; no final notification. Cancelling the ASR job itself is a separate
 *   command (operations.cancelJob); the tracker then reports the job as Cancelled.
 */
export interface FollowedJob {
  readonly scopeKey: string;
  readonly vault: VaultRef;
  readonly jobName: string;
  readonly label: string;
  /** Newest reading of the job; undefined until the first poll answered. */
  readonly latest?: JobInfo;
  /** False once stopFollowing() was called: nobody is looking at a progress notification. */
  readonly watching: boolean;
  /**
   * Settles with the job's final reading. Rejects only when the tracker stops following the
   * job before its end: dispose(), stopFollowing({ forget: true }), or the job vanished from
   * Site Recovery (purged). Always has a handler attached, so an unobserved rejection is harmless.
   */
  readonly done: Promise<JobInfo>;
  /** Called after each reading that changed something, with the lines written to the log. */
  onUpdate(listener: (job: JobInfo, lines: string[]) => void): DisposableLike;
  stopFollowing(options?: { forget?: boolean }): void;
}

/** What survives a reload: enough to find the job again. Plain JSON (globalState). */
export interface PersistedWatch {
  scopeKey: string;
  vault: VaultRef;
  jobName: string;
  label: string;
  /** Client time the watch began (ISO); bounds the job list filter until the job is seen. */
  watchedAt: string;
  /** The job's start time as Site Recovery reports it (ISO), once seen. */
  startTime?: string;
}

/** Backed by `context.globalState` in the extension; by an array in tests. */
export interface WatchStore {
  get(): PersistedWatch[];
  set(value: PersistedWatch[]): PromiseLike<void> | void;
}

/** The two job queries the tracker needs. */
export type JobQueries = Pick<SiteRecoveryQueries, 'listJobs' | 'getJob'>;

/** Finds the queries of a scope; undefined while its connection is unavailable (signed out). */
export type ScopeResolver = (scopeKey: string) => JobQueries | undefined | Promise<JobQueries | undefined>;

export type LogLevel = 'info' | 'warn' | 'error';

/** Where job lines go (the "Site Recovery" log output channel in VS Code). */
export type LogSink = (line: string, level?: LogLevel) => void;

export interface AuthExpiredEvent {
  scopeKey: string;
  vault: VaultRef;
  message: string;
}
