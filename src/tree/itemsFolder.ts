import * as vscode from 'vscode';
import type { ReplicatedItem, VaultRef } from '../domain/model';
import { matchesItemFilter } from '../domain/itemState';
import { contextValue } from '../domain/contextValue';
import { describeError } from '../domain/errors';
import type { Scope } from '../scope';
import type { TreeContext } from './context';
import { ItemNode } from './itemNode';
import { errorNode, LOAD_MORE_COMMAND, MessageNode, TreeNode } from './node';
import { idKey, sameId } from '../domain/armId';
import type { PolicyInfo } from '../domain/infrastructure';
import { vaultSummary, type VaultSummary } from '../domain/vaultSummary';

/**
 * "Replicated items": the vault-wide list, one request per page. The first page shows at
 * once; "Load more…" fetches the next; loadAll() fetches the rest in parallel. Items loaded
 * stay cached until the folder refreshes. The vault's policies are read with the first page, for
 * the RPO threshold each row is held to.
 */
export class ItemsFolderNode extends TreeNode {
  private loaded: ReplicatedItem[] = [];
  private continuationToken?: string;
  private started = false;
  private error?: string;
  private loading?: Promise<void>;
  /** Bumped by reset(): answers to requests sent before it are dropped. */
  private generation = 0;
  /** The vault's policies as last read; kept when a later read fails. */
  private policies: readonly PolicyInfo[] = [];

  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly ctx: TreeContext,
    /** Runs when the rows were built again (the vault row summarises them). */
    private readonly onRowsChanged: () => void = () => undefined,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/items`;
  }

  get items(): readonly ReplicatedItem[] {
    return this.loaded;
  }

  get hasMore(): boolean {
    return !!this.continuationToken;
  }

  /** The RPO threshold of the VM's replication policy, in minutes, when the policy records one. */
  rpoThresholdMinutes(item: Pick<ReplicatedItem, 'policyId'>): number | undefined {
    return this.policies.find((p) => sameId(p.id, item.policyId))?.rpoThresholdMinutes;
  }

  /**
   * The VMs loaded so far, summarised for the vault row from their newest readings; undefined
   * until a page was read. During a refresh the VMs read before stay, as in the folder's count.
   */
  summary(): VaultSummary | undefined {
    if (!this.started && this.loaded.length === 0) return undefined;
    if (this.error && this.loaded.length === 0) return undefined;
    const states = this.ctx.states;
    return vaultSummary(
      this.loaded.map((i) => states.current(i)),
      (i) => this.rpoThresholdMinutes(i),
      this.hasMore || !!this.error,
    );
  }

  /** Every item of the vault is loaded: nothing failed, no page left. */
  get complete(): boolean {
    return this.started && !this.continuationToken && !this.error;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Replicated items', vscode.TreeItemCollapsibleState.Expanded);
    ti.id = this.id;
    ti.iconPath = new vscode.ThemeIcon('vm');
    ti.contextValue = contextValue('folder', ['filter']);
    const filter = this.ctx.itemFilter(this.vault.id);
    if (filter) ti.description = `filter: ${filter}`;
    // A refresh reads the first page again: the count read before stays until the new one arrives.
    else if (!this.error && (this.started || this.loaded.length)) ti.description = `${this.loaded.length}${this.hasMore ? '+' : ''}`;
    return ti;
  }

  /**
   * Read again from the first page on the next expansion. The items already loaded stay
   * until the new first page replaces them, so commands looking items up never see a gap.
   */
  reset(): void {
    this.continuationToken = undefined;
    this.started = false;
    this.error = undefined;
    this.loading = undefined;
    this.generation++;
  }

  async loadMore(): Promise<void> {
    this.loading ??= this.fetchPage().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /**
   * Loads every item (Filter and pickers must see all). The first page stays one vault-wide
   * request; when more remain, the rest comes from the per-container lists in parallel (a few
   * round trips instead of one per page) and replaces the list, sorted by name. A folder not
   * expanded yet starts both at once; the parallel load is dropped if one page was all.
   */
  async loadAll(token?: vscode.CancellationToken): Promise<void> {
    if (this.started && !this.continuationToken) return;
    const abort = new AbortController();
    const cancel = token?.onCancellationRequested(() => abort.abort());
    try {
      const generation = this.generation;
      const all = this.scope.queries.listAllItems(this.vault, { abortSignal: abort.signal });
      all.catch(() => undefined); // awaited below only when needed
      if (!this.started || this.loading) await this.loadMore();
      if (generation !== this.generation || !this.continuationToken || this.error || token?.isCancellationRequested) return;
      try {
        const items = await all;
        if (generation !== this.generation) return;
        this.loaded = items;
        this.ctx.states.read(items);
        this.continuationToken = undefined;
        this.onRowsChanged();
      } catch {
        // Fall back to the vault-wide list, one page at a time.
        while (generation === this.generation && this.continuationToken && !this.error && !token?.isCancellationRequested) await this.loadMore();
      }
    } finally {
      abort.abort();
      cancel?.dispose();
    }
  }

  private async fetchPage(): Promise<void> {
    // Everything is loaded: asking again must not read (and append) the first page twice.
    if (this.started && !this.continuationToken) return;
    const generation = this.generation;
    // With the first page, in parallel: the policies' RPO thresholds, read again on each load.
    const policies = this.started ? undefined : this.readPolicies();
    try {
      const page = await this.scope.queries.listItemsPage(this.vault, this.started ? this.continuationToken : undefined);
      const read = await policies;
      if (generation !== this.generation) return;
      if (read) this.policies = read;
      if (!this.started) this.loaded = [];
      const known = new Set(this.loaded.map((i) => idKey(i.id)));
      this.loaded.push(...page.items.filter((i) => !known.has(idKey(i.id))));
      this.ctx.states.read(page.items);
      this.continuationToken = page.continuationToken;
      this.error = undefined;
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = describeError(e).message;
    }
    this.started = true;
  }

  /** The vault's policies, or undefined when they could not be read: the rows then show their RPO without a threshold. */
  private async readPolicies(): Promise<readonly PolicyInfo[] | undefined> {
    try {
      return await this.scope.queries.listPolicies(this.vault);
    } catch {
      return undefined;
    }
  }

  override async children(): Promise<TreeNode[]> {
    if (!this.started) await this.loadMore();
    if (this.error && this.loaded.length === 0) return [errorNode(this, this.error)];
    const filter = this.ctx.itemFilter(this.vault.id);
    // Each row shows the newest reading of its VM (a command may have read it again since this
    // page) and what this window runs on it.
    const states = this.ctx.states;
    const now = this.scope.clock.now();
    const visible = this.loaded.map((i) => states.current(i)).filter((i) => matchesItemFilter(i, filter));
    const nodes: TreeNode[] = visible.map((i) => new ItemNode(this, i, states.operation(i.id), now, states.note(i.id), this.rpoThresholdMinutes(i)));
    if (nodes.length === 0 && !this.continuationToken) {
      nodes.push(new MessageNode(this, `${this.id}/empty`, filter ? 'No replicated item matches the filter' : 'No replicated items', { icon: 'info' }));
    }
    if (this.error) nodes.push(errorNode(this, this.error));
    else if (this.continuationToken) {
      nodes.push(
        new MessageNode(this, `${this.id}/more`, 'Load more…', {
          icon: 'ellipsis',
          description: `${this.loaded.length} loaded`,
          command: { command: LOAD_MORE_COMMAND, title: 'Load more', arguments: [this] },
        }),
      );
    }
    // Rows are built after every load and every change of the store: the vault row follows them.
    this.onRowsChanged();
    return nodes;
  }
}
