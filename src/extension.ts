import type * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { createServices } from './createServices';
import { resumePendingReprotects } from './workflows/reprotectSession';
import type { Services } from './services';
import { ChecklistPanel } from './checklist/checklistPanel';

/** What activate() returns: the services, for integration tests and companion extensions. */
export interface SiteRecoveryApi {
  readonly services: Services;
  /** The open checklist's page (integration tests compare it with the tree). */
  checklistHtml(): string | undefined;
}

/** Builds the services once and registers the commands; everything else lives in them. */
export function activate(context: vscode.ExtensionContext): SiteRecoveryApi {
  const services = createServices(context);
  registerCommands(context, services);
  // Reprotects that were waiting for an agent when the window closed carry on.
  void resumePendingReprotects(services);
  context.subscriptions.push(services.account.onDidChange(() => void resumePendingReprotects(services)));
  return { services, checklistHtml: () => ChecklistPanel.html };
}

export function deactivate(): void {
  // Everything is registered on context.subscriptions and released by VS Code.
}
