import * as vscode from 'vscode';
import type { Services } from '../services';

/** Placeholder until seed-disk detection lands (issue: reprotect and seed-disk cleanup). */
export async function deleteSeedDisks(_services: Services, _node?: unknown, _nodes?: unknown): Promise<void> {
  await vscode.window.showInformationMessage('Delete Seed Disks is not implemented yet.');
}
