// The one store of truth about replicated items: each item as Site Recovery last answered, and
// the operation this window runs on it. The tree, every checklist, the notifications and the
// Jobs folder read it and re-render when it changes, so no view keeps its own copy of a VM.
import type { JobInfo, ReplicatedItem } from '../domain/model';
import type { ItemOperation } from '../domain/operations';
import { idKey } from '../domain/armId';
import { Emitter } from '../jobs/emitter';

export interface StoreChange {
  /** Items whose reading or operation changed; undefined: everything (a reset). */
  itemIds?: string[];
}

export class VaultStore {
  private readonly items = new Map<string, ReplicatedItem>();
  private readonly operations = new Map<string, ItemOperation>();
  /** What the item's own reading cannot show, learnt from a job (a cancelled failover). */
  private readonly notes = new Map<string, string>();
  /** Items each followed job acts on. */
  private readonly jobItems = new Map<string, string[]>();
  private readonly changed = new Emitter<[StoreChange]>();
  readonly onDidChange = this.changed.event;

  /** The item as last read (by a list page or a re-read), or the given one when newer to us. */
  current(item: ReplicatedItem): ReplicatedItem {
    return this.items.get(idKey(item.id)) ?? item;
  }

  operation(itemId: string): ItemOperation | undefined {
    return this.operations.get(idKey(itemId));
  }

  note(itemId: string): string | undefined {
    return this.notes.get(idKey(itemId));
  }

  /** Sets (or, with undefined, clears) the note of an item. */
  setNote(itemId: string, text: string | undefined): void {
    if (text) this.notes.set(idKey(itemId), text);
    else if (!this.notes.delete(idKey(itemId))) return;
    this.changed.fire({ itemIds: [itemId] });
  }

  /** Readings from Site Recovery: a page of a list, or one item read again. */
  read(items: readonly ReplicatedItem[], quiet = false): void {
    const ids: string[] = [];
    for (const item of items) {
      const key = idKey(item.id);
      const before = this.items.get(key);
      this.items.set(key, item);
      if (before && !sameReading(before, item)) {
        ids.push(item.id);
        // A new state from Site Recovery supersedes what an earlier job told about the item.
        this.notes.delete(key);
      }
    }
    if (ids.length && !quiet) this.changed.fire({ itemIds: ids });
  }

  begin(itemId: string, op: ItemOperation): void {
    this.operations.set(idKey(itemId), op);
    this.changed.fire({ itemIds: [itemId] });
  }

  update(itemId: string, patch: Partial<ItemOperation>): void {
    const op = this.operations.get(idKey(itemId));
    if (!op) return;
    this.operations.set(idKey(itemId), { ...op, ...patch });
    this.changed.fire({ itemIds: [itemId] });
  }

  end(itemId: string): void {
    if (this.operations.delete(idKey(itemId))) this.changed.fire({ itemIds: [itemId] });
  }

  /** A followed job acts on these items: its readings become their operation's task. */
  jobStarted(jobName: string, itemIds: string[]): void {
    this.jobItems.set(jobName.toLowerCase(), itemIds);
    for (const id of itemIds) this.update(id, { phase: 'running', jobName });
  }

  /** A new reading of a followed job: the task it is at now. */
  jobReading(job: JobInfo): void {
    const ids = this.jobItems.get(job.name.toLowerCase());
    if (!ids) return;
    const running = job.tasks.find((t) => /^InProgress$/i.test(String(t.state)));
    for (const id of ids) {
      const op = this.operation(id);
      if (op && op.phase !== 'waitingForAgent' && op.task !== running?.friendlyName) this.update(id, { task: running?.friendlyName });
    }
  }

  /** The items of a job that ended (their operation stays until the caller read them again). */
  jobItemsOf(jobName: string): string[] {
    return this.jobItems.get(jobName.toLowerCase()) ?? [];
  }

  jobEnded(jobName: string): void {
    this.jobItems.delete(jobName.toLowerCase());
  }

  /** Forget everything of one scope's vaults (Reset Practice Vault, another scenario). */
  clear(predicate: (item: ReplicatedItem) => boolean = () => true): void {
    for (const [key, item] of this.items) {
      if (!predicate(item)) continue;
      this.items.delete(key);
      this.operations.delete(key);
      this.notes.delete(key);
    }
    this.changed.fire({});
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Same state as far as any view shows it. */
function sameReading(a: ReplicatedItem, b: ReplicatedItem): boolean {
  return (
    a.protectionState === b.protectionState &&
    a.providerInstanceType === b.providerInstanceType &&
    a.allowedOperations.join() === b.allowedOperations.join() &&
    a.currentOperation?.scenarioName === b.currentOperation?.scenarioName &&
    a.replicationHealth === b.replicationHealth &&
    a.failoverHealth === b.failoverHealth &&
    a.agentRegisteredAfterFailover === b.agentRegisteredAfterFailover &&
    a.latestRecoveryPointTime?.getTime() === b.latestRecoveryPointTime?.getTime() &&
    a.failoverRecoveryPointId === b.failoverRecoveryPointId
  );
}
