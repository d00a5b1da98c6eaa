import * as vscode from 'vscode';
import type { Services } from '../services';
import type { SeedDisk } from '../domain/seedDisks';
import { totalSizeText } from '../domain/seedDisks';
import { deleteSeedDisk } from '../azure/seedDisks';
import { describeError, errorSummary } from '../domain/errors';
import { SeedDiskNode, SeedDisksFolderNode } from '../tree/seedDisksFolder';
import { clickedNodes, pickVault } from './common/targets';
import { confirmDestructive, showServiceError, cancelled } from './common/ui';
import { idKey } from '../domain/armId';

/** Deletes seed disks left in Azure after replication was disabled, listing each in the confirmation. */
export async function deleteSeedDisks(services: Services, clicked?: unknown, selected?: unknown): Promise<void> {
  try {
    const nodes = clickedNodes(clicked, selected);
    let folder = nodes.find((n): n is SeedDisksFolderNode => n instanceof SeedDisksFolderNode);
    let disks: SeedDisk[] = nodes.filter((n): n is SeedDiskNode => n instanceof SeedDiskNode).map((n) => n.disk);
    if (!folder) folder = nodes.find((n): n is SeedDiskNode => n instanceof SeedDiskNode)?.folder;
    if (!folder) folder = (await pickVault(services)).seedDisks;
    if (disks.length === 0) {
      const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Looking for seed disks…' }, () => folder!.load());
      if (found.length === 0) {
        await vscode.window.showInformationMessage(`No seed disks are left behind for ${folder.vault.vaultName}.`);
        return;
      }
      const picks = await vscode.window.showQuickPick(
        // Nothing is selected for the user: deleting a disk is not undone.
        found.map((d) => ({ label: d.name, description: `${d.sizeGB ?? '?'} GB${d.vmName ? ` · from ${d.vmName}` : ''}`, detail: d.resourceGroup, picked: false, d })),
        { title: 'Delete seed disks: choose the disks to delete (none is selected)', canPickMany: true, ignoreFocusOut: true },
      );
      disks = (picks ?? []).map((p) => p.d);
      if (disks.length === 0) cancelled();
    }
    // Re-read right before asking: a disk an item started to use since the list was drawn is kept.
    const stillLeft = new Set((await folder.load()).map((d) => idKey(d.id)));
    const inUse = disks.filter((d) => !stillLeft.has(idKey(d.id)));
    if (inUse.length) {
      services.log.warn(`Not deleting ${inUse.map((d) => d.name).join(', ')}: no longer a leftover seed disk (in use by a replicated item, or gone).`);
      disks = disks.filter((d) => stillLeft.has(idKey(d.id)));
      if (disks.length === 0) {
        await vscode.window.showInformationMessage('The chosen disks are no longer leftover seed disks: nothing to delete.');
        return;
      }
    }
    await confirmDestructive(
      `Delete ${disks.length} seed disk${disks.length === 1 ? '' : 's'} (${totalSizeText(disks)}) from Azure?`,
      `Deleted disks cannot be recovered. Only delete seed disks of VMs whose replication is disabled.\n${disks.map((d) => `• ${d.name}: ${d.sizeGB !== undefined ? `${d.sizeGB} GB` : 'size unknown'}, resource group ${d.resourceGroup}`).join('\n')}`,
      'Delete',
    );
    const failures: string[] = [];
    for (const d of disks) {
      try {
        await deleteSeedDisk(folder.scope.clients, d);
        services.log.info(`Deleted seed disk ${d.name} (${d.id}).`);
      } catch (e) {
        const summary = errorSummary(describeError(e));
        failures.push(`${d.name}: ${summary}`);
        services.log.error(`Could not delete seed disk ${d.name}: ${summary}`);
      }
    }
    // The folder's summary ("⚠ 1 · 128 GB still billed") comes from a new listing, not the old one.
    await folder.load().catch(() => undefined);
    services.tree.refresh(folder);
    if (failures.length) await vscode.window.showErrorMessage(`${failures.length} seed disk(s) could not be deleted.`, { detail: failures.join('\n') });
    else {
      services.walkthrough.complete('seedDisks');
      void vscode.window.showInformationMessage(`Deleted ${disks.length} seed disk${disks.length === 1 ? '' : 's'}.`);
    }
  } catch (e) {
    await showServiceError(services.log, 'Delete seed disks', e);
  }
}
