import * as vscode from 'vscode';
import type { Services } from '../services';
import { ItemsFolderNode } from '../tree/itemsFolder';
import { VaultNode } from '../tree/vaultNode';
import { pickVault } from './common/targets';
import { showServiceError } from './common/ui';

/** Filters a vault's replicated items by name or state; loads every page first so nothing is missed. */
export async function filterItems(services: Services, node?: unknown): Promise<void> {
  try {
    const vaultNode = node instanceof VaultNode ? node : node instanceof ItemsFolderNode ? (node.parent as VaultNode) : await pickVault(services);
    const key = vaultNode.vault.id;
    const text = await vscode.window.showInputBox({
      title: `Filter replicated items of ${vaultNode.vault.vaultName}`,
      prompt: 'Part of a VM name or state, e.g. "commit pending" or "sql". Empty clears the filter.',
      value: services.filters.get(key) ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.length > 200 ? 'Keep the filter under 200 characters.' : undefined),
    });
    if (text === undefined) return;
    services.filters.set(key, text);
    if (text.trim() && vaultNode.items.hasMore) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Loading all replicated items to filter…', cancellable: true }, (_p, token) =>
        vaultNode.items.loadAll(token),
      );
    }
    services.tree.refresh(vaultNode.items);
  } catch (e) {
    await showServiceError(services.log, 'Filter', e);
  }
}
