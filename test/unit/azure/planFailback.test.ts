import assert from 'node:assert/strict';
import { planFailoverRefusals } from '../../../src/domain/prechecks';
import { planProvider } from '../../../src/azure/inputs';
import { getResourceJson, API_VERSIONS } from '../../../src/azure/queries';
import { isAppConsistent } from '../../../src/domain/recoveryPoints';
import type { RecoveryPointChoice } from '../../../src/domain/recoveryPoints';
import type { ReplicatedItem } from '../../../src/domain/model';
import { practiceWorld } from './harness';

type World = Awaited<ReturnType<typeof practiceWorld>>;

async function failoverPointId(w: World, item: ReplicatedItem): Promise<string | undefined> {
  const raw = (await getResourceJson(w.scope.clients, w.vault.subscriptionId, item.id, API_VERSIONS.siteRecovery)) as { properties?: { failoverRecoveryPointId?: string } };
  return raw.properties?.failoverRecoveryPointId?.split('/').pop()?.toLowerCase();
}

async function planFailback(choice: RecoveryPointChoice) {
  const w = await practiceWorld();
  const plan = (await w.scope.queries.listPlans(w.vault)).find((p) => p.friendlyName === 'failback-app-tier')!;
  const ids = plan.groups.flatMap((g) => g.itemIds);
  const members = await Promise.all(ids.map((id) => w.scope.queries.getItemById(w.vault, id)));
  const points = new Map(await Promise.all(members.map(async (m) => [m.id, await w.scope.queries.listRecoveryPoints(m)] as const)));
  assert.deepEqual(planFailoverRefusals(plan, members, new Map([...points].map(([id, p]) => [id, p.length]))), [], 'every VM of the plan can fail back');
  const provider = planProvider(plan, members)!;
  assert.equal(provider, 'InMage');

  w.sim.clearRequestLog();
  const started = await w.scope.operations.failoverPlan(plan, provider, choice);
  const posts = w.posts();
  assert.equal(posts.length, 1, 'one POST for the plan');
  assert.match(posts[0].path, /replicationRecoveryPlans\/failback-app-tier\/unplannedFailover$/i);
  const body = posts[0].body as {
    properties: { failoverDirection: string; sourceSiteOperations: string; providerSpecificDetails: Array<{ instanceType: string; recoveryPointType: string }> };
  };
  assert.deepEqual(body.properties.providerSpecificDetails, [{ instanceType: 'InMage', recoveryPointType: choice.kind === 'latest' ? 'LatestTime' : 'LatestTag' }]);
  assert.equal((await w.runJob(started.jobName!)).state, 'Succeeded');
  return { w, members, points };
}

describe('recovery plan failback with a replication group, through the SDK', function () {
  this.timeout(60_000);

  it('Latest: each VM recovers to its own latest point', async () => {
    const { w, members, points } = await planFailback({ kind: 'latest' });
    for (const m of members) assert.equal(await failoverPointId(w, m), points.get(m.id)![0].name.toLowerCase(), m.friendlyName);
  });

  it('app-consistent: the replication group recovers to the point all its VMs share', async () => {
    const { w, members, points } = await planFailback({ kind: 'appConsistent' });
    const group = members.filter((m) => m.multiVmGroupName === 'app-tier');
    assert.equal(group.length, 2);
    // The common point: the newest app-consistent time that every member of the group has.
    const times = group.map(
      (m) =>
        new Set(
          points
            .get(m.id)!
            .filter(isAppConsistent)
            .map((p) => p.time.getTime()),
        ),
    );
    const common = Math.max(...[...times[0]].filter((t) => times.every((s) => s.has(t))));
    for (const m of group) {
      const chosen = await failoverPointId(w, m);
      const point = points.get(m.id)!.find((p) => p.name.toLowerCase() === chosen);
      assert.equal(point?.time.getTime(), common, `${m.friendlyName} recovered to the group's common point`);
    }
    const own = points.get(members.find((m) => !m.multiVmGroupName)!.id)!.filter(isAppConsistent)[0];
    assert.equal(
      await failoverPointId(
        w,
        members.find((m) => !m.multiVmGroupName)!,
      ),
      own.name.toLowerCase(),
      'a VM outside the group: its own latest app-consistent point',
    );
  });
});

describe('change recovery point before commit, through the SDK', function () {
  this.timeout(30_000);

  it('refuses a classic failback item before sending anything: InMage has no apply-recovery-point input', async () => {
    const w = await practiceWorld();
    const item = (await w.items()).find((i) => i.provider === 'InMage' && i.allowedOperations.includes('ChangePit'));
    assert.ok(item, 'the classic scenario has a failed-back VM awaiting commit');
    const point = (await w.scope.queries.listRecoveryPoints(item))[0];
    w.sim.clearRequestLog();
    await assert.rejects(w.scope.operations.changeRecoveryPoint(item, point.id), /cannot change the recovery point of a InMage item/);
    assert.equal(w.posts().length, 0);
  });

  it('moves a VM failed over to Azure to the chosen point with one POST', async () => {
    const w = await practiceWorld({ scenario: 'failback-modernized' });
    const item = (await w.items()).find((i) => i.provider === 'InMageRcm' && i.allowedOperations.includes('ChangePit'));
    assert.ok(item, 'the scenario has a failed-over VM awaiting commit');
    const older = (await w.scope.queries.listRecoveryPoints(item))[3];
    w.sim.clearRequestLog();
    const started = await w.scope.operations.changeRecoveryPoint(item, older.id);
    assert.equal(w.posts().length, 1);
    assert.match(w.posts()[0].path, /\/applyRecoveryPoint$/i);
    assert.equal((await w.runJob(started.jobName!)).state, 'Succeeded');
    assert.equal(await failoverPointId(w, item), older.name.toLowerCase());
  });
});
