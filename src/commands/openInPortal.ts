import * as vscode from 'vscode';
import type { Services } from '../services';
import { portalUrl } from '../domain/armId';
import { nodeResource } from './common/nodeResource';

export async function openInPortal(services: Services, node?: unknown): Promise<void> {
  const resource = nodeResource(node);
  if (!resource) {
    await vscode.window.showInformationMessage('Select a vault, replicated item, recovery plan or job in the Site Recovery view first.');
    return;
  }
  if (resource.vault.practice) {
    await vscode.window.showInformationMessage(`${resource.name} lives in the practice vault: it exists only inside VS Code, not in the Azure portal.`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(portalUrl(resource.id, services.account.cloud.portal)));
}
