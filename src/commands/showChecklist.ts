import * as vscode from 'vscode';
import type { Services } from '../services';

/** Placeholder until the failback checklist lands (issue: practice mode and walkthrough). */
export async function showChecklist(_services: Services, _node?: unknown): Promise<void> {
  await vscode.window.showInformationMessage('The Failback Checklist is not implemented yet.');
}
