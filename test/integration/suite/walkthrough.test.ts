import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SiteRecoveryApi } from '../../../src/extension';
import { screenshot, skipWithoutUi, ui } from '../support/ui';
import { EXTENSION_ID, practiceItem, recordOutput, waitFor, outputLines } from '../support/practice';

// The classic failback drill run from the walkthrough's own buttons; each step must complete
// from the real state change it stands for.
describe('walkthrough: fail back VMware VMs from Azure', function () {
  this.timeout(300_000);
  let api: SiteRecoveryApi;

  before(async function () {
    skipWithoutUi(this);
    // ×30: the 15-minute agent window lasts 30 s, longer than it takes to click from the
    // failover to the reprotect, so the first reprotect meets the unregistered agent.
    await vscode.workspace.getConfiguration('siteRecovery.practice').update('speed', 30, vscode.ConfigurationTarget.Global);
    api = (await vscode.extensions.getExtension<SiteRecoveryApi>(EXTENSION_ID)!.activate()) as SiteRecoveryApi;
    recordOutput(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openWalkthrough();
    await screenshot('walkthrough-start');
  });

  /** Each step starts from the walkthrough page, as a person going through it would. */
  async function openWalkthrough(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#failback`, false);
    await ui.waitForText('Fail back VMware VMs from Azure');
  }

  it('opens the practice vault from its step', async () => {
    await openWalkthrough();
    await ui.clickInEditor('Open the practice vault');
    await ui.clickInEditor('Open Practice Vault');
    await waitFor('the practice step', async () => api.services.practice.scenario === 'failback-classic' && api.services.walkthrough.completed.has('practice'));
  });

  it('shows the checklist for app-lnx-01 from its step', async () => {
    await openWalkthrough();
    await ui.clickInEditor('Check the prerequisites');
    await ui.clickInEditor('Show Failback Checklist');
    await ui.pickQuickItem('app-lnx-01');
    await ui.waitForText('Failback Checklist: app-lnx-01');
    await new Promise((r) => setTimeout(r, 2000)); // the webview's frame paints after the tab
    await screenshot('checklist');
    assert.ok(api.services.walkthrough.completed.has('checklist'));
  });

  it('fails over, verifies, commits and reprotects from the steps', async () => {
    await openWalkthrough();
    await ui.clickInEditor('Fail over from Azure');
    await ui.clickInEditor('Failover');
    // A VM alone: a classic VM of a replication group fails back with its plan (the cmdlets' rule).
    await ui.pickQuickItem('db-lnx-01');
    await ui.acceptQuickInput();
    await ui.pickQuickItem('Latest (crash-consistent)');
    await ui.clickButton('Fail Back');
    await ui.clickButton('Commit', { timeoutMs: 90_000 });
    assert.ok(api.services.walkthrough.completed.has('failover'), 'failover and verify steps completed');
    await ui.clickButton('Commit');
    await ui.clickButton('Reprotect', { timeoutMs: 90_000 });
    assert.ok(api.services.walkthrough.completed.has('commit'));
    await ui.pickQuickItem('contoso-cs01');
    await ui.clickButton('Start Reprotect');
    await waitFor('db-lnx-01 replicating to Azure', async () => (await practiceItem(api, 'db-lnx-01')).providerInstanceType === 'InMageAzureV2', 120_000);
    await waitFor('the reprotect step', async () => api.services.walkthrough.completed.has('reprotect'), 30_000);
    assert.ok(
      outputLines().some((l) => /\[db-lnx-01\] The agent isn't registered yet; retrying/.test(l)),
      'the early reprotect met the agent window and was retried',
    );
    await openWalkthrough();
    // What the page shows, not only what the extension recorded: every step done so far ticked,
    // whatever other suites did before the walkthrough page was first shown.
    const done = ['practice', 'checklist', 'failover', 'verify', 'commit', 'reprotect'];
    await waitFor(
      'the ticks of the steps done',
      async () => {
        const steps = await ui.walkthroughSteps();
        return done.every((id) => steps.some((s) => s.id === `${EXTENSION_ID}#failback#${id}` && s.checked));
      },
      10_000,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await ui.walkthroughSteps())}`);
    });
    await screenshot('walkthrough-done');
  });
});
