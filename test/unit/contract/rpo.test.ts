// Contract, recovery-point age (issue #19): the replication policies live vaults returned go
// through the real SDK and the extension's mapping, and give the RPO threshold each VM is held
// to; the recorded vaults then read in the tree as a person sees them: the row's RPO, its
// warning, the vault's summary, and the tooltip's latest points read on hover.
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import { allRecorded, kindOf, recorded, recordedScope, resourcesOf, vaultOf } from './recorded';
import { listOnPremisesInfrastructure } from '../../../src/azure/infrastructure';
import type { TreeNode } from '../../../src/tree/node';
import type { Scope } from '../../../src/scope';

useFakeVscode();
const { ItemNode } = require('../../../src/tree/itemNode') as typeof import('../../../src/tree/itemNode');
const { VaultNode } = require('../../../src/tree/vaultNode') as typeof import('../../../src/tree/vaultNode');
const { SiteRecoveryTreeProvider } = require('../../../src/tree/treeProvider') as typeof import('../../../src/tree/treeProvider');
const { RecoveryPointsCache, POINTS_TTL_MS } = require('../../../src/tree/pointsCache') as typeof import('../../../src/tree/pointsCache');
const { VaultStore } = require('../../../src/state/vaultStore') as typeof import('../../../src/state/vaultStore');

const recordedPolicies = allRecorded().flatMap((r) =>
  resourcesOf(r)
    .filter((x) => kindOf(x) === 'policy')
    .map((resource) => ({ r, resource })),
);

describe('contract (reading): recorded replication policies and their RPO thresholds', () => {
  it('policies of all four VMware providers were recorded', () => {
    const types = new Set(recordedPolicies.map(({ resource }) => resource.properties.providerSpecificDetails.instanceType));
    assert.deepEqual([...types].sort(), ['InMage', 'InMageAzureV2', 'InMageRcm', 'InMageRcmFailback']);
  });

  for (const { r, resource } of recordedPolicies) {
    const type: string = resource.properties.providerSpecificDetails.instanceType;
    it(`${r.file}: ${type}`, async () => {
      const vault = vaultOf(resource.id);
      const { scope } = recordedScope([resource]);
      const [policy] = await scope.queries.listPolicies(vault);
      assert.equal(policy.id, resource.id);
      assert.equal(policy.providerType, type);
      if (type === 'InMageAzureV2' || type === 'InMage') {
        // Classic: the threshold as recorded (5 or 15 minutes in these vaults).
        assert.equal(policy.rpoThresholdMinutes, resource.properties.providerSpecificDetails.recoveryPointThresholdInMinutes);
        assert.ok([5, 15].includes(policy.rpoThresholdMinutes!), String(policy.rpoThresholdMinutes));
      } else {
        // Modernized: no threshold is recorded, only the crash- and app-consistent frequencies.
        assert.equal(policy.rpoThresholdMinutes, undefined);
        assert.ok('crashConsistentFrequencyInMinutes' in resource.properties.providerSpecificDetails);
      }
      // The reprotect pickers read the same policies through the same mapping.
      const infra = await listOnPremisesInfrastructure(recordedScope([resource]).scope.clients, vault);
      assert.deepEqual(infra.policies, [policy]);
    });
  }

  it('both classic thresholds of the recordings are read', async () => {
    const seen = new Set<number | undefined>();
    for (const { resource } of recordedPolicies) {
      const [policy] = await recordedScope([resource]).scope.queries.listPolicies(vaultOf(resource.id));
      seen.add(policy.rpoThresholdMinutes);
    }
    assert.deepEqual([...seen].sort(), [15, 5, undefined]);
  });
});

