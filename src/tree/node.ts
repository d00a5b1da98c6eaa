import * as vscode from 'vscode';

/** A node of the Site Recovery tree. Nodes build their own TreeItem and children. */
export abstract class TreeNode {
  constructor(readonly parent: TreeNode | undefined) {}

  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  abstract readonly id: string;
  abstract treeItem(): vscode.TreeItem;
  children(): Promise<TreeNode[]> | TreeNode[] {
    return [];
  }
}

/** A leaf that says something: "No replicated items", an error with a retry, a sign-in prompt. */
export class MessageNode extends TreeNode {
  constructor(
    parent: TreeNode | undefined,
    readonly id: string,
    private readonly label: string,
    private readonly options: { icon?: string; color?: string; command?: vscode.Command; tooltip?: string; description?: string; contextValue?: string } = {},
  ) {
    super(parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    if (this.options.icon) item.iconPath = new vscode.ThemeIcon(this.options.icon, this.options.color ? new vscode.ThemeColor(this.options.color) : undefined);
    item.command = this.options.command;
    item.tooltip = this.options.tooltip;
    item.description = this.options.description;
    item.contextValue = this.options.contextValue;
    return item;
  }
}

export const RETRY_COMMAND = 'siteRecovery.internal.retryNode';
export const LOAD_MORE_COMMAND = 'siteRecovery.internal.loadMore';

/** The ARM error of a node that failed to load, with a retry; the rest of the tree goes on. */
export function errorNode(parent: TreeNode, message: string): MessageNode {
  return new MessageNode(parent, `${parent.id}/error`, `Could not load: ${message}`, {
    icon: 'error',
    color: 'list.errorForeground',
    tooltip: `${message}\n\nClick to retry.`,
    command: { command: RETRY_COMMAND, title: 'Retry', arguments: [parent] },
  });
}

export { escapeMarkdown } from '../domain/markdown';
