// The failover dialogs and the plan rows, on the practice vault through the real SDK: what the
// recovery-point picker and the confirmation say, and what a plan's rows say while its VMs are
// not all where the plan needs them.
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import type { Services } from '../../../src/services';
import type { RecoveryPlanInfo, ReplicatedItem } from '../../../src/domain/model';
import { planActions } from '../../../src/domain/actions';
import { planProvider } from '../../../src/azure/inputs';
import { changeRecoveryPointOptions, pointInUseId } from '../../../src/domain/recoveryPoints';
import { API_VERSIONS, getResourceJson } from '../../../src/azure/queries';
import { byName, practiceWorld } from './harness';

const fake = useFakeVscode();
const { failover } = require('../../../src/commands/failover') as typeof import('../../../src/commands/failover');
const { PlanNode } = require('../../../src/tree/plansFolder') as typeof import('../../../src/tree/plansFolder');
type PlanNodeT = InstanceType<typeof PlanNode>;
type PlanGroupNodeT = import('../../../src/tree/plansFolder').PlanGroupNode;
type Fake = typeof fake.vscode;

type World = Awaited<ReturnType<typeof practiceWorld>>;

interface Shown {
  picks: Array<{ title?: string; items: Array<{ label: string; description?: string; detail?: string; kind?: number }> }>;
  warnings: Array<{ message: string; detail?: string }>;
}

/** Records the quick picks and warnings the command shows; picks `label`, dismisses the confirmation. */
function capture(label: string): { shown: Shown; restore: () => void } {
  const window = fake.vscode.window as Fake['window'] & Record<string, unknown>;
  const saved = { showQuickPick: window.showQuickPick, showWarningMessage: window.showWarningMessage };
  const shown: Shown = { picks: [], warnings: [] };
  window.showQuickPick = (async (items: Array<{ label: string }>, options?: { title?: string }) => {
    shown.picks.push({ title: options?.title, items: await items });
    return (await items).find((i) => i.label === label);
  }) as Fake['window']['showQuickPick'];
  window.showWarningMessage = (async (message: string, options?: { detail?: string }) => {
    shown.warnings.push({ message, detail: options?.detail });
    return undefined;
  }) as Fake['window']['showWarningMessage'];
  return { shown, restore: () => Object.assign(window, saved) };
}

function servicesFor(): Services {
  const lines: string[] = [];
  const write = (l: string) => void lines.push(l);
  return { log: { info: write, warn: write, error: write, show: () => undefined } } as unknown as Services;
}

function planNode(w: World, plan: RecoveryPlanInfo, items: readonly ReplicatedItem[]): PlanNodeT {
  const folder = { items } as unknown as ConstructorParameters<typeof PlanNode>[3];
  return new PlanNode(undefined as unknown as ConstructorParameters<typeof PlanNode>[0], w.scope, plan, folder);
}

/**
 * A fixed start: the simulator lays recovery points out from its clock, and at some minutes of
 * the hour the latest app-consistent point is also the latest one (no data loss to show).
 */
const START = new Date('2026-03-10T10:37:00Z');

describe('failover dialogs on the practice vault', function () {
  this.timeout(60_000);
  afterEach(() => fake.reset());

  it('modernized VM: the picker names the VM; the confirmation gives the point type, time and age, and the replication group', async () => {
    const w = await practiceWorld({ scenario: 'failback-modernized', startTime: START });
    const vm = byName(await w.items(), /^erp-lnx-01$/);
    const { shown, restore } = capture('Latest app-consistent');
    w.sim.clearRequestLog();
    try {
      await failover(servicesFor(), undefined, undefined, { targets: [{ scope: w.scope, item: vm }] });
    } finally {
      restore();
    }
    assert.equal(shown.picks.length, 1);
    const pick = shown.picks[0];
    assert.equal(pick.title, 'Fail back erp-lnx-01: choose the recovery point');
    assert.deepEqual(
      pick.items.map((i) => i.label),
      ['Latest (crash-consistent)', 'Latest app-consistent'],
    );
    assert.match(pick.items[0].description!, /^\d\d:\d\d UTC · (just now|\d+ min ago) · recommended$/);
    assert.match(pick.items[1].description!, /^\d\d:\d\d UTC · (\d+ h )?\d+ min ago$/);
    assert.match(pick.items[1].detail!, /^(\d+ h )?\d+ min before Latest: writes after it are lost\.$/);
    assert.equal(shown.warnings.length, 1);
    const detail = shown.warnings[0].detail!;
    assert.match(detail, /^Recovery point: Latest app-consistent point, \d\d:\d\d UTC \((\d+ h )?\d+ min before Latest\): writes after it are lost\.$/m);
    assert.match(
      detail,
      /^erp-lnx-01 is in replication group erp-tier: failing it over alone recovers it to its own point; fail recovery plan failback-erp over to keep the group consistent\.$/m,
    );
    assert.equal(w.posts().length, 0, 'dismissing the confirmation sends nothing');
  });

  it('classic VM: specific points below a separator, each labelled by type with its time and age', async () => {
    const w = await practiceWorld({ startTime: START });
    const vm = byName(await w.items(), /^db-lnx-01$/);
    const { shown, restore } = capture('Latest (crash-consistent)');
    try {
      await failover(servicesFor(), undefined, undefined, { targets: [{ scope: w.scope, item: vm }] });
    } finally {
      restore();
    }
    const pick = shown.picks[0];
    assert.equal(pick.title, 'Fail back db-lnx-01: choose the recovery point');
    const separator = pick.items.findIndex((i) => i.kind === fake.vscode.QuickPickItemKind.Separator);
    assert.ok(separator > 0, 'specific points follow a separator');
    const specific = pick.items.slice(separator + 1);
    assert.ok(specific.length > 0);
    for (const i of specific) {
      assert.match(i.label, /^(App|Crash)-consistent$/);
      assert.match(i.description!, /UTC · (just now|.+ ago)$/);
      assert.match(i.detail!, /^(No data loss compared with Latest|.+ before Latest: writes after it are lost)\.$/);
    }
    assert.match(
      shown.warnings[0].detail!,
      /^Recovery point: Latest \(crash-consistent\): all data Site Recovery has received, newest point \d\d:\d\d UTC \((just now|\d+ min ago)\)\.$/m,
    );
  });
});

