import assert from 'node:assert/strict';
import { SiteRecoverySimulator } from '../../../src/simulator/index';
import { CLASSIC, clients, collect, createSim, itemPath, raw, vaultPath, jobNameOf } from './helpers';

const isArmError = (json: Record<string, any> | undefined) => typeof json?.error?.code === 'string' && typeof json.error.message === 'string';

describe('simulator: bad requests always get ARM-shaped errors', function () {
  it('auth, api-version, routes and methods', async () => {
    const sim = createSim();
    const path = `${vaultPath(sim)}/replicationProtectedItems`;
    const noToken = await raw(sim, 'GET', `${path}?api-version=2023-06-01`, undefined, {});
    assert.equal(noToken.status, 401);
    assert.equal(noToken.json?.error.code, 'AuthenticationFailed');
    assert.equal((await raw(sim, 'GET', path)).json?.error.code, 'MissingApiVersionParameter');
    assert.equal((await raw(sim, 'GET', `${path}?api-version=1999-01-01`)).json?.error.code, 'InvalidApiVersionParameter');
    for (const v of ['2021-02-10', '2023-06-01', '2025-08-01', '2026-01-01', '2026-02-01', '2026-05-01']) {
      assert.equal((await raw(sim, 'GET', `${path}?api-version=${v}`)).status, 200, v);
    }
    assert.equal(
      (
        await raw(
          sim,
          'GET',
          `/Subscriptions/${sim.subscriptionId}/resourceGroups/${CLASSIC.rg}/providers/Microsoft.RecoveryServices/vaults/${CLASSIC.vault}/replicationJobs?api-version=2023-06-01`,
        )
      ).status,
      200,
    );
    const unknown = await raw(sim, 'GET', '/nothing/here?api-version=2023-06-01');
    assert.equal(unknown.status, 404);
    assert.ok(isArmError(unknown.json));
    const put = await raw(sim, 'PUT', `${path}?api-version=2023-06-01`, '{}');
    assert.equal(put.status, 405);
    assert.ok(isArmError(put.json));
    assert.equal(
      (
        await raw(
          sim,
          'GET',
          `/subscriptions/${sim.subscriptionId}/resourceGroups/${CLASSIC.rg}/providers/Microsoft.RecoveryServices/vaults/nope/replicationJobs?api-version=2023-06-01`,
        )
      ).json?.error.code,
      'ResourceNotFound',
    );
    const missingItem = await raw(sim, 'GET', `${itemPath(sim, 'nope')}?api-version=2023-06-01`);
    assert.equal(missingItem.status, 404);
    assert.ok(missingItem.json?.error.possibleCauses);
    assert.ok(sim.requestLog.every((r) => !JSON.stringify(r).includes('Bearer')));
    sim.dispose();
  });

  it('garbage bodies, wrong instanceType and hostile input never make handle() throw', async () => {
    const sim = createSim();
    const failover = `${itemPath(sim, 'app-lnx-01')}/unplannedFailover?api-version=2023-06-01`;
    const garbage = await raw(sim, 'POST', failover, '{not json');
    assert.equal(garbage.status, 400);
    assert.equal(garbage.json?.error.code, 'InvalidRequestContent');
    const wrong = await raw(sim, 'POST', failover, JSON.stringify({ properties: { providerSpecificDetails: { instanceType: 'A2A' } } }));
    assert.equal(wrong.status, 400);
    assert.ok(wrong.json?.error.recommendedAction);
    const bodies = ['null', '[]', '"x"', '{"properties":null}', '{"properties":{"providerSpecificDetails":[]}}', '{"properties":{"failoverDirection":5}}'];
    const paths = [
      failover,
      `${itemPath(sim, 'web-win-03')}/reProtect?api-version=2023-06-01`,
      `${vaultPath(sim)}/replicationRecoveryPlans/failback-app-tier/unplannedFailover?api-version=2023-06-01`,
      `${vaultPath(sim)}/replicationJobs?api-version=2023-06-01&$filter=${encodeURIComponent("state eq 'x' and (")}`,
      `${vaultPath(sim)}/replicationJobs?api-version=2023-06-01&$filter=bogus%20eq%201`,
      `${vaultPath(sim)}/replicationProtectedItems?api-version=2023-06-01&skipToken=%%%`,
      `/subscriptions/%E0%A4%A/x?api-version=1`,
    ];
    for (const p of paths) {
      for (const b of bodies) {
        const res = await sim.handle({ method: 'POST', url: `${sim.endpoint}${p}`, headers: { Authorization: 'Bearer t' }, body: b });
        assert.ok(res.status >= 400 && res.status < 500, `${p} ${b} → ${res.status}`);
        assert.ok(isArmError(JSON.parse(res.body ?? '{}')), `${p} ${b}`);
      }
    }
    const invalidUrl = await sim.handle({ method: 'GET', url: 'not a url', headers: {} });
    assert.equal(invalidUrl.status, 400);
    sim.dispose();
  });
});

