import * as vscode from 'vscode';
import type { AzureAccount } from '../auth/azureAccount';
import type { PracticeMode } from '../practice/practiceMode';
import type { Scope } from '../scope';
import { describeError } from '../domain/errors';
import type { SubscriptionInfo } from '../azure/queries';
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
  /** One scope per tenant: a token is issued for one tenant at a time. */
  private tenantScopes = new Map<string, Scope>();
  private subscriptionNodes = new Map<string, SubscriptionNode>();

  constructor(
    private readonly practice: PracticeMode,
    private readonly account: AzureAccount,
    private readonly ctx: TreeContext,
  ) {
    this.disposables.push(practice.onDidChange(() => (this.practiceRoot = undefined)));
    this.disposables.push(
      account.onDidChange(() => {
        this.azureScope = undefined;
        this.tenantScopes.clear();
        this.subscriptionNodes.clear();
      }),
    );
  }

  private readonly disposables: Array<{ dispose(): void }> = [];

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  get azure(): Scope {
    this.azureScope ??= this.account.scope();
    return this.azureScope;
  }

  private tenantScope(tenantId: string): Scope {
    let scope = this.tenantScopes.get(tenantId);
    if (!scope) this.tenantScopes.set(tenantId, (scope = this.account.scope(tenantId)));
    return scope;
  }

  /**
   * The Azure scope with this key (home or a tenant's), for the job tracker after a reload.
   * None for a key of another cloud than the configured one: its jobs live elsewhere.
   */
  scopeByKey(key: string): Scope | undefined {
    const tenant = this.account.tenantOfKey(key);
    if (!tenant) return undefined;
    return tenant === 'home' ? this.azure : this.tenantScope(tenant);
  }

  /**
   * Subscriptions of every tenant the account reaches, each listed with its tenant's scope.
   * A tenant that needs an interactive sign-in (MFA, conditional access) is named, not hidden.
   */
  async allSubscriptions(): Promise<{ subs: Array<SubscriptionInfo & { scope: Scope }>; tenantsNeedingSignIn: Array<{ tenantId: string; displayName: string }> }> {
    let tenants: Array<{ tenantId: string; displayName: string }>;
    try {
      tenants = await this.azure.queries.listTenants();
    } catch {
      tenants = [];
    }
    if (tenants.length <= 1) return { subs: (await this.azure.queries.listSubscriptions()).map((s) => ({ ...s, scope: this.azure })), tenantsNeedingSignIn: [] };
    const subs = new Map<string, SubscriptionInfo & { scope: Scope }>();
    const tenantsNeedingSignIn: Array<{ tenantId: string; displayName: string }> = [];
    await Promise.all(
      tenants.map(async (t) => {
        const scope = this.tenantScope(t.tenantId);
        try {
          for (const s of await scope.queries.listSubscriptions()) if (!subs.has(s.subscriptionId)) subs.set(s.subscriptionId, { ...s, scope });
        } catch {
          tenantsNeedingSignIn.push(t);
        }
      }),
    );
    return { subs: [...subs.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)), tenantsNeedingSignIn };
  }

  async roots(): Promise<TreeNode[]> {
    const nodes: TreeNode[] = [];
    const scope = this.practice.scope;
    const sim = this.practice.sim;
    if (scope && sim) {
      this.practiceRoot ??= new PracticeRootNode(scope, this.ctx, sim.subscriptionId, this.practice.scenario ?? '');
      nodes.push(this.practiceRoot);
    }
    if (!(await withTimeout(this.account.isSignedIn(), SIGN_IN_CHECK_MS, false))) {
      if (nodes.length) nodes.push(new MessageNode(undefined, 'signin', 'Sign in to Azure…', { icon: 'sign-in', command: { command: 'siteRecovery.signIn', title: 'Sign In' } }));
      return nodes;
    }
    try {
      const { subs, tenantsNeedingSignIn } = await this.allSubscriptions();
      const selected = selectedSubscriptionIds();
      const shown = selected.size ? subs.filter((s) => selected.has(s.subscriptionId.toLowerCase())) : subs;
      for (const { scope: subScope, ...s } of shown) {
        let node = this.subscriptionNodes.get(s.subscriptionId);
        if (!node) this.subscriptionNodes.set(s.subscriptionId, (node = new SubscriptionNode(undefined, subScope, this.ctx, s)));
        nodes.push(node);
      }
      for (const t of tenantsNeedingSignIn) {
        nodes.push(
          new MessageNode(undefined, `signin/${t.tenantId}`, `Sign in to ${t.displayName}…`, {
            icon: 'sign-in',
            description: 'tenant',
            command: { command: 'siteRecovery.signIn', title: 'Sign In', arguments: [t.tenantId] },
          }),
        );
      }
      if (shown.length === 0)
        nodes.push(
          new MessageNode(undefined, 'nosubs', 'No subscriptions selected', { icon: 'filter', command: { command: 'siteRecovery.selectSubscriptions', title: 'Select' } }),
        );
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
