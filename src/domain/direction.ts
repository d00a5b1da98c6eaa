// Which failoverDirection Site Recovery expects for a failback from Azure.
// Directions are relative to the replication's primary, not to geography: after a VM was
// failed over to Azure and reprotected, Azure is the primary of the new replication, so a
// classic item fails back with "PrimaryToRecovery" (seen on live vaults). A recovery plan
// keeps the fabrics it was created with, so its direction depends on which side is primary.

export type FailoverDirection = 'PrimaryToRecovery' | 'RecoveryToPrimary';

const AZURE_FABRIC = /^(microsoft azure|azure)$|\/replicationFabrics\/(azure|microsoft azure)/i;

export function isAzureFabric(idOrName: string | undefined): boolean {
  return !!idOrName && AZURE_FABRIC.test(idOrName.trim());
}

export function planFailbackDirection(plan: { primaryFabricId?: string; primaryFabricFriendlyName?: string }): FailoverDirection {
  const primaryIsAzure = isAzureFabric(plan.primaryFabricFriendlyName) || isAzureFabric(plan.primaryFabricId);
  return primaryIsAzure ? 'PrimaryToRecovery' : 'RecoveryToPrimary';
}

export const ITEM_FAILBACK_DIRECTION: FailoverDirection = 'PrimaryToRecovery';
