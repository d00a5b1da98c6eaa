// Which failoverDirection Site Recovery expects for a failback from Azure.
// Directions are relative to the replication's primary, not to geography: after a VM was
// failed over to Azure and reprotected, the new replication runs from Azure (its primary) to
// on-premises, so the failback is "PrimaryToRecovery" (seen on live vaults for classic items).
// A recovery plan fails back the same replications, so it uses the same direction — whatever
// fabric the plan names as its primary, which stays the one it was created with.

export type FailoverDirection = 'PrimaryToRecovery' | 'RecoveryToPrimary';

const AZURE_FABRIC = /^(microsoft azure|azure)$|\/replicationFabrics\/(azure|microsoft azure)/i;

export function isAzureFabric(idOrName: string | undefined): boolean {
  return !!idOrName && AZURE_FABRIC.test(idOrName.trim());
}

export const ITEM_FAILBACK_DIRECTION: FailoverDirection = 'PrimaryToRecovery';

/** Failback of a plan whose VMs replicate from Azure to on-premises (InMage, InMageRcmFailback). */
export const PLAN_FAILBACK_DIRECTION: FailoverDirection = 'PrimaryToRecovery';
