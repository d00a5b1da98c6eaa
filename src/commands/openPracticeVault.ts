import * as vscode from 'vscode';
import type { Services } from '../services';
import type { PracticeScenario } from '../practice/practiceMode';
import { showServiceError } from './common/ui';

/**
 * Starts the in-process simulator and shows its vault under "Practice (simulated)".
 * An argument ('failback-classic' | 'failback-modernized') skips the scenario picker.
 */
export async function openPracticeVault(services: Services, scenario?: unknown): Promise<void> {
  try {
    let chosen = typeof scenario === 'string' && /^(failback-(classic|modernized)|large)$/.test(scenario) ? (scenario as PracticeScenario) : undefined;
    if (!chosen) {
      const configured = vscode.workspace.getConfiguration('siteRecovery.practice').get<string>('scenario');
      const pick = await vscode.window.showQuickPick(
        [
          {
            label: 'Classic (configuration server)',
            description: 'InMage → InMageAzureV2',
            detail: 'VMware VMs failed over to Azure and reprotected through a configuration server.',
            value: 'failback-classic' as const,
          },
          {
            label: 'Modernized (replication appliance)',
            description: 'InMageRcmFailback → InMageRcm',
            detail: 'VMware VMs protected with the Azure Site Recovery replication appliance.',
            value: 'failback-modernized' as const,
          },
        ].sort((a, b) => Number(b.value === configured) - Number(a.value === configured)),
        { title: 'Open Practice Vault: choose a scenario', ignoreFocusOut: true },
      );
      if (!pick) return;
      chosen = pick.value;
    }
    await services.practice.open(chosen);
    services.log.info(`Practice vault opened (${chosen}). Nothing here touches Azure.`);
    services.tree.refresh();
    await vscode.commands.executeCommand('siteRecovery.explorer.focus');
    services.walkthrough.complete('practice');
  } catch (e) {
    await showServiceError(services.log, 'Open practice vault', e);
  }
}
