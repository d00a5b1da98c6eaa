import * as vscode from 'vscode';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { Scope } from '../scope';
import { cloudFromEnvironment, type CloudInfo } from './clouds';
import { lazyIdentityCredential } from '../azure/identityCredential';

/** Settings that decide which account the scopes speak for. */
const ACCOUNT_SETTINGS = ['siteRecovery.cloud', 'siteRecovery.auth.method'];

/**
 * Sign-in through VS Code's own accounts (no secrets stored by this extension), with an
 * opt-in fallback to @azure/identity (Azure CLI or environment credentials) for machines
 * where VS Code accounts are not usable. Settings that decide where tokens go are
 * application-scoped, so a workspace cannot redirect them.
 */
export class AzureAccount implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    this.disposables.push(
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === this.cloud.authProvider) this.changed.fire();
      }),
      // Scopes, their sessions and the subscriptions they list belong to one cloud and one
      // sign-in method: a change of either makes them someone else's, so listeners drop them.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (ACCOUNT_SETTINGS.some((s) => e.affectsConfiguration(s))) this.changed.fire();
      }),
    );
  }

  get cloud(): CloudInfo {
    const useSovereign = vscode.workspace.getConfiguration('siteRecovery').get<string>('cloud', 'AzureCloud');
    if (useSovereign && useSovereign !== 'AzureCloud') return cloudFromEnvironment(useSovereign);
    return cloudFromEnvironment(undefined);
  }

  private get method(): 'vscode' | 'azureIdentity' {
    return vscode.workspace.getConfiguration('siteRecovery').get<string>('auth.method') === 'azureIdentity' ? 'azureIdentity' : 'vscode';
  }

  async isSignedIn(): Promise<boolean> {
    if (this.method === 'azureIdentity') return true;
    const session = await vscode.authentication.getSession(this.cloud.authProvider, [this.cloud.scope], { silent: true });
    return !!session;
  }

  /**
   * Who starts an operation, for the run report: the VS Code account's label, or the credential
   * kind when signing in through Azure Identity. Never a token.
   */
  async accountLabel(): Promise<string> {
    if (this.method === 'azureIdentity') return 'Azure CLI or environment credential';
    try {
      const session = await vscode.authentication.getSession(this.cloud.authProvider, [this.cloud.scope], { silent: true });
      return session?.account.label ?? 'unknown account';
    } catch {
      return 'unknown account';
    }
  }

  /** Interactive sign-in; with a tenant, to that tenant (an account can need one per tenant). */
  async signIn(tenantId?: string): Promise<boolean> {
    if (this.method === 'azureIdentity') return true;
    const scopes = [this.cloud.scope, ...(tenantId ? [`VSCODE_TENANT:${tenantId}`] : [])];
    const session = await vscode.authentication.getSession(this.cloud.authProvider, scopes, { createIfNone: true });
    this.changed.fire();
    return !!session;
  }

  credential(tenantId?: string): TokenCredential {
    if (this.method === 'azureIdentity') return lazyIdentityCredential();
    const cloud = this.cloud;
    return {
      async getToken(): Promise<AccessToken | null> {
        const scopes = [cloud.scope, ...(tenantId ? [`VSCODE_TENANT:${tenantId}`] : [])];
        const session = await vscode.authentication.getSession(cloud.authProvider, scopes, { silent: true });
        if (!session) throw Object.assign(new Error('Your Azure sign-in has expired. Run "Site Recovery: Sign In to Azure".'), { statusCode: 401, code: 'AuthenticationFailed' });
        // VS Code refreshes sessions itself; a token is good for minutes at least.
        return { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60_000 };
      },
    };
  }

  /** The scope for the signed-in account's home tenant. */
  scope(tenantId?: string): Scope {
    const cloud = this.cloud;
    return new Scope(scopeKey(cloud, tenantId), tenantId ? `Tenant ${tenantId}` : 'Azure', {
      credential: this.credential(tenantId),
      endpoint: cloud.resourceManager,
      scopes: [cloud.scope],
      practice: false,
    });
  }

  /**
   * The tenant a scope key names ('home' for the home tenant), when the key belongs to the
   * configured cloud; undefined for another cloud's key, so its jobs are not polled here.
   */
  tenantOfKey(key: string): string | undefined {
    const prefix = scopeKeyPrefix(this.cloud);
    return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Keys name the cloud: persisted job watches outlive a change of siteRecovery.cloud. */
function scopeKeyPrefix(cloud: CloudInfo): string {
  return `azure:${cloud.name}:`;
}

function scopeKey(cloud: CloudInfo, tenantId: string | undefined): string {
  return `${scopeKeyPrefix(cloud)}${tenantId ?? 'home'}`;
}
