import * as vscode from 'vscode';
import type { VaultRef } from '../domain/model';
import { contextValue } from '../domain/contextValue';
import type { Scope } from '../scope';
import type { TreeContext } from './context';
import { ItemsFolderNode } from './itemsFolder';
import { JobsFolderNode } from './jobsFolder';
import { PlansFolderNode } from './plansFolder';
import { TreeNode } from './node';
import { SeedDisksFolderNode } from './seedDisksFolder';

/**
 * A Recovery Services vault with its folders; the folders keep their loaded state. Once its VMs
 * are read, its row summarises them: where they stand in the failback cycle, and how many are
 * over their RPO threshold.
 */
export class VaultNode extends TreeNode {
  readonly items: ItemsFolderNode;
  readonly plans: PlansFolderNode;
  readonly jobs: JobsFolderNode;
  readonly seedDisks: SeedDisksFolderNode;
  /** The description last drawn, to redraw only when the summary changed. */
  private drawn?: string;

  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly ctx: TreeContext,
  ) {
    super(parent);
    this.items = new ItemsFolderNode(this, scope, vault, ctx, () => this.itemsChanged());
    this.plans = new PlansFolderNode(this, scope, vault, this.items, ctx.states);
    this.jobs = new JobsFolderNode(this, scope, vault, ctx);
    this.seedDisks = new SeedDisksFolderNode(this, scope, vault, () => ctx.seedDiskResourceGroups(vault, this.items.items));
  }

  get id(): string {
    return `${this.parent?.id}/${this.vault.resourceGroup}/${this.vault.vaultName}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.vault.vaultName, vscode.TreeItemCollapsibleState.Expanded);
    ti.id = this.id;
    ti.description = this.drawn = this.description();
    ti.iconPath = new vscode.ThemeIcon('archive');
    ti.contextValue = contextValue('vault', ['filter']);
    ti.tooltip = [this.vault.id, this.vault.location ? `Location: ${this.vault.location}` : ''].filter(Boolean).join('\n');
    return ti;
  }

  /** Before its VMs are read: resource group and location; then the VMs' summary in place of the location (the tooltip keeps it). */
  private description(): string {
    const summary = this.items.summary();
    return summary ? `${this.vault.resourceGroup} · ${summary.text}` : [this.vault.resourceGroup, this.vault.location].filter(Boolean).join(' · ');
  }

  /**
   * The items folder built its rows again (a page arrived, the store changed). Redrawing this
   * row redraws its folders too (an open Jobs folder lists its jobs again), so only when the
   * summary reads differently.
   */
  private itemsChanged(): void {
    if (this.drawn !== undefined && this.description() !== this.drawn) this.ctx.refresh(this);
  }

  override children(): TreeNode[] {
    return [this.items, this.plans, this.jobs, this.seedDisks];
  }
}
