import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { SiteRecoveryApi } from '../../../src/extension';
import { screenshot, ui } from '../support/ui';
import { findNode, openPractice } from '../support/practice';

describe('practice vault in the tree', function () {
  this.timeout(120_000);
  let api: SiteRecoveryApi;

  before(async () => {
    api = await openPractice('failback-classic');
  });

  it('shows "Practice (simulated)", the vault and its folders', async () => {
    const roots = await api.services.tree.getChildren();
    assert.equal(String(roots[0].treeItem().label), 'Practice (simulated)');
    const vault = await findNode(api, 'contoso-dr-vault');
    assert.ok(vault, 'the scenario vault is listed');
    const folders = (await api.services.tree.getChildren(vault)).map((n) => String(n.treeItem().label));
    assert.deepEqual(folders, ['Replicated items', 'Recovery plans', 'Jobs (last 24 hours)', 'Seed disks left in Azure']);
  });

  it('describes each VM by state and direction, with menus for what Site Recovery allows', async () => {
    const expected: Array<[string, string, RegExp]> = [
      ['app-lnx-01', 'Replicating to on-premises', /can\.failover/],
      ['web-lnx-02', 'Failed back · commit pending', /can\.commit/],
      ['web-win-03', 'Failed back · reprotect to Azure', /can\.reprotect/],
      // The way to Azure is offered (test failover, failover to Azure), never a failback, commit or reprotect.
      ['crm-lnx-04', 'Replicating to Azure', /^siteRecovery\.item(?!.*can\.(failover|commit|reprotect)\b)(?=.*can\.testFailover\b)(?=.*can\.failoverToAzure\b)/],
    ];
    for (const [vm, description, context] of expected) {
      const node = await findNode(api, vm);
      assert.ok(node, `${vm} is in the tree`);
      const item: vscode.TreeItem = node.treeItem();
      // The row may add health and RPO after the state ("Replicating to on-premises · RPO 1 min").
      assert.ok(String(item.description).startsWith(description), `${vm}: ${item.description}`);
      assert.match(String(item.contextValue), context, vm);
    }
  });

  it('lists the recovery plan with its replication group', async () => {
    const plan = await findNode(api, 'failback-app-tier');
    assert.ok(plan, 'the plan is listed');
    const groups = await api.services.tree.getChildren(plan);
    const descriptions = groups.map((g) => String(g.treeItem().description ?? ''));
    assert.ok(
      descriptions.some((d) => /replication group: app-tier/.test(d)),
      descriptions.join(' | '),
    );
  });

  it('saves a screenshot of the tree', async () => {
    if (!ui.available) return;
    await ui.expandTreeItem('Recovery plans');
    await ui.waitForText('web-win-03');
    const file = await screenshot('tree');
    assert.ok(file && /tree\.png$/.test(file));
  });
});
