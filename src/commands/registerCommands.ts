import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from './commandIds';

type Handler = (...args: unknown[]) => unknown;

export function registerCommands(context: vscode.ExtensionContext): void {
  const handlers: Record<CommandId, Handler> = Object.fromEntries(
    COMMAND_IDS.map((id) => [id, () => vscode.window.showInformationMessage(`${id} is not implemented yet.`)]),
  ) as Record<CommandId, Handler>;
  for (const id of COMMAND_IDS) context.subscriptions.push(vscode.commands.registerCommand(id, handlers[id]));
}
