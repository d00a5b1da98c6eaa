import type { SimContext } from '../context';
import type { FabricData } from '../scenarios/types';
import { inMageAzureV2Details, inMageDetails } from './details-classic';
import { inMageRcmDetails, inMageRcmFailbackDetails } from './details-modernized';
import { itemId } from './item-view';
import type { ItemRecord } from './model';
import type { RecoveryPointRecord } from './recovery-points';

/** What the providerSpecificDetails builders read. */
export interface DetailsInput {
  ctx: SimContext;
  item: ItemRecord;
  itemId: string;
  fabric: FabricData;
  points: RecoveryPointRecord[];
  now: number;
  view: 'get' | 'list';
  /** The Azure resource group the VM recovers into. */
  rgId: string;
  /** The vault's subscription. */
  subscriptionId: string;
}

/**
 * providerSpecificDetails per replication provider, with the field names of the SDK models
 * (InMageReplicationDetails, InMageAzureV2ReplicationDetails, InMageRcmReplicationDetails,
 * InMageRcmFailbackReplicationDetails) and the values recorded on live vaults.
 */
export function providerDetails(ctx: SimContext, item: ItemRecord, points: RecoveryPointRecord[], now: number, view: 'get' | 'list'): Record<string, unknown> {
  const sub = ctx.store.vaults.get(item.vaultKey)?.subscriptionId ?? '';
  const d: DetailsInput = {
    ctx,
    item,
    points,
    now,
    view,
    itemId: itemId(ctx, item),
    fabric: ctx.store.fabric(item.vaultKey, item.fabric),
    rgId: `/subscriptions/${sub}/resourceGroups/${item.recoveryResourceGroup}`,
    subscriptionId: sub,
  };
  switch (item.mutable.provider) {
    case 'InMage':
      return inMageDetails(d);
    case 'InMageAzureV2':
      return inMageAzureV2Details(d);
    case 'InMageRcm':
      return inMageRcmDetails(d);
    case 'InMageRcmFailback':
      return inMageRcmFailbackDetails(d);
  }
}
