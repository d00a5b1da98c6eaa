import * as vscode from 'vscode';
import { TreeNode } from './node';

/** TreeDataProvider over TreeNode objects; roots come from a function so sign-in and practice mode can change them. */
export class SiteRecoveryTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly roots: () => Promise<TreeNode[]>) {}

  refresh(node?: TreeNode): void {
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
