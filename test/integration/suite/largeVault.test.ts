import * as assert from 'node:assert/strict';
import type { SiteRecoveryApi } from '../../../src/extension';
import { screenshot, skipWithoutUi, ui } from '../support/ui';
import { findNode, openPractice, waitFor } from '../support/practice';
import * as vscode from 'vscode';

// A 5,000-VM vault: the tree reads the vault-wide list one page at a time, never walking
// fabrics and containers, and shows the first page at once.
describe('large vault in the tree', function () {
  this.timeout(120_000);
  let api: SiteRecoveryApi;

  before(async function () {
    skipWithoutUi(this);
    api = await openPractice('large');
  });

  it('sends one request per page and nothing per container', async () => {
    const sim = api.services.practice.sim!;
    await ui.expandTreeItem('Replicated items');
    await ui.waitForText('vm-00001');
    // "Load more…" sits below 100 rows; run what clicking it runs, with the node it carries.
    const folder = await findNode(api, 'Replicated items');
    const more = (await api.services.tree.getChildren(folder)).find((n) => n.treeItem().label === 'Load more…');
    assert.ok(more, 'a "Load more…" row after the first page');
    const command = more.treeItem().command!;
    const pages = () => sim.requestLog.filter((r) => /\/vaults\/[^/]+\/replicationProtectedItems$/i.test(r.path)).length;
    assert.equal(pages(), 1, 'the first page came from one request');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor('the second page', async () => pages() >= 2);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor('the third page', async () => pages() >= 3);
    assert.equal((await api.services.tree.getChildren(folder)).length, 301, '300 VMs and "Load more…"');
    const itemLists = sim.requestLog.filter((r) => r.method === 'GET' && /replicationProtectedItems$/i.test(r.path));
    const vaultWide = itemLists.filter((r) => /\/vaults\/[^/]+\/replicationProtectedItems$/i.test(r.path));
    assert.equal(vaultWide.length, 3, 'three pages, three requests');
    assert.equal(itemLists.length - vaultWide.length, 0, 'no per-container item list');
    assert.equal(sim.requestLog.filter((r) => /replicationProtectionContainers$/i.test(r.path)).length, 0, 'no container walk');
    await screenshot('large-vault');
  });

  it('filters over all 5,000 VMs: per-container lists in parallel, parsed off the host thread', async () => {
    const sim = api.services.practice.sim!;
    sim.clearRequestLog();
    await ui.contextMenu('Replicated items', 'Filter Replicated Items…');
    await ui.typeInQuickInput('vm-04999');
    await ui.waitForText('vm-04999');
    const folder = await findNode(api, 'Replicated items');
    const shown = (await api.services.tree.getChildren(folder)).map((n) => String(n.treeItem().label));
    assert.ok(
      shown.some((l) => l.startsWith('vm-04999')),
      `the last VM of the vault is found: ${shown.join(', ')}`,
    );
    const perContainer = sim.requestLog.filter((r) => /\/replicationProtectionContainers\/[^/]+\/replicationProtectedItems$/i.test(r.path));
    assert.ok(perContainer.length >= 20, `every container's list was read (${perContainer.length} requests)`);
    assert.ok(api.services.practice.scope!.queries.itemPagesParsedOffThread >= 1, 'the pages were parsed on a worker thread');
    await screenshot('large-vault-filtered');
  });
});
