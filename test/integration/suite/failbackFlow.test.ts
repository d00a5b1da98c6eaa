import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SiteRecoveryApi } from '../../../src/extension';
import { listOnPremisesInfrastructure } from '../../../src/azure/infrastructure';
import { screenshot, skipWithoutUi, ui } from '../support/ui';
import { openPractice, outputLines, practiceItem, rowDescription, waitFor } from '../support/practice';

// The classic failback driven through the workbench as a person would: context menu,
// recovery-point quick pick, confirmation dialog, the job, verification, commit, reprotect with
// the process-server pick. Each test opens a fresh practice vault and builds its own state.
describe('classic failback from the context menu', function () {
  this.timeout(240_000);
  let api: SiteRecoveryApi;

  beforeEach(async function () {
    skipWithoutUi(this);
    // An earlier suite's notification must not stand in for this one's.
    await vscode.commands.executeCommand('notifications.clearAll');
    api = await openPractice('failback-classic');
    await ui.expandUntil('Replicated items', 'db-lnx-01');
  });

  it('fails db-lnx-01 back with Latest after a confirmation naming the direction, streams the job and verifies', async () => {
    await ui.menuUntil('db-lnx-01', 'Failover: Fail Back to On-Premises…', 'Latest (crash-consistent)');
    await screenshot('failover-picker');
    await ui.pickQuickItem('Latest (crash-consistent)');
    await ui.waitForText('Fail back db-lnx-01 from Azure to on-premises?');
    await screenshot('failover-confirm');
    const dialog = await ui.clickButton('Fail Back');
    assert.match(dialog.detail, /Direction: from Azure to on-premises: contoso-cs01/);
    // Verification, then the offer to commit (declined here: the next test commits).
    const verified = await ui.clickButton('Later', { timeoutMs: 90_000 });
    assert.match(verified.message, /Failover finished/);
    // Recorded: the classic failback skips its shutdown task when no source-side operation is asked.
    assert.ok(
      outputLines().some((l) => /db-lnx-01: Failed back · commit pending\. Site Recovery skipped the Azure VM shutdown/.test(l)),
      'the verification says so',
    );
    const item = await practiceItem(api, 'db-lnx-01');
    assert.equal(item.protectionState, 'UnplannedFailoverCommitPendingStatesBegin');
    const lines = outputLines().filter((l) => l.startsWith('[db-lnx-01]'));
    assert.ok(
      lines.some((l) => /Shut down the virtual machine: skipped/i.test(l)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => /Failover succeeded in/.test(l)),
      lines.join('\n'),
    );
    await waitFor('the row shows the new state', async () => (await rowDescription(api, 'db-lnx-01'))?.startsWith('Failed back · commit pending'));
  });

  it('commits web-lnx-02 from its context menu after a confirmation that says the Azure VM is removed', async () => {
    await ui.menuUntil('web-lnx-02', 'Commit Failover…', 'Commit the failover of web-lnx-02?');
    const dialog = await ui.clickButton('Commit', { timeoutMs: 30_000 });
    assert.ok(dialog.dialog, 'a modal confirmation');
    assert.match(dialog.detail, /removes the failed-over Azure VM/);
    const offer = await ui.clickButton('Later', { timeoutMs: 60_000 });
    assert.match(offer.message, /Failover committed/);
    assert.equal((await practiceItem(api, 'web-lnx-02')).protectionState, 'UnplannedFailoverCommitted');
    await waitFor('the row shows the committed state', async () => (await rowDescription(api, 'web-lnx-02')) === 'Failed back · reprotect to Azure');
  });

  it('reprotects web-win-03 through the process-server pick', async () => {
    await ui.menuUntil('web-win-03', 'Reprotect (On-premises → Azure)…', 'contoso-cs01');
    await screenshot('reprotect-picker');
    await ui.pickQuickItem('contoso-cs01');
    const summary = await ui.clickButton('Start Reprotect');
    assert.match(summary.detail, /Process server: contoso-cs01/);
    await waitFor('web-win-03 replicating to Azure', async () => (await practiceItem(api, 'web-win-03')).providerInstanceType === 'InMageAzureV2', 90_000);
    const sent = api.services.practice.sim!.requestLog.filter((r) => r.method === 'POST' && /reprotect/i.test(r.path)).at(-1);
    const details = (sent?.body as { properties: { providerSpecificDetails: { processServerId: string } } }).properties.providerSpecificDetails;
    const scope = api.services.practice.scope!;
    const servers = (await listOnPremisesInfrastructure(scope.clients, (await practiceItem(api, 'web-win-03')).vault)).processServers;
    assert.equal(details.processServerId, servers.find((s) => s.name === 'contoso-cs01')!.id, 'the picked process server is sent');
    await waitFor('the row shows the new direction', async () => (await rowDescription(api, 'web-win-03'))?.startsWith('Replicating to Azure'), 30_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
