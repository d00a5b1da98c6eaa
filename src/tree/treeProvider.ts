import * as vscode from 'vscode';
import { TreeNode } from './node';

/** TreeDataProvider over TreeNode objects; roots come from a function so sign-in and practice mode can change them. */
export class SiteRecoveryTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly roots: () => Promise<TreeNode[]>,
    /** Runs before a refresh of the whole tree: cached pages are dropped so states are read again. */
    private readonly beforeFullRefresh: () => void = () => undefined,
  ) {}

  /** A node: redraw it (a folder keeps its loaded pages). No node: read everything again. */
  refresh(node?: TreeNode): void {
    if (!node) this.beforeFullRefresh();
    this.changed.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
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
