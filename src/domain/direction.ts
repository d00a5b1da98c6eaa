// Which failoverDirection Site Recovery expects, per the recorded live-vault traffic and the
// cmdlets that sent it (test/fixtures/recorded/README.md).
// - An item's direction is relative to its replication's primary. After a VM was failed over
//   to Azure and reprotected, its new replication (InMage) runs from Azure, its primary, to
//   on-premises: the classic item failback is "PrimaryToRecovery". The modernized item failback
//   (plannedFailover, InMageRcmFailback) sends no direction at all.
// - A recovery plan keeps the on-premises primary fabric it was created with, so its failback
//   from Azure is "RecoveryToPrimary" (the cmdlets build the InMage and InMageRcmFailback plan
//   inputs only for RecoveryToPrimary).

export type FailoverDirection = 'PrimaryToRecovery' | 'RecoveryToPrimary';

const AZURE_FABRIC = /^(microsoft azure|azure)$|\/replicationFabrics\/(azure|microsoft azure)/i;

export function isAzureFabric(idOrName: string | undefined): boolean {
  return !!idOrName && AZURE_FABRIC.test(idOrName.trim());
}

/** Classic item failback (unplannedFailover with InMage details). */
export const ITEM_FAILBACK_DIRECTION: FailoverDirection = 'PrimaryToRecovery';

/** Failback of a plan whose VMs replicate from Azure to on-premises (InMage, InMageRcmFailback). */
export const PLAN_FAILBACK_DIRECTION: FailoverDirection = 'RecoveryToPrimary';
