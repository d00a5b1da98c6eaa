import * as vscode from 'vscode';
import type { Services } from '../services';
import { API_VERSIONS, getResourceJson } from '../azure/queries';
import { nodeResource } from './common/nodeResource';
import { showServiceError } from './common/ui';

export const PROPERTIES_SCHEME = 'siteRecovery-properties';

/** Read-only documents holding a resource's JSON, keyed by URI. */
export class PropertiesDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.docs.set(uri.toString(), text);
  }
}

export async function viewProperties(services: Services, docs: PropertiesDocuments, node?: unknown): Promise<void> {
  const resource = nodeResource(node);
  if (!resource) {
    await vscode.window.showInformationMessage('Select a vault, replicated item, recovery plan or job in the Site Recovery view first.');
    return;
  }
  try {
    const json = await getResourceJson(resource.scope.clients, resource.vault.subscriptionId, resource.id, API_VERSIONS[resource.apiVersion]);
    const safeName = resource.name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'resource';
    const uri = vscode.Uri.from({ scheme: PROPERTIES_SCHEME, path: `/${safeName}.json`, query: encodeURIComponent(resource.id) });
    docs.set(uri, JSON.stringify(json, null, 2));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: true });
  } catch (e) {
    await showServiceError(services.log, `View properties of ${resource.name}`, e);
  }
}