/** A recorded vault in the tree: its items folder under its vault row, on a clock fixed at `now`. */
function recordedTree(files: string[], now: number, policiesFail = false) {
  const resources = files.flatMap((f) => resourcesOf(recorded(f)));
  const { scope } = recordedScope(resources);
  if (policiesFail) scope.queries.listPolicies = () => Promise.reject(new Error('throttled'));
  (scope as { clock: Scope['clock'] }).clock = { now: () => now, sleep: async () => undefined };
  const listed: string[] = [];
  const listPoints = scope.queries.listRecoveryPoints.bind(scope.queries);
  scope.queries.listRecoveryPoints = (item) => (listed.push(item.friendlyName), listPoints(item));
  const vault = vaultOf(resources.find((x) => kindOf(x) === 'item').id);
  const refreshed: TreeNode[] = [];
  const states = new VaultStore();
  const ctx = {
    refresh: (n?: TreeNode) => n && refreshed.push(n),
    states,
    itemFilter: () => undefined,
    watchedJob: () => undefined,
    seedDiskResourceGroups: () => [],
  };
  const vaultNode = new VaultNode({ id: 'recorded' } as never, scope, vault, ctx as never);
  // The cache's clock is the wall clock's stand-in: it spaces requests, whatever the vault's clock.
  const wall = { ms: 0 };
  const provider = new SiteRecoveryTreeProvider(async () => [vaultNode], undefined, new RecoveryPointsCache(() => wall.ms));
  const rows = async () => {
    const nodes = (await provider.getChildren(vaultNode.items)).filter((n) => n instanceof ItemNode);
    return new Map(nodes.map((n) => [n.item.friendlyName, { node: n, ti: provider.getTreeItem(n) }]));
  };
  return { vaultNode, provider, rows, refreshed, listed, wall, states };
}

const icon = (ti: { iconPath?: unknown }) => (ti.iconPath as { id: string }).id;

