import type { TreeNode } from './node';
import type { JobInfo, ReplicatedItem, VaultRef } from '../domain/model';
import type { VaultStore } from '../state/vaultStore';

/** What tree nodes need from the rest of the extension. */
export interface TreeContext {
  refresh(node?: TreeNode): void;
  /** The one store of item readings and running operations every view renders from. */
  readonly states: VaultStore;
  /** Filter text per vault id for replicated items (name or state, case-insensitive). */
  itemFilter(vaultId: string): string | undefined;
  /** Jobs the tracker is watching right now, to show fresh state without another request. */
  watchedJob(jobName: string): JobInfo | undefined;
  /** Resource groups to search for seed disks: the vault's, and every recovery group seen for its VMs. */
  seedDiskResourceGroups(vault: VaultRef, items: readonly ReplicatedItem[]): string[];
}
