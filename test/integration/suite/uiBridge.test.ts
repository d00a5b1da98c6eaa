// The UI bridge itself (test/integration/support/ui.ts ↔ host/ui-bridge.mjs), on plain VS Code
// API calls, so that a broken bridge shows here and not as a puzzling failure in a flow test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { skipWithoutUi, ui } from '../support/ui';

describe('UI bridge', function () {
  before(function () {
    skipWithoutUi(this);
  });

  it('answers a modal dialog and reports its texts', async () => {
    const answer = vscode.window.showWarningMessage('Commit failover of vm-01?', { modal: true, detail: 'This cannot be undone.' }, 'Commit', 'Later');
    const seen = await ui.clickButton('Commit');
    assert.equal(await answer, 'Commit');
    assert.deepEqual(seen, { message: 'Commit failover of vm-01?', detail: 'This cannot be undone.', dialog: true });
  });

  it('answers a notification', async () => {
    const answer = vscode.window.showInformationMessage('Job finished', 'Show Output');
    const seen = await ui.clickButton('Show Output');
    assert.equal(await answer, 'Show Output');
    assert.equal(seen.dialog, false);
    assert.equal(seen.message, 'Job finished');
  });

  it('picks a quick-pick item by its exact label', async () => {
    const picked = vscode.window.showQuickPick([{ label: 'Latest processed' }, { label: 'Latest', description: 'lowest RPO' }, { label: 'Custom' }]);
    await ui.pickQuickItem('Latest');
    assert.equal((await picked)?.label, 'Latest');
  });

  it('types into an input box', async () => {
    const typed = vscode.window.showInputBox({ prompt: 'Type the VM name to confirm' });
    await ui.typeInQuickInput('vm-01');
    assert.equal(await typed, 'vm-01');
  });

  it('runs a command from the command palette', async () => {
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
        listener.dispose();
        resolve(doc);
      });
    });
    await ui.runFromCommandPalette('File: New Untitled Text File');
    assert.equal((await opened).isUntitled, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('says what it could not find', async () => {
    const pending = vscode.window.showQuickPick(['Classic', 'Modernized']);
    await assert.rejects(ui.pickQuickItem('Nothing like this', { timeoutMs: 500 }), /visible: "Classic", "Modernized"/);
    await ui.pressKey('Escape');
    assert.equal(await pending, undefined);
  });
});
