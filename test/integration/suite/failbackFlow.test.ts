import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SiteRecoveryApi } from '../../../src/extension';
import { screenshot, skipWithoutUi, ui } from '../support/ui';
import { findNode, openPractice, practiceItem, waitFor, outputLines } from '../support/practice';

// The whole classic failback of one VM, driven through the workbench as a person would:
// context menu, recovery-point quick pick, confirmation dialog, the job, verification,
// commit, then reprotect with the process-server pick.
describe('classic failback from the context menu', function () {
  this.timeout(240_000);
  let api: SiteRecoveryApi;

  before(async function () {
    skipWithoutUi(this);
    api = await openPractice('failback-classic');
    await ui.expandTreeItem('Replicated items');
    await ui.waitForText('db-lnx-01');
  });

  it('fails db-lnx-01 back with Latest, after a confirmation naming the direction', async () => {
    await ui.contextMenu('db-lnx-01', 'Failover (Fail Back to On-premises)…');
    await ui.waitForText('Latest (crash-consistent)');
    await screenshot('failover-picker');
    await ui.pickQuickItem('Latest (crash-consistent)');
    await ui.waitForText('Fail back db-lnx-01 from Azure to on-premises?');
    await screenshot('failover-confirm');
    const dialog = await ui.clickButton('Fail Back');
    assert.match(dialog.detail, /Direction: from Azure to on-premises: contoso-cs01/);
    assert.match(dialog.detail, /Site Recovery shuts down the Azure VMs/);
    // Verification, then the offer to commit.
    const verified = await ui.clickButton('Commit', { timeoutMs: 90_000 });
    assert.match(verified.message, /Failover finished/);
    const item = await practiceItem(api, 'db-lnx-01');
    assert.equal(item.protectionState, 'UnplannedFailoverCommitPendingStatesBegin');
  });

  it('streamed the failover job task by task to the output channel', () => {
    const lines = outputLines().filter((l) => l.startsWith('[db-lnx-01]'));
    assert.ok(lines.some((l) => /Shut down the virtual machine: (Completed|Succeeded)/i.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /Failover succeeded in/.test(l)), lines.join('\n'));
  });

  it('commits after a confirmation that says the Azure VM is removed', async () => {
    const dialog = await ui.clickButton('Commit', { timeoutMs: 30_000 });
    assert.ok(dialog.dialog, 'a modal confirmation');
    assert.match(dialog.detail, /removes the failed-over Azure VM/);
    await ui.clickButton('Later', { timeoutMs: 60_000 });
    const item = await practiceItem(api, 'db-lnx-01');
    assert.equal(item.protectionState, 'UnplannedFailoverCommitted');
  });

  it('reprotects web-win-03 through the process-server pick', async () => {
    // The commit's end refreshes the tree: let that settle before right-clicking a row.
    await waitFor('db-lnx-01 shown as committed', async () => {
      const node = await findNode(api, 'db-lnx-01');
      return node?.treeItem().description === 'Failed back · reprotect to Azure';
    });
    await new Promise((r) => setTimeout(r, 1000));
    await ui.contextMenu('web-win-03', 'Reprotect (On-premises → Azure)…');
    await ui.waitForText('contoso-cs01');
    await screenshot('reprotect-picker');
    await ui.pickQuickItem('contoso-cs01');
    const summary = await ui.clickButton('Start Reprotect');
    assert.match(summary.detail, /Process server: contoso-cs01/);
    await waitFor('web-win-03 replicating to Azure', async () => (await practiceItem(api, 'web-win-03')).providerInstanceType === 'InMageAzureV2', 90_000);
    const sent = api.services.practice.sim!.requestLog.filter((r) => r.method === 'POST' && /reprotect/i.test(r.path)).at(-1);
    const details = (sent?.body as { properties: { providerSpecificDetails: { processServerId: string } } }).properties.providerSpecificDetails;
    const servers = await api.services.practice.scope!.queries.listProcessServers((await practiceItem(api, 'web-win-03')).vault);
    assert.equal(details.processServerId, servers.find((s) => s.name === 'contoso-cs01')!.id, 'the picked process server is sent');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
