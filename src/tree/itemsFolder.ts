import * as vscode from 'vscode';
import type { ReplicatedItem, VaultRef } from '../domain/model';
import { describeItem } from '../domain/itemState';
import { contextValue } from '../domain/contextValue';
import { describeError } from '../domain/errors';
import type { Scope } from '../scope';
import type { TreeContext } from './context';
import { ItemNode } from './itemNode';
import { errorNode, LOAD_MORE_COMMAND, MessageNode, TreeNode } from './node';

/**
 * "Replicated items": the vault-wide list, one request per page. The first page shows at
 * once; "Load more…" fetches the next. Items loaded stay cached until the folder refreshes.
 */
export class ItemsFolderNode extends TreeNode {
  private loaded: ReplicatedItem[] = [];
  private continuationToken?: string;
  private started = false;
  private error?: string;
  private loading?: Promise<void>;

  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly ctx: TreeContext,
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

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Replicated items', vscode.TreeItemCollapsibleState.Expanded);
    ti.id = this.id;
    ti.iconPath = new vscode.ThemeIcon('vm');
    ti.contextValue = contextValue('folder', ['filter']);
    const filter = this.ctx.itemFilter(this.vault.id);
    if (filter) ti.description = `filter: ${filter}`;
    else if (this.started && !this.error) ti.description = `${this.loaded.length}${this.hasMore ? '+' : ''}`;
    return ti;
  }

  /** Forget what was loaded; the next expansion reads the first page again. */
  reset(): void {
    this.loaded = [];
    this.continuationToken = undefined;
    this.started = false;
    this.error = undefined;
    this.loading = undefined;
  }

  async loadMore(): Promise<void> {
    this.loading ??= this.fetchPage().finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** Loads every remaining page (used by Filter, which must see all items). */
  async loadAll(token?: vscode.CancellationToken): Promise<void> {
    if (!this.started) await this.loadMore();
    while (this.continuationToken && !this.error && !token?.isCancellationRequested) await this.loadMore();
  }

  private async fetchPage(): Promise<void> {
    try {
      const page = await this.scope.queries.listItemsPage(this.vault, this.started ? this.continuationToken : undefined);
      this.loaded.push(...page.items);
      this.continuationToken = page.continuationToken;
      this.error = undefined;
    } catch (e) {
      this.error = describeError(e).message;
    }
    this.started = true;
  }

  override async children(): Promise<TreeNode[]> {
    if (!this.started) await this.loadMore();
    if (this.error && this.loaded.length === 0) return [errorNode(this, this.error)];
    const filter = this.ctx.itemFilter(this.vault.id)?.toLowerCase();
    const visible = filter
      ? this.loaded.filter((i) => i.friendlyName.toLowerCase().includes(filter) || describeItem(i).toLowerCase().includes(filter))
      : this.loaded;
    const nodes: TreeNode[] = visible.map((i) => new ItemNode(this, i));
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
    return nodes;
  }
}
