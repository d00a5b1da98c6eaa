import assert from 'node:assert/strict';
import { RestError } from '@azure/core-rest-pipeline';
import { CLASSIC, clients, collect, createSim, raw, vaultPath, jobNameOf } from './helpers';

const { vault, rg, fabric, container } = CLASSIC;

describe('simulator: injected faults', function () {
  it('the SDK retry policy recovers from 429 and 503 on GETs (two requests, success to the caller)', async () => {
    for (const kind of ['throttle', 'unavailable'] as const) {
      const sim = createSim();
      const { asr } = clients(sim);
      sim.injectFault({ kind, method: 'GET', pathIncludes: '/replicationProtectedItems/app-lnx-01', retryAfterSeconds: 0 });
      const item = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'app-lnx-01');
      assert.equal(item.name, 'app-lnx-01');
      assert.deepEqual(
        sim.requestLog.map((r) => r.status),
        [kind === 'throttle' ? 429 : 503, 200],
      );
      sim.dispose();
    }
  });

  it('serverError → 500, expiredToken → 401 ExpiredAuthenticationToken with WWW-Authenticate', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    sim.injectFault({ kind: 'serverError', times: Infinity, pathIncludes: '/replicationPolicies' });
    await assert.rejects(collect(asr.replicationPolicies.list(vault, rg)), (e: RestError) => e.statusCode === 500);
    sim.clearFaults();
    const expired = (sim.injectFault({ kind: 'expiredToken' }), await raw(sim, 'GET', `${vaultPath(sim)}/replicationPolicies?api-version=2023-06-01`));
    assert.equal(expired.status, 401);
    assert.equal(expired.json?.error.code, 'ExpiredAuthenticationToken');
    assert.match(expired.headers['WWW-Authenticate'], /invalid_token/);
    sim.dispose();
  });

  it('reset → ECONNRESET from the http client; malformedJson → truncated 200 body; latency delays', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    sim.injectFault({ kind: 'reset', times: Infinity, pathIncludes: '/replicationFabrics' });
    await assert.rejects(collect(asr.replicationFabrics.list(vault, rg)), (e: RestError) => e.code === 'ECONNRESET');
    sim.clearFaults();
    sim.injectFault({ kind: 'malformedJson', pathIncludes: '/replicationPolicies' });
    const bad = await sim.handle({ method: 'GET', url: `${sim.endpoint}${vaultPath(sim)}/replicationPolicies?api-version=2023-06-01`, headers: { authorization: 'Bearer t' } });
    assert.equal(bad.status, 200);
    assert.throws(() => JSON.parse(bad.body ?? ''));
    sim.injectFault({ kind: 'latency', latencyMs: 120 });
    const t0 = Date.now();
    await asr.replicationPolicies.get(vault, rg, 'failback-policy');
    assert.ok(Date.now() - t0 >= 100);
    sim.dispose();
  });

  it('a 503 on a POST is refused before processing by default, or after processing with afterProcessing', async () => {
    const post = (sim: ReturnType<typeof createSim>) =>
      raw(
        sim,
        'POST',
        `${vaultPath(sim)}/replicationFabrics/${fabric}/replicationProtectionContainers/${container}/replicationProtectedItems/web-lnx-02/failoverCommit?api-version=2023-06-01`,
      );
    for (const afterProcessing of [false, true]) {
      const sim = createSim();
      sim.injectFault({ kind: 'unavailable', method: 'POST', afterProcessing });
      assert.equal((await post(sim)).status, 503);
      const jobs = await collect(clients(sim).asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'CommitFailover'" }));
      assert.equal(jobs.filter((j) => j.properties?.targetObjectName === 'web-lnx-02' && j.properties.state !== 'Succeeded').length, afterProcessing ? 1 : 0);
      sim.dispose();
    }
  });

  it('stallJob keeps the next job InProgress until faults are cleared', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    sim.injectFault({ kind: 'stallJob' });
    const poller = await asr.replicationProtectedItems.beginFailoverCommit(vault, rg, fabric, container, 'web-lnx-02');
    const jobName = jobNameOf(poller);
    await sim.advance(60 * 60_000);
    assert.equal((await asr.replicationJobs.get(vault, rg, jobName)).properties?.state, 'InProgress');
    sim.clearFaults();
    await sim.advance(5 * 60_000);
    assert.equal((await asr.replicationJobs.get(vault, rg, jobName)).properties?.state, 'Succeeded');
    sim.dispose();
  });
});
