import * as vscode from 'vscode';
import type { VaultRef } from '../domain/model';
import type { SeedDisk } from '../domain/seedDisks';
import { totalSizeText } from '../domain/seedDisks';
import { contextValue } from '../domain/contextValue';
import { describeError } from '../domain/errors';
import { listLeftoverSeedDisks } from '../azure/seedDisks';
import type { Scope } from '../scope';
import { errorNode, MessageNode, TreeNode } from './node';

/**
 * "Seed disks left in Azure": unattached ASR seed disks in the resource groups this vault's
 * VMs use (remembered, because a VM whose replication was disabled is gone from the vault).
 */
export class SeedDisksFolderNode extends TreeNode {
  private disks?: SeedDisk[];

  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly resourceGroups: () => string[],
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/seedDisks`;
  }

  get loaded(): readonly SeedDisk[] {
    return this.disks ?? [];
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Seed disks left in Azure', vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    const n = this.disks?.length;
    ti.iconPath = new vscode.ThemeIcon(n ? 'warning' : 'database', n ? new vscode.ThemeColor('charts.yellow') : undefined);
    if (n) ti.description = `${n} · ${totalSizeText(this.disks!)} still billed`;
    ti.contextValue = contextValue('folder', n ? ['deleteSeedDisks'] : []);
    ti.tooltip = 'Disks Site Recovery created in Azure for replication. After replication is disabled they stay behind and keep costing money.';
    return ti;
  }

  /**
   * A disk that any current item still names as its seed disk is in use, however unattached it
   * looks; if the items cannot be read, nothing is listed.
   */
  async load(): Promise<SeedDisk[]> {
    this.disks = await listLeftoverSeedDisks(this.scope.clients, this.scope.queries, this.vault, this.resourceGroups());
    return this.disks;
  }

  override async children(): Promise<TreeNode[]> {
    try {
      const disks = await this.load();
      if (disks.length === 0) return [new MessageNode(this, `${this.id}/none`, 'No seed disks left behind', { icon: 'pass' })];
      return disks.map((d) => new SeedDiskNode(this, d));
    } catch (e) {
      return [errorNode(this, describeError(e).message)];
    }
  }
}

export class SeedDiskNode extends TreeNode {
  constructor(
    parent: SeedDisksFolderNode,
    readonly disk: SeedDisk,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/${this.disk.name}`;
  }

  get folder(): SeedDisksFolderNode {
    return this.parent as SeedDisksFolderNode;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.disk.name, vscode.TreeItemCollapsibleState.None);
    ti.id = this.id;
    ti.description = [this.disk.sizeGB !== undefined ? `${this.disk.sizeGB} GB` : '', this.disk.vmName ? `from ${this.disk.vmName}` : '', this.disk.diskState ?? '']
      .filter(Boolean)
      .join(' · ');
    ti.iconPath = new vscode.ThemeIcon('database', new vscode.ThemeColor('charts.yellow'));
    ti.contextValue = contextValue('seedDisk', ['deleteSeedDisks']);
    ti.tooltip = this.disk.id;
    return ti;
  }
}
