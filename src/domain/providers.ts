import type { Generation, ReplicationProvider } from './model';

const PROVIDERS: readonly ReplicationProvider[] = ['InMage', 'InMageAzureV2', 'InMageRcm', 'InMageRcmFailback'];

export function asProvider(instanceType: string | undefined): ReplicationProvider | undefined {
  return PROVIDERS.find((p) => p === instanceType);
}

export function generationOf(provider: ReplicationProvider): Generation {
  return provider === 'InMageRcm' || provider === 'InMageRcmFailback' ? 'modernized' : 'classic';
}

export function generationLabel(provider: ReplicationProvider | undefined): string {
  if (!provider) return 'not a VMware provider';
  return generationOf(provider) === 'classic' ? 'Classic (configuration server)' : 'Modernized (replication appliance)';
}

/**
 * Providers whose replication runs from Azure back to the on-premises site: the VM was
 * failed over to Azure and then reprotected, so a failover now brings it home.
 */
export function replicatesToOnPremises(provider: ReplicationProvider | undefined): boolean {
  return provider === 'InMage' || provider === 'InMageRcmFailback';
}
