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
  emit(kind: ChangeKind, id: string, time: number): void;
}
