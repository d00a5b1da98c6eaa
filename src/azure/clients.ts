import type { SiteRecoveryManagementClient } from '@azure/arm-recoveryservices-siterecovery';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { throttleOnlyRetryPolicy, type ArmConnection } from './connection';

const USER_AGENT = 'vscode-site-recovery/0.1.0';

/**
 * Creates SDK clients on first use: the SDK is loaded (import()) only when a tree node
 * or a command needs it, so activating the extension stays cheap.
 */
export class AzureClients {
  private readonly readers = new Map<string, Promise<SiteRecoveryManagementClient>>();
  private readonly writers = new Map<string, Promise<SiteRecoveryManagementClient>>();
  private readonly vaultClients = new Map<string, Promise<RecoveryServicesClient>>();
  private subscriptionClient?: Promise<SubscriptionClient>;

  constructor(readonly connection: ArmConnection) {}

  private common(extra: object = {}) {
    const c = this.connection;
    return {
      endpoint: c.endpoint,
      ...(c.httpClient ? { httpClient: c.httpClient } : {}),
      ...(c.scopes ? { credentialScopes: c.scopes } : {}),
      userAgentOptions: { userAgentPrefix: USER_AGENT },
      ...extra,
    };
  }

  /** For reads: the SDK's own retry policy (429, 5xx, connection errors) applies. */
  siteRecovery(subscriptionId: string): Promise<SiteRecoveryManagementClient> {
    return cached(this.readers, subscriptionId, async () => {
      const { SiteRecoveryManagementClient } = await import('@azure/arm-recoveryservices-siterecovery');
      return new SiteRecoveryManagementClient(this.connection.credential, subscriptionId, this.common());
    });
  }

  /** For state-changing POSTs: no blind re-send on 5xx or reset, only on 429. */
  siteRecoveryWriter(subscriptionId: string): Promise<SiteRecoveryManagementClient> {
    return cached(this.writers, subscriptionId, async () => {
      const { SiteRecoveryManagementClient } = await import('@azure/arm-recoveryservices-siterecovery');
      const client = new SiteRecoveryManagementClient(this.connection.credential, subscriptionId, this.common({ retryOptions: { maxRetries: 0 } }));
      client.pipeline.addPolicy(throttleOnlyRetryPolicy(), { phase: 'Retry' });
      return client;
    });
  }

  vaults(subscriptionId: string): Promise<RecoveryServicesClient> {
    return cached(this.vaultClients, subscriptionId, async () => {
      const { RecoveryServicesClient } = await import('@azure/arm-recoveryservices');
      return new RecoveryServicesClient(this.connection.credential, subscriptionId, this.common());
    });
  }

  subscriptions(): Promise<SubscriptionClient> {
    this.subscriptionClient ??= import('@azure/arm-resources-subscriptions').then(({ SubscriptionClient }) => new SubscriptionClient(this.connection.credential, this.common()));
    return this.subscriptionClient;
  }
}

function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
    value.catch(() => map.delete(key));
  }
  return value;
}
