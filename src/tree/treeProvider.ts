import * as vscode from 'vscode';
import type { Scope } from '../scope';
import { ItemNode } from './itemNode';
import { TreeNode } from './node';
import { RecoveryPointsCache } from './pointsCache';

/** TreeDataProvider over TreeNode objects; roots come from a function so sign-in and practice mode can change them. */
export class SiteRecoveryTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly points: RecoveryPointsCache;

  constructor(
    private readonly roots: () => Promise<TreeNode[]>,
    /** Runs before a refresh of the whole tree: cached pages are dropped so states are read again. */
    private readonly beforeFullRefresh: () => void = () => undefined,
    points?: RecoveryPointsCache,
  ) {
    this.points = points ?? new RecoveryPointsCache();
  }

  /** A node: redraw it (a folder keeps its loaded pages). No node: read everything again. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.beforeFullRefresh();
      this.points.clear();
    }
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  /**
   * Called by VS Code when a row is hovered, for what its tree item left undefined. A VM's row
   * gets its tooltip here: items lists carry no recovery points, so they are read now (cached
   * for a few seconds), and the ages counted on the scope's clock at the moment of the hover.
   * A hover that moves on before the answer still gets its tooltip: VS Code may keep what it got.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, _token?: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!(node instanceof ItemNode) || item.tooltip !== undefined) return item;
    const scope = scopeOf(node);
    // Only VMware items have points this extension reads; others keep the rows they have.
    const points = scope && node.item.provider ? await this.points.read(scope.key, node.item, (i) => scope.queries.listRecoveryPoints(i)) : undefined;
    item.tooltip = node.tooltip(points, scope?.clock.now());
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return node ? node.children() : this.roots();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The scope of a node: the nearest folder or plan above it that holds one. */
function scopeOf(node: TreeNode): Scope | undefined {
  for (let n: TreeNode | undefined = node.parent; n; n = n.parent) {
    const scope = (n as { scope?: Scope }).scope;
    if (scope) return scope;
  }
  return undefined;
}
