import * as vscode from 'vscode';
import type { RecoveryPlanInfo, ReplicatedItem, VaultRef } from '../domain/model';
import { planActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeError } from '../domain/errors';
import { scenarioWords } from '../domain/itemState';
import { sameId } from '../domain/armId';
import type { Scope } from '../scope';
import { ItemNode } from './itemNode';
import type { ItemsFolderNode } from './itemsFolder';
import { errorNode, escapeMarkdown, MessageNode, TreeNode } from './node';

export class PlansFolderNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly items: ItemsFolderNode,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/plans`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Recovery plans', vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    ti.iconPath = new vscode.ThemeIcon('list-ordered');
    ti.contextValue = contextValue('folder');
    return ti;
  }

  override async children(): Promise<TreeNode[]> {
    try {
      const plans = await this.planNodes();
      if (plans.length === 0) return [new MessageNode(this, `${this.id}/empty`, 'No recovery plans', { icon: 'info' })];
      return plans;
    } catch (e) {
      return [errorNode(this, describeError(e).message)];
    }
  }

  /** The vault's plans as Site Recovery lists them now; a failed read throws, for commands. */
  async planNodes(): Promise<PlanNode[]> {
    const plans = await this.scope.queries.listPlans(this.vault);
    return plans.map((p) => new PlanNode(this, this.scope, p, this.items));
  }
}

export class PlanNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly plan: RecoveryPlanInfo,
    private readonly items: ItemsFolderNode,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/${this.plan.name}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.plan.friendlyName, vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    const vmCount = new Set(this.plan.groups.flatMap((g) => g.itemIds)).size;
    ti.description = this.plan.currentOperation ? `${scenarioWords(this.plan.currentOperation.scenarioName)} in progress` : `${vmCount} VM${vmCount === 1 ? '' : 's'}`;
    ti.iconPath = new vscode.ThemeIcon(this.plan.currentOperation ? 'sync~spin' : 'list-ordered');
    ti.contextValue = contextValue('plan', planActions(this.plan));
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.appendMarkdown(`**${escapeMarkdown(this.plan.friendlyName)}**  \n`);
    md.appendMarkdown(`${escapeMarkdown(`${this.plan.primaryFabricFriendlyName ?? '?'} → ${this.plan.recoveryFabricFriendlyName ?? '?'}`)}  \n`);
    md.appendMarkdown(`Providers: ${escapeMarkdown(this.plan.replicationProviders.join(', ') || '—')}`);
    ti.tooltip = md;
    return ti;
  }

  /** Members resolved from the items already loaded, read one by one only when missing. */
  async members(): Promise<ReplicatedItem[]> {
    const ids = [...new Set(this.plan.groups.flatMap((g) => g.itemIds))];
    return Promise.all(ids.map((id) => this.items.items.find((i) => sameId(i.id, id)) ?? this.scope.queries.getItemById(this.plan.vault, id)));
  }

  override async children(): Promise<TreeNode[]> {
    let members: ReplicatedItem[];
    try {
      members = await this.members();
    } catch (e) {
      return [errorNode(this, describeError(e).message)];
    }
    return this.plan.groups.map((g, index) => new PlanGroupNode(this, index, g.groupType, members.filter((m) => g.itemIds.some((id) => sameId(id, m.id)))));
  }
}

/** A group of the plan (Shutdown, Failover, Boot 1…), listing its VMs and their replication groups. */
export class PlanGroupNode extends TreeNode {
  constructor(
    parent: TreeNode,
    private readonly index: number,
    private readonly groupType: string,
    private readonly members: ReplicatedItem[],
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/group${this.index}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(`Group ${this.index + 1}: ${this.groupType}`, this.members.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    ti.id = this.id;
    const groups = [...new Set(this.members.map((m) => m.multiVmGroupName).filter(Boolean))];
    ti.description = groups.length ? `replication group: ${groups.join(', ')}` : `${this.members.length} VM${this.members.length === 1 ? '' : 's'}`;
    ti.iconPath = new vscode.ThemeIcon('symbol-array');
    return ti;
  }

  override children(): TreeNode[] {
    return this.members.map((m) => new ItemNode(this, m));
  }
}
