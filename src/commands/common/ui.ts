import * as vscode from 'vscode';
import { describeError, errorDetail, errorSummary, type ServiceErrorInfo } from '../../domain/errors';

/** Thrown when the user backs out of a picker or a confirmation: not an error, nothing to show. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export function cancelled(): never {
  throw new UserCancelled();
}

/**
 * Shows a Site Recovery error the way the portal does: code and message, with possible
 * causes and recommended action behind "Details", logged in full to the output channel.
 */
export async function showServiceError(log: vscode.LogOutputChannel, what: string, error: unknown): Promise<void> {
  if (error instanceof UserCancelled) return;
  // The practice vault was reset or closed while a command followed one of its jobs: the
  // job is gone with the simulator, which the user asked for; nothing went wrong.
  const ended = error as { name?: string; reason?: string };
  if (ended?.name === 'JobWatchEnded' && (ended.reason === 'forgotten' || ended.reason === 'disposed')) {
    log.info(`${what}: ${(error as Error).message}`);
    return;
  }
  const info: ServiceErrorInfo = describeError(error);
  log.error(`${what}: ${errorDetail(info)}`);
  const buttons = ['Show Output'];
  const choice = await vscode.window.showErrorMessage(`${what}: ${errorSummary(info)}`, { modal: false, detail: errorDetail(info) }, ...buttons);
  if (choice === 'Show Output') log.show(true);
}

/**
 * A modal confirmation for destructive actions. When `typeToConfirm` is given (setting
 * siteRecovery.confirm.typeVmName), the user must also type that name.
 */
export async function confirmDestructive(message: string, detail: string, action: string, typeToConfirm?: string): Promise<void> {
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  if (answer !== action) cancelled();
  if (typeToConfirm) {
    const typed = await vscode.window.showInputBox({
      title: `${action}: type the name to confirm`,
      prompt: `Type "${typeToConfirm}" to ${action.toLowerCase()}.`,
      ignoreFocusOut: true,
      validateInput: (v) => (v === typeToConfirm ? undefined : `Type "${typeToConfirm}" exactly.`),
    });
    if (typed !== typeToConfirm) cancelled();
  }
}

export function requireTypedName(): boolean {
  return vscode.workspace.getConfiguration('siteRecovery').get<boolean>('confirm.typeVmName', false);
}

/** Lists refused VMs; returns false when nothing can proceed or the user stops. */
export async function acceptPartial(action: string, refused: Array<{ reason: string }>, readyCount: number): Promise<boolean> {
  if (refused.length === 0) return true;
  const reasons = refused.map((r) => `• ${r.reason}`).join('\n');
  if (readyCount === 0) {
    await vscode.window.showErrorMessage(`${action} is not possible now.`, { modal: true, detail: reasons });
    return false;
  }
  const go = `Continue with ${readyCount}`;
  const answer = await vscode.window.showWarningMessage(
    `${refused.length} of ${refused.length + readyCount} VMs can't ${action.toLowerCase()} now.`,
    { modal: true, detail: reasons },
    go,
  );
  return answer === go;
}
