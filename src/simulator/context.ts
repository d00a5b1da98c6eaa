import type { VirtualClock } from './clock';
import type { Store } from './state/store';

export interface SimConfig {
  pageSize: number;
  retryAfterSeconds: number;
  agentRegistrationMs: number;
  jobDurationScale: number;
}

export type ChangeKind = 'job' | 'item' | 'task';

/** What handlers and the job engine share. */
export interface SimContext {
  store: Store;
  clock: VirtualClock;
  config: SimConfig;
  /** `id`: a job's or item's name; for a task "<job name>/<task id>" (recorded task ids repeat across jobs). */
  emit(kind: ChangeKind, id: string, time: number): void;
}
