import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from '../support/ui';

const EXTENSION_ID = 'site-recovery-tools.vscode-site-recovery';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

describe('activation', () => {
  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('shows the Site Recovery container and its explorer view', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c) => c.id),
      ['siteRecovery'],
    );
    assert.deepEqual(
      manifest.contributes.views.siteRecovery.map((v) => v.id),
      ['siteRecovery.explorer'],
    );
    // Both commands exist only when VS Code registered the container and the view.
    await vscode.commands.executeCommand('workbench.view.extension.siteRecovery');
    await vscode.commands.executeCommand('siteRecovery.explorer.focus');
    await screenshot('activation');
  });

  it('registers every command of package.json', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.length > 0);
    assert.deepEqual(
      declared.filter((id) => !registered.has(id)),
      [],
    );
  });
});
