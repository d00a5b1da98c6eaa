import { guidFrom, newGuid } from '../ids';
import type { ItemRecord } from './model';
import type { Store } from './store';

/**
 * Seed disks: the managed disks a replication to Azure writes into. A live InMageRcm item names
 * them in `protectedDisks[].seedManagedDiskId` (TestV2ARCMRecoveryPlan.011); after replication is
 * disabled they stay behind in the recovery resource group.
 *
 * Recorded name: `asrseeddisk-Rcm_W2K1-PHYSICAL-0481e570-74d6-4de3-aa97-d03aad3c6f44` for the VM
 * "Rcm-W2K19-152" and its disk `\\.\PHYSICALDRIVE1`: the VM name and the disk name, each cut to 8
 * characters ('-' written as '_', other punctuation dropped), then a GUID.
 */
export function seedDiskName(vmName: string, diskName: string, guid: string): string {
  return `asrseeddisk-${short(vmName)}-${short(diskName)}-${guid}`;
}

function short(name: string): string {
  return name
    .replace(/-/g, '_')
    .replace(/[^A-Za-z0-9_]/g, '')
    .slice(0, 8);
}

/** The source disk's name as the appliance reports it (`\\.\PHYSICALDRIVE0` recorded for Windows). */
export function sourceDiskName(item: ItemRecord, index: number): string {
  // Assumed (not recorded): Linux disks are reported by their device path.
  return item.osType === 'Windows' ? `\\\\.\\PHYSICALDRIVE${index}` : `/dev/sd${String.fromCharCode(97 + index)}`;
}

/** Assumed (not recorded): the OS disk is 128 GB, data disks 256 GB. */
export function diskSizeGB(index: number): number {
  return index === 0 ? 128 : 256;
}

export function seedDiskId(store: Store, item: ItemRecord, name: string): string {
  const sub = store.vaults.get(item.vaultKey)?.subscriptionId ?? '';
  return `/subscriptions/${sub}/resourceGroups/${item.recoveryResourceGroup}/providers/Microsoft.Compute/disks/${name}`;
}

/**
 * Creates the seed disks of a replication to Azure in the disk store and records their names on the
 * item. `fresh` gives new GUIDs (a reprotect starts a new replication); otherwise the names are
 * derived from the VM so a scenario loads the same disks every time.
 */
export function createSeedDisks(store: Store, item: ItemRecord, at: number, fresh: boolean): void {
  const vault = store.vaults.get(item.vaultKey);
  if (!vault) {
    return;
  }
  const names: string[] = [];
  for (let i = 0; i < item.diskCount; i++) {
    const name = seedDiskName(item.friendlyName, sourceDiskName(item, i), fresh ? newGuid() : guidFrom(`${item.vmId}/seed/${i}`));
    names.push(name);
    // Assumed (not recorded): seed disks carry no tags; their state is Unattached (no VM uses them).
    store.disks.push({
      subscriptionId: vault.subscriptionId,
      resourceGroup: item.recoveryResourceGroup,
      name,
      location: vault.location,
      diskSizeGB: diskSizeGB(i),
      timeCreated: at,
      tags: {},
    });
  }
  store.resourceGroups.add(`${vault.subscriptionId}/${item.recoveryResourceGroup}`.toLowerCase());
  item.mutable.seedDisks = names;
}

export function removeSeedDisks(store: Store, item: ItemRecord): void {
  const owned = new Set(item.mutable.seedDisks.map((n) => n.toLowerCase()));
  for (let i = store.disks.length - 1; i >= 0; i--) {
    if (owned.has(store.disks[i].name.toLowerCase())) {
      store.disks.splice(i, 1);
    }
  }
  item.mutable.seedDisks = [];
}
