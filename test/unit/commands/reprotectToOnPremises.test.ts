// Reprotect to on-premises through the real command table, the real SDK and the practice
// simulator; only VS Code's dialogs are answered by the test (each pick: its first item).
import assert from 'node:assert/strict';
import { servicesFor, vscode, type World } from './nextStepHarness';
import { practiceWorld } from '../azure/harness';
import type { Prompt } from '../support/fakeVscode';
import { planActions } from '../../../src/domain/actions';

async function run(w: World, vm: string): Promise<Prompt[]> {
  await servicesFor(w);
  const item = (await w.items()).find((i) => i.friendlyName === vm)!;
  vscode.state.answer = (p) => (p.kind === 'quickPick' ? p.items[0] : p.modal && p.items.includes('Start Reprotect') ? 'Start Reprotect' : undefined);
  w.sim.clearRequestLog();
  await vscode.vscode.commands.executeCommand('siteRecovery.reprotectToOnPremises', undefined, undefined, { targets: [{ scope: w.scope, item }] });
  return vscode.prompts;
}

describe('Reprotect to On-Premises… through the command', function () {
  this.timeout(60_000);
  let w: World;
  beforeEach(() => vscode.reset());
  afterEach(() => w.sim.dispose());

  it('classic: one confirmation naming master target, retention volume, datastore and policy; one InMage request', async () => {
    w = await practiceWorld({ scenario: 'failback-classic' });
    const prompts = await run(w, 'erp-win-05');
    const confirm = prompts.find((p) => p.modal && p.message.startsWith('Reprotect erp-win-05 from Azure to on-premises?'));
    assert.ok(confirm, prompts.map((p) => `${p.kind}: ${p.message}`).join('\n'));
    const posts = w.posts();
    assert.equal(posts.length, 1);
    const details = (posts[0].body as { properties: { providerSpecificDetails: Record<string, unknown> } }).properties.providerSpecificDetails;
    assert.equal(details.instanceType, 'InMage');
    assert.equal(details.datastoreName, 'datastore1', 'the datastore the VM came from, suggested first');
  });

  it('modernized: the appliance of the VM’s vCenter and its datastore; one InMageRcm request', async () => {
    w = await practiceWorld({ scenario: 'failback-modernized' });
    const prompts = await run(w, 'web-win-06');
    assert.ok(
      prompts.some((p) => p.modal && /^Reprotect web-win-06 from Azure to on-premises\?/.test(p.message)),
      prompts.map((p) => `${p.kind}: ${p.message}`).join('\n'),
    );
    const body = w.posts()[0]?.body as { properties: { failoverDirection: string; providerSpecificDetails: Record<string, unknown> } };
    assert.equal(body.properties.failoverDirection, 'RecoveryToPrimary');
    assert.equal(body.properties.providerSpecificDetails.instanceType, 'InMageRcm');
  });

  it('a VM that does not run in Azure is refused before any pick, and nothing is sent', async () => {
    w = await practiceWorld({ scenario: 'failback-classic' });
    const prompts = await run(w, 'crm-lnx-04');
    assert.equal(w.posts().length, 0);
    assert.ok(
      prompts.some((p) => p.kind === 'error' && /not possible now/.test(p.message)),
      prompts.map((p) => `${p.kind}: ${p.message}`).join('\n'),
    );
    assert.ok(!prompts.some((p) => p.kind === 'quickPick'), 'no picker for a VM that cannot go');
  });
});

describe('Reprotect to On-Premises… of a recovery plan of VMs running in Azure', function () {
  this.timeout(60_000);
  let w: World;
  beforeEach(() => vscode.reset());
  afterEach(() => w.sim.dispose());

  it('picks once for the plan and sends one reprotect per VM, none for the plan', async () => {
    w = await practiceWorld({ scenario: 'failback-modernized' });
    await servicesFor(w, { scenario: 'failback-modernized' });
    const plan = (await w.scope.queries.listPlans(w.vault)).find((p) => p.name === 'dr-web-tier')!;
    assert.ok(planActions(plan).includes('reprotectToOnPremises'), `offered on the plan: ${planActions(plan).join(', ')}`);
    const { PlanNode } = require('../../../src/tree/plansFolder') as typeof import('../../../src/tree/plansFolder');
    const { VaultStore } = require('../../../src/state/vaultStore') as typeof import('../../../src/state/vaultStore');
    const folder = { scope: w.scope, vault: w.vault } as never;
    const node = new PlanNode(folder, w.scope, plan, { items: [] } as never, new VaultStore());
    vscode.state.answer = (p) => (p.kind === 'quickPick' ? p.items[0] : p.modal && p.items.includes('Start Reprotect') ? 'Start Reprotect' : undefined);
    w.sim.clearRequestLog();
    await vscode.vscode.commands.executeCommand('siteRecovery.reprotectToOnPremises', node);
    assert.ok(
      vscode.prompts.some((p) => p.modal && p.message === 'Reprotect 2 VMs from Azure to on-premises?'),
      vscode.prompts.map((p) => p.message).join('\n'),
    );
    const paths = w.posts().map((r) => r.path);
    assert.equal(paths.filter((p) => /replicationRecoveryPlans/i.test(p)).length, 0);
    assert.deepEqual(
      paths
        .filter((p) => /\/reProtect$/i.test(p))
        .map((p) => p.split('/').at(-2))
        .sort(),
      ['app-lnx-08', 'web-win-06'],
    );
  });
});
