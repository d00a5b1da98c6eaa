import * as vscode from 'vscode';
import type { SubscriptionInfo } from '../azure/queries';
import { contextValue } from '../domain/contextValue';
import { describeError, isAuthError } from '../domain/errors';
import type { Scope } from '../scope';
import type { TreeContext } from './context';
import { errorNode, MessageNode, TreeNode } from './node';
import { VaultNode } from './vaultNode';
import { idKey } from '../domain/armId';

/** Caches vault nodes by id so that refreshes keep their folders' loaded pages. */
abstract class VaultParentNode extends TreeNode {
  private readonly vaultNodes = new Map<string, VaultNode>();

  constructor(
    parent: TreeNode | undefined,
    readonly scope: Scope,
    protected readonly ctx: TreeContext,
  ) {
    super(parent);
  }

  protected async vaultChildren(subscriptionId: string): Promise<TreeNode[]> {
    try {
      const vaults = await this.scope.queries.listVaults(subscriptionId);
      if (vaults.length === 0) return [new MessageNode(this, `${this.id}/empty`, 'No Recovery Services vaults', { icon: 'info' })];
      return vaults.map((v) => {
        let node = this.vaultNodes.get(idKey(v.id));
        if (!node) {
          node = new VaultNode(this, this.scope, v, this.ctx);
          this.vaultNodes.set(idKey(v.id), node);
        }
        return node;
      });
    } catch (e) {
      const info = describeError(e);
      if (isAuthError(info)) {
        return [
          new MessageNode(this, `${this.id}/signin`, 'Sign-in expired: sign in again', {
            icon: 'sign-in',
            command: { command: 'siteRecovery.signIn', title: 'Sign In' },
          }),
        ];
      }
      return [errorNode(this, info.message)];
    }
  }

  vaults(): VaultNode[] {
    return [...this.vaultNodes.values()];
  }
}

/** "Practice (simulated)": the simulator's subscription, clearly apart from real Azure. */
export class PracticeRootNode extends VaultParentNode {
  readonly id = 'practice';

  constructor(
    scope: Scope,
    ctx: TreeContext,
    private readonly subscriptionId: string,
    private readonly scenario: string,
  ) {
    super(undefined, scope, ctx);
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Practice (simulated)', vscode.TreeItemCollapsibleState.Expanded);
    ti.id = this.id;
    ti.description = `${this.scenario} · no Azure resources are touched`;
    ti.iconPath = new vscode.ThemeIcon('beaker', new vscode.ThemeColor('charts.purple'));
    ti.contextValue = contextValue('practice');
    ti.tooltip = 'A simulated Site Recovery vault running inside VS Code. Use it to rehearse a failback drill.';
    return ti;
  }

  override children(): Promise<TreeNode[]> {
    return this.vaultChildren(this.subscriptionId);
  }
}

export class SubscriptionNode extends VaultParentNode {
  constructor(
    parent: TreeNode | undefined,
    scope: Scope,
    ctx: TreeContext,
    readonly subscription: SubscriptionInfo,
  ) {
    super(parent, scope, ctx);
  }

  get id(): string {
    return `azure/${this.subscription.subscriptionId}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.subscription.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    ti.description = this.subscription.subscriptionId;
    ti.iconPath = new vscode.ThemeIcon('key');
    ti.contextValue = contextValue('subscription');
    return ti;
  }

  override children(): Promise<TreeNode[]> {
    return this.vaultChildren(this.subscription.subscriptionId);
  }
}
