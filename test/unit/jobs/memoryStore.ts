import type { PersistedWatch, WatchStore } from '../../../src/jobs/types';

/** Like VS Code's Memento: the value changes at once, persistence completes later. */
export class MemoryStore implements WatchStore {
  value: PersistedWatch[] = [];
  writes = 0;

  get(): PersistedWatch[] {
    // A JSON round trip, as globalState does: no object is shared between trackers.
    return JSON.parse(JSON.stringify(this.value)) as PersistedWatch[];
  }

  set(value: PersistedWatch[]): Promise<void> {
    this.value = JSON.parse(JSON.stringify(value)) as PersistedWatch[];
    this.writes++;
    return Promise.resolve();
  }
}
