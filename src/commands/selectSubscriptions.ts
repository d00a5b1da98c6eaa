import * as vscode from 'vscode';
import type { Services } from '../services';
import { selectedSubscriptionIds } from '../tree/roots';
import { showServiceError } from './common/ui';

/** Chooses which subscriptions the tree shows (setting siteRecovery.subscriptions). */
export async function selectSubscriptions(services: Services): Promise<void> {
  try {
    if (!(await services.account.isSignedIn())) {
      // Asked, not started: a sign-in nobody wanted ends in a sticky "did not consent" error.
      const signIn = 'Sign In to Azure';
      const answer = await vscode.window.showInformationMessage('Subscriptions come from your Azure account. Sign in to choose which ones the Site Recovery view shows.', signIn);
      if (answer === signIn) await vscode.commands.executeCommand('siteRecovery.signIn');
      return;
    }
    const subs = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Loading subscriptions…' },
      async () => (await services.roots.allSubscriptions()).subs,
    );
    const selected = selectedSubscriptionIds();
    const picks = await vscode.window.showQuickPick(
      subs.map((s) => ({ label: s.displayName, description: s.subscriptionId, picked: selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()), id: s.subscriptionId })),
      { title: 'Site Recovery: subscriptions to show', canPickMany: true, ignoreFocusOut: true },
    );
    if (!picks) return;
    const ids = picks.length === subs.length ? [] : picks.map((p) => p.id);
    await vscode.workspace.getConfiguration('siteRecovery').update('subscriptions', ids, vscode.ConfigurationTarget.Global);
    services.tree.refresh();
  } catch (e) {
    await showServiceError(services.log, 'Select subscriptions', e);
  }
}
