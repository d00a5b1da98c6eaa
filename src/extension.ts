import type * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { createServices } from './createServices';

/** Builds the services once and registers the commands; everything else lives in them. */
export function activate(context: vscode.ExtensionContext): void {
  const services = createServices(context);
  registerCommands(context, services);
}

export function deactivate(): void {
  // Everything is registered on context.subscriptions and released by VS Code.
}
