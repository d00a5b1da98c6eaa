import * as vscode from 'vscode';
import type { AzureAccount } from '../auth/azureAccount';
import type { PracticeMode } from '../practice/practiceMode';
import type { Scope } from '../scope';
import { describeError } from '../domain/errors';
import type { TreeContext } from './context';
import { MessageNode, TreeNode, errorNode } from './node';
import { PracticeRootNode, SubscriptionNode } from './scopeNodes';
import type { VaultNode } from './vaultNode';

const SIGN_IN_CHECK_MS = 3000;

/**
 * The tree's top level: the practice vault when open, then the signed-in account's
 * subscriptions (filtered by siteRecovery.subscriptions, or by the Azure Resources
 * extension's selection when ours is empty). Nothing at all shows the welcome view.
 */
export class TreeRoots {
  private practiceRoot?: PracticeRootNode;
  private azureScope?: Scope;
  private subscriptionNodes = new Map<string, SubscriptionNode>();

  constructor(
    private readonly practice: PracticeMode,
    private readonly account: AzureAccount,
    private readonly ctx: TreeContext,
  ) {
    practice.onDidChange(() => (this.practiceRoot = undefined));
    account.onDidChange(() => {
      this.azureScope = undefined;
      this.subscriptionNodes.clear();
    });
  }

  private now = (): Date => this.practice.sim?.now() ?? new Date();

  get azure(): Scope {
    this.azureScope ??= this.account.scope();
    return this.azureScope;
  }

  async roots(): Promise<TreeNode[]> {
    const nodes: TreeNode[] = [];
    const scope = this.practice.scope;
    const sim = this.practice.sim;
    if (scope && sim) {
      this.practiceRoot ??= new PracticeRootNode(scope, this.ctx, this.now, sim.subscriptionId, this.practice.scenario ?? '');
      nodes.push(this.practiceRoot);
    }
    if (!(await withTimeout(this.account.isSignedIn(), SIGN_IN_CHECK_MS, false))) {
      if (nodes.length) nodes.push(new MessageNode(undefined, 'signin', 'Sign in to Azure…', { icon: 'sign-in', command: { command: 'siteRecovery.signIn', title: 'Sign In' } }));
      return nodes;
    }
    try {
      const subs = await this.azure.queries.listSubscriptions();
      const selected = selectedSubscriptionIds();
      const shown = selected.size ? subs.filter((s) => selected.has(s.subscriptionId.toLowerCase())) : subs;
      for (const s of shown) {
        let node = this.subscriptionNodes.get(s.subscriptionId);
        if (!node) this.subscriptionNodes.set(s.subscriptionId, (node = new SubscriptionNode(undefined, this.azure, this.ctx, this.now, s)));
        nodes.push(node);
      }
      if (shown.length === 0) nodes.push(new MessageNode(undefined, 'nosubs', 'No subscriptions selected', { icon: 'filter', command: { command: 'siteRecovery.selectSubscriptions', title: 'Select' } }));
    } catch (e) {
      const root = new MessageNode(undefined, 'azure', 'Azure');
      nodes.push(errorNode(root, describeError(e).message));
    }
    return nodes;
  }

  /** Vault nodes already shown (for pickers and for refreshing after a job). */
  loadedVaults(): VaultNode[] {
    return [...(this.practiceRoot ? this.practiceRoot.vaults() : []), ...[...this.subscriptionNodes.values()].flatMap((s) => s.vaults())];
  }
}

/** Our own setting first; else the Azure Resources extension's selection ("tenant/subscription"). */
export function selectedSubscriptionIds(): Set<string> {
  const ours = vscode.workspace.getConfiguration('siteRecovery').get<string[]>('subscriptions', []) ?? [];
  const theirs = vscode.workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions', []) ?? [];
  const list = ours.length ? ours : theirs.map((s) => s.split('/').pop() ?? s);
  return new Set(list.map((s) => s.toLowerCase()));
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}
