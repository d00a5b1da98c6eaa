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

/** A Recovery Services vault with its three folders; the folders keep their loaded state. */
export class VaultNode extends TreeNode {
  readonly items: ItemsFolderNode;
  readonly plans: PlansFolderNode;
  readonly jobs: JobsFolderNode;
  readonly seedDisks: SeedDisksFolderNode;

  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    ctx: TreeContext,
  ) {
    super(parent);
    this.items = new ItemsFolderNode(this, scope, vault, ctx);
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
    ti.description = [this.vault.resourceGroup, this.vault.location].filter(Boolean).join(' · ');
    ti.iconPath = new vscode.ThemeIcon('archive');
    ti.contextValue = contextValue('vault', ['filter']);
    ti.tooltip = this.vault.id;
    return ti;
  }

  override children(): TreeNode[] {
    return [this.items, this.plans, this.jobs, this.seedDisks];
  }
}
