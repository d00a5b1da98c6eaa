import { guidFrom } from '../ids';
import { isModernized } from './item-states';
import type { ItemRecord } from './model';

/**
 * The replication group (multi-VM consistency group) an item reports. Recorded: a classic item
 * (InMage, InMageAzureV2) that is alone reports its own implicit group, one GUID as both
 * multiVmGroupName and multiVmGroupId (every classic item recorded, e.g. V2ATFOJob.010); a
 * modernized one reports multiVmGroupName null (TestV2ARCMTestFailover.011).
 * Assumed (not recorded): a group created at protection time reports its name and a GUID of its own.
 */
export function classicGroup(item: ItemRecord): { id: string; name: string } {
  if (item.multiVmGroupName) {
    return { id: guidFrom(`${item.vaultKey}/multiVmGroup/${item.multiVmGroupName}`), name: item.multiVmGroupName };
  }
  // A new replication (classic reprotect gives the item a new vmId) is a new implicit group.
  const id = guidFrom(`${item.vmId}/multiVmGroup`);
  return { id, name: id };
}

/** multiVmGroupName as the item reports it (the `$filter` on multiVmGroupName matches this). */
export function reportedGroupName(item: ItemRecord): string | undefined {
  return isModernized(item.mutable.provider) ? item.multiVmGroupName : classicGroup(item).name;
}
