import * as vscode from 'vscode';
import type { Services } from '../services';
import { showServiceError } from './common/ui';

export async function signIn(services: Services, tenantId?: unknown): Promise<void> {
  try {
    if (await services.account.signIn(typeof tenantId === 'string' && /^[0-9a-f-]{36}$/i.test(tenantId) ? tenantId : undefined)) services.tree.refresh();
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    if (/no authentication provider|not.*registered/i.test(message)) {
      const practice = 'Open Practice Vault';
      const a = await vscode.window.showErrorMessage(
        'Microsoft sign-in is not available in this VS Code. Set "siteRecovery.auth.method" to "azureIdentity" to use the Azure CLI sign-in, or rehearse on the practice vault.',
        practice,
      );
      if (a === practice) await vscode.commands.executeCommand('siteRecovery.openPracticeVault');
      return;
    }
    // Closing the sign-in dialog is a choice, not an error to keep on screen.
    if (/did not consent|cancel/i.test(message)) {
      services.log.info('Sign-in to Azure was cancelled.');
      vscode.window.setStatusBarMessage('Site Recovery: sign-in cancelled', 5000);
      return;
    }
    await showServiceError(services.log, 'Sign in', e);
  }
}
