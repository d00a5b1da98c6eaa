import * as vscode from 'vscode';
import type { Services } from '../services';
import { nodeResource } from './common/nodeResource';

export async function copyId(_services: Services, node?: unknown): Promise<void> {
  const resource = nodeResource(node);
  if (!resource) {
    await vscode.window.showInformationMessage('Select a vault, replicated item, recovery plan or job in the Site Recovery view first.');
    return;
  }
  await vscode.env.clipboard.writeText(resource.id);
  void vscode.window.setStatusBarMessage(`Copied the resource ID of ${resource.name}`, 3000);
}