describe('recovery plan rows on the practice vault', function () {
  this.timeout(60_000);
  afterEach(() => fake.reset());

  it('says why a modernized plan lost Failover when one of its VMs already failed back', async () => {
    const w = await practiceWorld({ scenario: 'failback-modernized', startTime: START });
    const vm = byName(await w.items(), /^erp-lnx-01$/);
    const started = await w.scope.operations.failoverItem(vm, { kind: 'latest' });
    assert.equal((await w.runJob(started.jobName!)).state, 'Succeeded');
    const plan = (await w.scope.queries.listPlans(w.vault)).find((p) => p.friendlyName === 'failback-erp')!;
    assert.ok(!planActions(plan).includes('failover'), 'Failover is gone from the plan menu');
    const row = planNode(w, plan, await w.items()).treeItem();
    assert.equal(row.description, "can't fail back: 1 of 3 VMs already failed back");
    const tooltip = (row.tooltip as { value: string }).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Can't fail back now: 1 of 3 VMs already failed back/);
    assert.match(tooltip, /erp-lnx-01 has already failed back and awaits commit/);
  });

  it('shows how far a running plan failover is per group, with folder-like group icons', async () => {
    const w = await practiceWorld({ scenario: 'failback-modernized', startTime: START });
    let plan = (await w.scope.queries.listPlans(w.vault)).find((p) => p.friendlyName === 'failback-erp')!;
    const items = await w.items();
    const members = items.filter((i) => plan.groups.some((g) => g.itemIds.includes(i.id)));
    const started = await w.scope.operations.failoverPlan(plan, planProvider(plan, members)!, { kind: 'latest' });
    // Advance until the first boot group (sql-lnx-01) has finished and the second runs.
    let groups: PlanGroupNodeT[] = [];
    for (let i = 0; i < 60; i++) {
      await w.sim.advance(20_000);
      plan = await w.scope.queries.getPlan(w.vault, plan.name);
      const fresh = await Promise.all(members.map((m) => w.scope.queries.getItem(m)));
      groups = (await planNode(w, plan, fresh).children()) as PlanGroupNodeT[];
      if (groups[2].stage === 'done' && groups[3].stage === 'running') break;
    }
    assert.equal(groups[2].stage, 'done', 'the first boot group finished');
    const [shutdown, , first, second] = groups.map((g) => g.treeItem());
    assert.equal(shutdown.description, 'all groups of the plan');
    assert.equal((shutdown.iconPath as { id: string }).id, 'layers');
    assert.equal(first.description, 'Planned failover done');
    assert.equal((first.iconPath as { id: string }).id, 'pass');
    assert.match(String(second.description), /^Planned failover in progress · .+ · replication group: erp-tier$/);
    const vmRow = groups[2].children()[0].treeItem();
    assert.equal(vmRow.label, 'sql-lnx-01');
    assert.equal(vmRow.description, "Planned failover done · commit once the plan's job ends");
    assert.equal((await w.runJob(started.jobName!)).state, 'Succeeded');
  });
});

describe('change recovery point on the practice vault', function () {
  this.timeout(60_000);

  it('marks the point a VM failed over to Azure runs from, as Site Recovery names it (failoverRecoveryPointId)', async () => {
    const w = await practiceWorld({ scenario: 'failback-modernized', startTime: START });
    const vm = (await w.items()).find((i) => i.provider === 'InMageRcm' && i.allowedOperations.includes('ChangePit'))!;
    assert.ok(vm, 'the scenario has a VM failed over to Azure, awaiting commit');
    // What the mapper is to copy onto the item (see the report): properties.failoverRecoveryPointId.
    const raw = (await getResourceJson(w.scope.clients, w.vault.subscriptionId, vm.id, API_VERSIONS.siteRecovery)) as { properties?: { failoverRecoveryPointId?: string } };
    const inUse = pointInUseId({ ...vm, failoverRecoveryPointId: raw.properties?.failoverRecoveryPointId });
    assert.ok(inUse, 'Site Recovery names the point in use');
    const options = changeRecoveryPointOptions(await w.scope.queries.listRecoveryPoints(vm), inUse, w.scope.clock.now());
    assert.equal(options.filter((o) => o.inUse).length, 1, 'exactly one point is marked in use');
    assert.match(options.find((o) => o.inUse)!.description, / · in use$/);
  });
});
