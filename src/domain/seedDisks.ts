// Seed disks: managed disks Site Recovery creates in Azure for a VM that replicates to Azure.
// If replication is disabled after failback, they stay behind, unattached, and keep costing
// money. They are recognised by ASR's naming ("asrseeddisk-…") or its replica-disk tag.
import { idKey } from './armId';

export interface SeedDisk {
  id: string;
  name: string;
  resourceGroup: string;
  sizeGB?: number;
  diskState?: string;
  timeCreated?: Date;
  vmName?: string;
}

export function isSeedDisk(disk: { name: string; tags?: Record<string, string>; diskState?: string }): boolean {
  const named = /^asrseeddisk-/i.test(disk.name);
  const tagged = Object.entries(disk.tags ?? {}).some(([k, v]) => /^ASR-ReplicaDisk$/i.test(k) && /^true$/i.test(v));
  // An attached disk is in use by a VM: never offer it for deletion.
  return (named || tagged) && !/^Attached$/i.test(disk.diskState ?? '');
}

const GUID_TAIL = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The VM a seed disk belonged to, from ASR's tag or its name: "asrseeddisk-<vm>-<hex id>", or,
 * as recorded for modernized VMs, "asrseeddisk-<vm>-<disk>-<guid>" where <disk> is the source
 * disk's name (e.g. "PHYSICAL" from \\.\PHYSICALDRIVE0): the VM name is then uncertain, and
 * none is claimed rather than a wrong one.
 */
export function seedDiskVmName(disk: { name: string; tags?: Record<string, string> }): string | undefined {
  const tag = Object.entries(disk.tags ?? {}).find(([k]) => /^ASR-VmName$/i.test(k))?.[1];
  if (tag) return tag;
  if (GUID_TAIL.test(disk.name)) return undefined;
  const m = /^asrseeddisk-(.+)-[0-9a-f]{6,}$/i.exec(disk.name);
  return m?.[1];
}

/**
 * Seed disks that no replicated item uses: a live, replicating item references its seed disks
 * (InMageRcm `protectedDisks[].seedManagedDiskId`), and deleting one would break replication.
 */
export function leftoverSeedDisks<D extends Pick<SeedDisk, 'id'>>(disks: readonly D[], referencedIds: Iterable<string>): D[] {
  const referenced = new Set([...referencedIds].map((id) => idKey(id)));
  return disks.filter((d) => !referenced.has(idKey(d.id)));
}

export function totalSizeText(disks: readonly SeedDisk[]): string {
  const gb = disks.reduce((sum, d) => sum + (d.sizeGB ?? 0), 0);
  return gb >= 1024 ? `${(gb / 1024).toFixed(1)} TB` : `${gb} GB`;
}
