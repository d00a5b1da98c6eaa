import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SiteRecoveryApi } from '../../../src/extension';
import { pickUntil, screenshot, skipWithoutUi, ui } from '../support/ui';
import { runReportMarkdown } from '../../../src/domain/runs/report';
import { EXTENSION_ID, findNode, openPractice, outputLines, practiceItem, rowDescription, waitFor } from '../support/practice';

const posts = (api: SiteRecoveryApi, path: RegExp) => api.services.practice.sim!.requestLog.filter((r) => r.method === 'POST' && path.test(r.path));
type Body = { properties: Record<string, unknown> & { providerSpecificDetails: unknown } };

/** Waits until the tree's row offers `action` (its menu is built from the row as drawn). */
async function offers(api: SiteRecoveryApi, vm: string, action: string): Promise<void> {
  await waitFor(`${vm}'s row offers ${action}`, async () => new RegExp(`\\bcan\\.${action}\\b`).test(String((await findNode(api, vm))?.treeItem().contextValue ?? '')), 60_000);
}

/** Test failover, cleanup with notes, failover to Azure and commit of one VM, by the context menu. */
async function roundTrip(api: SiteRecoveryApi, vm: string, shot: string): Promise<void> {
  await ui.expandUntil('Replicated items', vm);
  assert.match((await rowDescription(api, vm)) ?? '', /^Replicating to Azure/);
  // The drill: a recovery point, an isolated network first in the list, the confirmation.
  await offers(api, vm, 'testFailover');
  await ui.menuUntil(vm, 'Test Failover…', 'Latest processed');
  const confirm = await pickUntil('Start Test Failover');
  assert.match(confirm.message, new RegExp(`Start a test failover of ${vm}\\?`));
  assert.match(confirm.detail, /isolated|network vnet-/i);
  await waitFor(`${vm} test failover done`, async () => (await practiceItem(api, vm)).allowedOperations.includes('TestFailoverCleanup'), 120_000);
  await waitFor(`${vm}'s row says to clean up`, async () => /^Test failover · clean up when done/.test((await rowDescription(api, vm)) ?? ''), 30_000);
  const tfo = posts(api, /\/testFailover$/).at(-1)?.body as Body;
  assert.equal(tfo.properties.failoverDirection, 'PrimaryToRecovery');
  assert.equal(tfo.properties.networkType, 'VmNetworkAsInput');
  assert.match(String(tfo.properties.networkId), /\/providers\/Microsoft\.Network\/virtualNetworks\//);
  await vscode.commands.executeCommand('notifications.clearAll');
  await screenshot(`${shot}-test-failover`);
  // Cleanup: the outcome and the notes go to Site Recovery as the cleanup's comments.
  await offers(api, vm, 'cleanupTestFailover');
  await ui.menuUntil(vm, 'Clean Up Test Failover…', 'The test succeeded');
  await ui.pickQuickItem('The test succeeded');
  await ui.typeInQuickInput('logon and app checked');
  await waitFor(
    `${vm} cleaned up`,
    async () => {
      const i = await practiceItem(api, vm);
      return !i.allowedOperations.includes('TestFailoverCleanup') && !i.currentOperation && i.lastSuccessfulTestFailoverTime !== undefined;
    },
    120_000,
  );
  assert.deepEqual((posts(api, /\/testFailoverCleanup$/).at(-1)?.body as Body).properties, { comments: 'Test succeeded: logon and app checked' });
  // Failover to Azure: the point, shut the on-premises VM down first, the direction confirmed.
  await offers(api, vm, 'failoverToAzure');
  await ui.menuUntil(vm, 'Failover to Azure…', 'Latest processed');
  const failover = await pickUntil('Fail Over to Azure');
  assert.match(failover.message, new RegExp(`Fail over ${vm} from on-premises to Azure\\?`));
  await waitFor(`${vm} failed over to Azure`, async () => /CommitPending/.test((await practiceItem(api, vm)).protectionState), 180_000);
  const sent = posts(api, /\/unplannedFailover$/).at(-1)?.body as Body;
  assert.equal(sent.properties.failoverDirection, 'PrimaryToRecovery');
  assert.equal(sent.properties.sourceSiteOperations, 'Required');
  await waitFor(`${vm}'s row says commit`, async () => (await rowDescription(api, vm))?.startsWith('Failed over to Azure · commit pending'), 30_000);
  await offers(api, vm, 'commit');
  await ui.menuUntil(vm, 'Commit Failover…', 'Commit the failover');
  await ui.clickButton('Commit');
  await waitFor(`${vm} runs in Azure`, async () => (await rowDescription(api, vm))?.startsWith('Running in Azure · reprotect to on-premises'), 180_000);
  await ui.waitForText('Reprotect them to on-premises', { timeoutMs: 30_000 });
}

// The way to Azure from the context menu, classic and modernized, VMs and plans: the test
// failover drill and its cleanup, failover to Azure, commit; the way home is in cycle.test.ts.
describe('the drill and the failover to Azure, from the context menu', function () {
  this.timeout(420_000);

  beforeEach(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  before(async () => {
    // Rows carry state, RPO and health: a wider side bar shows them whole in the pictures.
    // (The side bar grows as the editor part shrinks: the command acts on the focused part.)
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  });

  let current: SiteRecoveryApi | undefined;
  afterEach(async function () {
    // What the extension said, when a step did not come: the output channel's last lines.
    if (this.currentTest?.state === 'failed') {
      const rows: string[] = [];
      for (const vm of ['ops-win-11', 'bill-win-11', 'pay-db-13']) {
        const node = current ? await findNode(current, vm) : undefined;
        const item = (node as { item?: { id: string; allowedOperations: readonly string[] } } | undefined)?.item;
        if (item)
          rows.push(
            `${vm}: row "${await rowDescription(current!, vm)}" ops ${item.allowedOperations.join(',')} store op ${JSON.stringify(current!.services.states.operation(item.id))} ctx ${node!.treeItem().contextValue}`,
          );
      }
      const lines = [...rows, ...outputLines().slice(-40)].join('\n');
      console.log(lines);
      fs.writeFileSync(path.join(os.tmpdir(), `drill-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}.log`), lines);
    }
  });

  it('takes ops-win-11 (classic) through a test failover, its cleanup, failover to Azure and commit', async function () {
    skipWithoutUi(this);
    const api = (current = await openPractice('failback-classic'));
    await roundTrip(api, 'ops-win-11', 'classic');
    // The rehearsal walkthrough ticks the steps done, from the real state changes.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#rehearse`, false);
    await ui.waitForText('Rehearse a disaster');
    const ticked = ['rehearsePractice', 'testFailover', 'cleanupTestFailover', 'failoverToAzure', 'commitInAzure'];
    await waitFor(
      'the rehearsal steps done are ticked',
      async () => {
        const steps = await ui.walkthroughSteps();
        return ticked.every((id) => steps.some((st) => st.id === `${EXTENSION_ID}#rehearse#${id}` && st.checked));
      },
      15_000,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await ui.walkthroughSteps())}`);
    });
    await screenshot('rehearse-walkthrough');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const details = (posts(api, /\/unplannedFailover$/).at(-1)?.body as Body).properties.providerSpecificDetails;
    assert.deepEqual(details, { instanceType: 'InMageAzureV2' });
    // The evidence: every step was recorded as a run; the report of the VM opens as Markdown and previews.
    const vault = (await practiceItem(api, 'ops-win-11')).vault;
    assert.deepEqual(
      api.services.runs.list(vault.id).map((r) => r.operation),
      ['commit', 'failoverToAzure', 'cleanupTestFailover', 'testFailover'],
    );
    fs.mkdirSync(path.join(os.tmpdir(), 'site-recovery-reports'), { recursive: true });
    fs.writeFileSync(
      path.join(os.tmpdir(), 'site-recovery-reports', 'practice-drill.md'),
      runReportMarkdown([...api.services.runs.list(vault.id)].reverse(), {
        now: new Date(api.services.practice.scope!.clock.now()),
        vaultName: vault.vaultName,
        vaultId: vault.id,
      }),
    );
    await vscode.commands.executeCommand('notifications.clearAll');
    void vscode.commands.executeCommand('siteRecovery.exportRunReport', await findNode(api, 'ops-win-11'));
    await ui.waitForText('Run report: VM ops-win-11');
    await ui.acceptQuickInput();
    await ui.clickButton('Open Preview', { timeoutMs: 20_000 });
    const report = await waitFor('the report in an editor', async () => vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && /ops-win-11/.test(d.getText())));
    assert.match(report.getText(), /Commit/);
    await new Promise((r) => setTimeout(r, 2000)); // the preview's webview paints after its tab
    await screenshot('run-report-preview');
    // The report is an untitled document: closed unsaved, so no save prompt holds the next suites.
    // Read-only: nothing is dirty, so closing it asks nothing.
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.isDirty)), 'no unsaved editor');
  });

  it('takes bill-win-11 (modernized) the same way, and home again by reprotect to on-premises', async function () {
    skipWithoutUi(this);
    const api = (current = await openPractice('failback-modernized'));
    await roundTrip(api, 'bill-win-11', 'modernized');
    const details = (posts(api, /\/unplannedFailover$/).at(-1)?.body as { properties: { providerSpecificDetails: Record<string, string> } }).properties.providerSpecificDetails;
    assert.deepEqual(details, { instanceType: 'InMageRcm', performShutdown: 'True' });
    await ui.clickButton('Reprotect to On-Premises');
    await pickUntil('Start Reprotect');
    await waitFor('bill-win-11 replicating to on-premises', async () => (await practiceItem(api, 'bill-win-11')).providerInstanceType === 'InMageRcmFailback', 180_000);
  });

  it('refuses a classic VM of a replication group alone, then tests its recovery plan', async function () {
    skipWithoutUi(this);
    const api = (current = await openPractice('failback-classic'));
    await ui.expandUntil('Replicated items', 'pay-db-13');
    await ui.menuUntil('pay-db-13', 'Test Failover…', 'replication group');
    const refusal = await ui.clickButton('OK').catch(() => undefined);
    assert.ok(refusal === undefined || /recovery plan/.test(refusal.detail ?? ''), 'the refusal names the recovery plan');
    assert.equal(posts(api, /\/testFailover$/).length, 0, 'nothing sent for the VM alone');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await ui.expandUntil('Recovery plans', 'dr-payroll');
    await ui.menuUntil('dr-payroll', 'Test Failover…', 'Latest processed');
    await pickUntil('Start Test Failover');
    const body = (await waitFor('the plan test failover sent', async () => posts(api, /replicationRecoveryPlans\/dr-payroll\/testFailover$/).at(-1))).body as Body;
    assert.deepEqual(body.properties.providerSpecificDetails, [{ instanceType: 'InMageAzureV2', recoveryPointType: 'LatestProcessed' }]);
    for (const vm of ['pay-db-13', 'pay-app-14']) {
      await waitFor(`${vm} test failover done`, async () => (await practiceItem(api, vm)).allowedOperations.includes('TestFailoverCleanup'), 180_000);
    }
    await ui.waitForText('Test failover finished', { timeoutMs: 60_000 });
    await screenshot('plan-test-failover');
    // The plan's cleanup, its failover to Azure and commit, from the plan's menu.
    await vscode.commands.executeCommand('notifications.clearAll');
    await ui.menuUntil('dr-payroll', 'Clean Up Test Failover…', 'The test succeeded');
    await ui.pickQuickItem('The test succeeded');
    await ui.typeInQuickInput('payroll app checked');
    await ui.clickButton('Clean Up');
    for (const vm of ['pay-db-13', 'pay-app-14']) {
      await waitFor(
        `${vm} cleaned up`,
        async () => {
          const i = await practiceItem(api, vm);
          return !i.currentOperation && i.allowedOperations.includes('UnplannedFailover');
        },
        180_000,
      );
    }
    await ui.menuUntil('dr-payroll', 'Failover to Azure…', 'Latest processed');
    const failover = await pickUntil('Fail Over to Azure');
    assert.match(failover.message, /Fail over recovery plan dr-payroll from on-premises to Azure\?/);
    for (const vm of ['pay-db-13', 'pay-app-14']) {
      await waitFor(`${vm} failed over to Azure`, async () => /CommitPending/.test((await practiceItem(api, vm)).protectionState), 180_000);
    }
    const sent = posts(api, /replicationRecoveryPlans\/dr-payroll\/unplannedFailover$/).at(-1)?.body as Body;
    assert.equal(sent.properties.failoverDirection, 'PrimaryToRecovery');
    await ui.menuUntil('dr-payroll', 'Commit Failover…', 'Commit the failover of recovery plan dr-payroll');
    await ui.clickButton('Commit');
    for (const vm of ['pay-db-13', 'pay-app-14']) {
      await waitFor(`${vm} runs in Azure`, async () => /Committed|FailoverStatesBegin/.test((await practiceItem(api, vm)).protectionState), 180_000);
    }
    await ui.waitForText('Reprotect them to on-premises', { timeoutMs: 60_000 });
  });

  after(async () => {
    // The drills' last notifications must not stand in for the next suite's.
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
