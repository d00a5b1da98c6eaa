import * as vscode from 'vscode';
import type { Services } from '../services';
import { openPracticeVault } from './openPracticeVault';

/** Starts the practice drill over: a fresh simulator with the same scenario. */
export async function resetPracticeVault(services: Services): Promise<void> {
  const scenario = services.practice.scenario;
  if (!scenario) {
    await openPracticeVault(services);
    return;
  }
  const reset = 'Reset';
  const a = await vscode.window.showWarningMessage(
    'Reset the practice vault? Every VM goes back to its starting state and running practice jobs are dropped.',
    { modal: true },
    reset,
  );
  if (a !== reset) return;
  await openPracticeVault(services, scenario);
}