describe('simulator: jobs', function () {
  it('filters jobs by name list, state and startTime, and cancel restores the item', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    const started = sim.now();
    const p1 = await asr.replicationProtectedItems.beginFailoverCommit(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'web-lnx-02');
    const p2 = await asr.replicationProtectedItems.beginUnplannedFailover(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'db-lnx-01', {
      properties: { providerSpecificDetails: { instanceType: 'InMage', recoveryPointType: 'LatestTag' } as never },
    });
    const [j1, j2] = [jobNameOf(p1), jobNameOf(p2)];
    const both = await collect(asr.replicationJobs.list(CLASSIC.vault, CLASSIC.rg, { filter: `name in ('${j1}','${j2}')` }));
    assert.deepEqual(both.map((j) => j.name).sort(), [j1, j2].sort());
    const orForm = await collect(
      asr.replicationJobs.list(CLASSIC.vault, CLASSIC.rg, { filter: `startTime ge '${started.toISOString()}' and (name eq '${j1}' or name eq '${j2}')` }),
    );
    assert.equal(orForm.length, 2);
    await sim.advance(10_000);
    const running = await asr.replicationJobs.get(CLASSIC.vault, CLASSIC.rg, j2);
    assert.equal(running.properties?.state, 'InProgress');
    assert.deepEqual(running.properties?.allowedActions, ['Cancel']);
    assert.equal(running.properties?.tasks?.[1].startTime?.toISOString(), '0001-01-01T00:00:00.000Z');
    const busy = await asr.replicationProtectedItems.get(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'db-lnx-01');
    assert.equal(busy.properties?.currentScenario?.scenarioName, 'UnplannedFailover');
    assert.deepEqual(busy.properties?.allowedOperations, []);
    const cancelled = await asr.replicationJobs.beginCancelAndWait(CLASSIC.vault, CLASSIC.rg, j2, { updateIntervalInMs: 1 });
    assert.equal(cancelled.properties?.state, 'Cancelled');
    const back = await asr.replicationProtectedItems.get(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'db-lnx-01');
    assert.equal(back.properties?.protectionState, 'Protected');
    assert.equal(back.properties?.currentScenario?.scenarioName, 'None');
    const inProgress = await collect(asr.replicationJobs.list(CLASSIC.vault, CLASSIC.rg, { filter: "state eq 'InProgress'" }));
    assert.deepEqual(
      inProgress.map((j) => j.name),
      [j1],
    );
    sim.dispose();
  });

  it('beginXAndWait works with a running clock (practice mode speed) and onChange streams job/task/item events', async () => {
    const sim = SiteRecoverySimulator.create({ clock: { speed: 600 }, retryAfterSeconds: 0 });
    const { asr } = clients(sim);
    const events: string[] = [];
    const sub = sim.onChange((e) => events.push(e.kind));
    const item = await asr.replicationProtectedItems.beginFailoverCommitAndWait(CLASSIC.vault, CLASSIC.rg, CLASSIC.fabric, CLASSIC.container, 'web-lnx-02', {
      updateIntervalInMs: 20,
    });
    assert.equal(item.properties?.protectionState, 'UnplannedFailoverCommitted');
    assert.ok(events.includes('job') && events.includes('task') && events.includes('item'));
    sub.dispose();
    sim.dispose();
  });
});