describe('contract (reading): recorded vaults in the tree, with their policies', () => {
  it('a classic VM replicating to Azure 11 minutes behind, under a 5-minute policy, warns in its row and in its vault', async () => {
    const tree = recordedTree(
      ['V2ATFOJob.010.item-before-tfo.json', 'V2ATFOJob.006.policy-inmageazurev2.json', 'V2ATFOJob.008.policy-inmage-failback.json', 'V2ATFOJob.011.recoveryPoints.json'],
      Date.parse('2017-09-19T08:55:12Z'),
    );
    assert.equal(tree.provider.getTreeItem(tree.vaultNode).description, 'canaryexproute', 'before the VMs are read: as before');
    const { node, ti } = (await tree.rows()).get('V2aVm1')!;
    // Recorded: replication health Warning with no health issue; the RPO over the threshold says why.
    assert.equal(ti.description, 'Replicating to Azure · ⚠ RPO 11 min (over 5 min)');
    assert.equal(icon(ti), 'warning');
    assert.deepEqual(tree.refreshed, [tree.vaultNode], 'the vault row redraws once its VMs are read');
    assert.equal(tree.provider.getTreeItem(tree.vaultNode).description, 'canaryexproute · 1 VM: 1 to Azure · ⚠ 1 over RPO');

    // The icon warns for the RPO itself: the same reading with a Normal health (not recorded) still warns.
    tree.states.read([{ ...node.item, replicationHealth: 'Normal' }]);
    const healthy = (await tree.rows()).get('V2aVm1')!.ti;
    assert.equal(healthy.description, 'Replicating to Azure · ⚠ RPO 11 min (over 5 min)');
    assert.equal(icon(healthy), 'warning');
    tree.states.read([{ ...node.item, replicationHealth: 'Normal', rpoSeconds: 240 }]);
    assert.equal(icon((await tree.rows()).get('V2aVm1')!.ti), 'pass', 'within the threshold: the icon of its state');
    tree.states.read([node.item]);

    // Hovering: the recorded points, newest first, on the scope's clock; none is app-consistent.
    assert.equal(ti.tooltip, undefined, 'left for resolveTreeItem');
    const resolved = await tree.provider.resolveTreeItem(ti, node);
    const text = (resolved.tooltip as { value: string }).value.replace(/\\(.)/g, '$1');
    assert.match(text, /Latest crash-consistent point: 2017-09-19 08:51:12 UTC \(4 min ago\)/);
    assert.match(text, /Latest app-consistent point: none yet/);
    assert.match(text, /RPO: ⚠ 11 min · over the policy's 5 min threshold/);
    assert.match(text, /Next: Run a test failover/, 'the rows it had stay');
    // A second hover within seconds asks nothing; one after the cache's time asks again.
    tree.wall.ms = POINTS_TTL_MS - 1;
    await tree.provider.resolveTreeItem(tree.provider.getTreeItem(node), node);
    assert.deepEqual(tree.listed, ['V2aVm1']);
    tree.wall.ms = POINTS_TTL_MS;
    await tree.provider.resolveTreeItem(tree.provider.getTreeItem(node), node);
    assert.deepEqual(tree.listed, ['V2aVm1', 'V2aVm1']);
  });

  it('policies that cannot be read cost the rows nothing but the warning', async () => {
    const tree = recordedTree(
      ['V2ATFOJob.010.item-before-tfo.json', 'V2ATFOJob.006.policy-inmageazurev2.json', 'V2ATFOJob.011.recoveryPoints.json'],
      Date.parse('2017-09-19T08:55:12Z'),
      true,
    );
    assert.equal((await tree.rows()).get('V2aVm1')?.ti.description, 'Replicating to Azure · ⚠ warning: replication · RPO 11 min');
    assert.equal(tree.provider.getTreeItem(tree.vaultNode).description, 'canaryexproute · 1 VM: 1 to Azure');
  });

  it('classic VMs within their 15-minute policies: their RPO, no warning', async () => {
    const tree = recordedTree(
      ['V2ATestFailback.008.items-list.json', 'V2ATestFailback.006.policy-failback-inmage.json', 'V2ATestFailback.007.policy-inmageazurev2.json'],
      Date.parse('2021-04-06T12:00:00Z'),
    );
    const rows = await tree.rows();
    assert.equal(rows.get('V2A-W2K16-201')?.ti.description, 'Replicating to on-premises · RPO 4 min');
    assert.equal(icon(rows.get('V2A-W2K16-201')!.ti), 'debug-step-back', 'healthy and within its threshold: the icon of its state');
    // Its failover health warns of a missing drill, not of its RPO.
    assert.equal(rows.get('V2A-W2K19-202')?.ti.description, 'Replicating to Azure · ⚠ warning: No successful test failover has been done on th… · RPO 3 min');
    assert.equal(tree.provider.getTreeItem(tree.vaultNode).description, 'PwsTestRG · 2 VMs: 1 to Azure, 1 to on-premises');
  });

  it('modernized VMs: their RPO, and no threshold to warn with', async () => {
    const tree = recordedTree(
      [
        'TestV2ARCMReprotect.011.items-list.json',
        'TestV2ARCMReprotect.006.policy-v2aRcm-pwsh-testpolicy.json',
        'TestV2ARCMReprotect.007.policy-appconsistency-policy-failback.json',
        'TestV2ARCMReprotect.008.policy-24-hour-replication-policy.json',
        'TestV2ARCMReprotect.009.policy-crashconsistency-policy-failback.json',
      ],
      Date.parse('2023-01-01T00:00:00Z'),
    );
    const rows = await tree.rows();
    // 79,160 s behind, recorded: any classic threshold would warn; a modernized policy records
    // none, so the row says the RPO and Site Recovery's own critical health speaks for it.
    assert.equal(rows.get('Rcm-Ub18-154')?.ti.description, 'Replicating to Azure · ✖ critical: Recent crash consistent recovery point not avai… · RPO 22 h');
    assert.equal(tree.provider.getTreeItem(tree.vaultNode).description, 'V2A-ECY · 4 VMs: 1 to Azure, 2 in Azure, 1 not ready');
  });
});
