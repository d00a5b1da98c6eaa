import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SiteRecoveryApi } from '../../../src/extension';
import type { ReplicatedItem } from '../../../src/domain/model';
import { pickUntil, screenshot, skipWithoutUi, ui } from '../support/ui';
import { findNode, openPractice, practiceItem, rowDescription, waitFor } from '../support/practice';

/** Runs one item operation through the extension's own client and waits for Site Recovery's new state. */
async function through(api: SiteRecoveryApi, vm: string, send: (item: ReplicatedItem) => Promise<unknown>, until: (i: ReplicatedItem) => boolean): Promise<void> {
  await send(await practiceItem(api, vm));
  await waitFor(`${vm}: ${until.toString()}`, async () => until(await practiceItem(api, vm)), 120_000);
}

// The rest of the replication cycle, from the context menu, with what every view shows at the
// moments that matter: a VM running in Azure reprotected home, the agent wait, a cancelled
// failover and a recovery plan's failback. Each test opens its own practice vault.
describe('the replication cycle from the context menu', function () {
  this.timeout(300_000);

  beforeEach(async () => {
    // Notifications of an earlier test's vault would stand in the pictures of this one.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('reprotects web-win-06, running in Azure, to on-premises (modernized)', async function () {
    skipWithoutUi(this);
    const api = await openPractice('failback-modernized');
    await ui.expandUntil('Replicated items', 'web-win-06');
    assert.equal(await rowDescription(api, 'web-win-06'), 'Running in Azure · reprotect to on-premises');
    await ui.menuUntil('web-win-06', 'Reprotect to On-Premises…', 'datastore the appliance reaches');
    const summary = await pickUntil('Start Reprotect');
    assert.match(summary.message, /Reprotect web-win-06 from Azure to on-premises\?/);
    assert.match(summary.detail, /datastore/i);
    await screenshot('reprotect-to-on-premises');
    await waitFor('web-win-06 replicating to on-premises', async () => (await practiceItem(api, 'web-win-06')).providerInstanceType === 'InMageRcmFailback', 120_000);
    const sent = api.services.practice.sim!.requestLog.filter((r) => r.method === 'POST' && /reProtect$/i.test(r.path)).at(-1);
    const body = sent?.body as { properties: { failoverDirection: string; providerSpecificDetails: Record<string, string> } };
    assert.equal(body.properties.failoverDirection, 'RecoveryToPrimary');
    assert.deepEqual(Object.keys(body.properties.providerSpecificDetails).sort(), ['datastoreName', 'instanceType', 'logStorageAccountId', 'policyId', 'reprotectAgentId']);
  });

  it('reprotects recovery plan dr-web-tier, running in Azure, to on-premises as its VMs', async function () {
    skipWithoutUi(this);
    const api = await openPractice('failback-modernized');
    await ui.expandUntil('Recovery plans', 'dr-web-tier');
    await ui.menuUntil('dr-web-tier', 'Reprotect to On-Premises…', 'datastore the appliance reaches');
    const summary = await pickUntil('Start Reprotect');
    assert.match(summary.message, /Reprotect 2 VMs from Azure to on-premises\?/);
    for (const vm of ['web-win-06', 'app-lnx-08']) {
      await waitFor(`${vm} replicating to on-premises`, async () => (await practiceItem(api, vm)).providerInstanceType === 'InMageRcmFailback', 120_000);
    }
    const posts = api.services.practice.sim!.requestLog.filter((r) => r.method === 'POST');
    assert.ok(!posts.some((r) => /replicationRecoveryPlans\/[^/]+\/reProtect$/i.test(r.path)), 'no plan reprotect: one per VM');
  });

  it('reprotects erp-win-05, running in Azure, to on-premises (classic: master target, retention volume, datastore)', async function () {
    skipWithoutUi(this);
    const api = await openPractice('failback-classic');
    await ui.expandUntil('Replicated items', 'erp-win-05');
    await ui.menuUntil('erp-win-05', 'Reprotect to On-Premises…', 'process server that sends data from Azure');
    const summary = await pickUntil('Start Reprotect');
    assert.match(summary.detail, /master target/i);
    await waitFor('erp-win-05 replicating to on-premises', async () => (await practiceItem(api, 'erp-win-05')).providerInstanceType === 'InMage', 120_000);
    const body = api.services.practice.sim!.requestLog.filter((r) => r.method === 'POST' && /reProtect$/i.test(r.path)).at(-1)?.body as {
      properties: { providerSpecificDetails: Record<string, unknown> };
    };
    assert.equal(body.properties.providerSpecificDetails.instanceType, 'InMage');
    for (const key of ['masterTargetId', 'processServerId', 'retentionDrive', 'datastoreName', 'profileId']) assert.ok(body.properties.providerSpecificDetails[key], key);
  });

  it('shows the agent wait as one waiting operation, the same in the tree and the checklist', async function () {
    skipWithoutUi(this);
    // ×20: the 15-minute agent window lasts 45 s, long enough to look at.
    const api = await openPractice('failback-classic', 20);
    const ops = api.services.practice.scope!.operations;
    await through(
      api,
      'db-lnx-01',
      (i) => ops.failoverItem(i, { kind: 'latest' }),
      (i) => /CommitPending/.test(i.protectionState),
    );
    await through(
      api,
      'db-lnx-01',
      (i) => ops.commitItem(i),
      (i) => /Committed$/.test(i.protectionState),
    );
    await vscode.commands.executeCommand('siteRecovery.refresh');
    await ui.expandUntil('Replicated items', 'db-lnx-01');
    await waitFor('db-lnx-01 committed in the tree', async () => (await rowDescription(api, 'db-lnx-01')) === 'Failed back · reprotect to Azure');
    await ui.contextMenu('db-lnx-01', 'Reprotect (On-premises → Azure)…');
    await pickUntil('Start Reprotect');
    const waiting = await waitFor(
      'the row shows the agent wait',
      async () => {
        const d = await rowDescription(api, 'db-lnx-01');
        return d && /^Reprotect · waiting for the agent · attempt \d+ · \d+:\d\d left$/.test(d) ? d : undefined;
      },
      60_000,
    );
    await vscode.commands.executeCommand('siteRecovery.showChecklist', await findNode(api, 'db-lnx-01'));
    await waitFor('the checklist shows the same wait', async () => api.checklistHtml()?.includes('Reprotect · waiting for the agent'), 20_000);
    assert.ok(!api.checklistHtml()?.includes('data-command="siteRecovery.reprotect"'), 'no Run button for a second reprotect while one waits');
    await screenshot('agent-wait');
    assert.match(waiting, /waiting for the agent/);
    await waitFor('db-lnx-01 replicating to Azure', async () => (await practiceItem(api, 'db-lnx-01')).providerInstanceType === 'InMageAzureV2', 180_000);
    await waitFor('the row ends on the re-read state', async () => (await rowDescription(api, 'db-lnx-01'))?.startsWith('Replicating to Azure'), 30_000);
  });

  it('a failover cancelled after the Azure VM shut down says so on the row', async function () {
    skipWithoutUi(this);
    const api = await openPractice('failback-modernized', 10);
    await ui.expandUntil('Replicated items', 'sql-lnx-01');
    await ui.menuUntil('sql-lnx-01', 'Failover: Fail Back to On-Premises…', 'Latest (crash-consistent)');
    await ui.pickQuickItem('Latest (crash-consistent)');
    await ui.clickButton('Fail Back');
    const scope = api.services.practice.scope!;
    const jobName = await waitFor('the failover job', async () => (await practiceItem(api, 'sql-lnx-01')).currentOperation?.jobName, 30_000);
    const vault = (await practiceItem(api, 'sql-lnx-01')).vault;
    await waitFor(
      'the Azure VM shut down',
      async () => (await scope.queries.getJob(vault, jobName)).tasks.some((t) => /shut ?down/i.test(t.friendlyName) && /Succeeded/i.test(String(t.state))),
      120_000,
    );
    await scope.operations.cancelJob(vault, jobName);
    const row = await waitFor(
      'the row says the VM runs nowhere',
      async () => {
        const d = await rowDescription(api, 'sql-lnx-01');
        return d && /failover cancelled after the Azure VM was shut down/.test(d) ? d : undefined;
      },
      120_000,
    );
    assert.match(row, /^Replicating to on-premises · ⚠ failover cancelled/);
    await screenshot('cancelled-failover');
  });

  it('fails recovery plan failback-app-tier back; every member row and the plan checklist agree', async function () {
    skipWithoutUi(this);
    const api = await openPractice('failback-classic');
    await ui.expandUntil('Recovery plans', 'failback-app-tier');
    await ui.menuUntil('failback-app-tier', 'Failover: Fail Back to On-Premises…', 'Latest (crash-consistent)');
    await ui.pickQuickItem('Latest (crash-consistent)');
    const confirm = await ui.clickButton('Fail Back');
    assert.match(confirm.message, /failback-app-tier/);
    await ui.clickButton('Later', { timeoutMs: 120_000 });
    await ui.expandUntil('Replicated items', 'app-lnx-01');
    for (const vm of ['app-lnx-01', 'app-win-01']) {
      await waitFor(`${vm} commit pending in the tree`, async () => (await rowDescription(api, vm))?.startsWith('Failed back · commit pending'), 30_000);
    }
    await vscode.commands.executeCommand('siteRecovery.showChecklist', await findNode(api, 'failback-app-tier'));
    await waitFor(
      'the plan checklist offers commit, not failover',
      async () => {
        const html = api.checklistHtml() ?? '';
        return html.includes('Failed back · commit pending') && html.includes('siteRecovery.commitFailover') && !html.includes('data-command="siteRecovery.failover"');
      },
      20_000,
    );
    await vscode.commands.executeCommand('notifications.clearAll');
    await new Promise((r) => setTimeout(r, 1500)); // the webview paints after its tab: a picture, not a wait on state
    await screenshot('plan-failover');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
