import type { Services } from '../services';
import { ItemsFolderNode } from '../tree/itemsFolder';
import type { TreeNode } from '../tree/node';
import { VaultNode } from '../tree/vaultNode';

/** Refresh one node (re-reading its first page) or the whole tree. */
export function refresh(services: Services, node?: TreeNode): void {
  if (node instanceof ItemsFolderNode) node.reset();
  if (node instanceof VaultNode) node.items.reset();
  if (!node) for (const v of services.roots.loadedVaults()) v.items.reset();
  services.tree.refresh(node);
}
