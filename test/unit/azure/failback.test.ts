import assert from 'node:assert/strict';
import { failbackPhase } from '../../../src/domain/itemState';
import type { ReplicatedItem } from '../../../src/domain/model';
import { prepareFailover } from '../../../src/workflows/failoverPrep';
import { listOnPremisesInfrastructure } from '../../../src/azure/infrastructure';
import { policiesFor } from '../../../src/domain/policies';
import { runReprotect, type ReprotectEvent } from '../../../src/workflows/reprotectRunner';
import { isSuccess } from '../../../src/domain/jobs';
import { DEFAULT_AGENT_RETRY } from '../../../src/domain/agentWindow';
import { generationOf } from '../../../src/domain/providers';
import { practiceWorld } from './harness';
import { InFlight } from '../../../src/workflows/inFlight';

type World = Awaited<ReturnType<typeof practiceWorld>>;

function readyItem(items: ReplicatedItem[], generation: 'classic' | 'modernized', withPoints = true): ReplicatedItem {
  const ready = items.filter((i) => failbackPhase(i) === 'readyToFailBack' && i.provider && generationOf(i.provider) === generation);
  assert.ok(ready.length > 0, `the scenario has a ${generation} VM ready to fail back`);
  return withPoints ? ready[0] : ready[ready.length - 1];
}

/** Choices taken from the vault's fabric, as the reprotect picker offers them. */
async function reprotectChoices(w: World) {
  const infra = await listOnPremisesInfrastructure(w.scope.clients, w.vault);
  const items = await w.items();
  const modernized = items.some((i) => i.provider === 'InMageRcmFailback');
  const onPrem = infra.processServers.find((s) => s.location !== 'azure') ?? infra.processServers[0];
  const policy = policiesFor(infra.policies, modernized ? 'modernized' : 'classic', 'toAzure')[0];
  const runAsAccountId = modernized ? items.find((i) => i.runAsAccountId)?.runAsAccountId : infra.runAsAccounts[0]?.id;
  return { processServerId: onPrem.id, policyId: policy.id, masterTargetId: infra.masterTargets[0]?.id, runAsAccountId };
}

async function wholeFailback(generation: 'classic' | 'modernized') {
  const w = await practiceWorld({ scenario: generation === 'classic' ? 'failback-classic' : 'failback-modernized' });
  const candidates = (await w.items()).filter((i) => failbackPhase(i) === 'readyToFailBack');
  const prep = await prepareFailover(w.scope.queries, candidates);
  const item = prep.ready.find((i) => i.provider && generationOf(i.provider) === generation);
  assert.ok(item, 'a VM passes the prechecks');

  w.sim.clearRequestLog();
  const started = await w.scope.operations.failoverItem(item, { kind: 'latest' });
  assert.ok(started.jobName, 'the job name comes from the POST response');
  const posts = w.posts();
  assert.equal(posts.length, 1, 'exactly one POST');
  const body = posts[0].body as { properties: { failoverDirection?: string; providerSpecificDetails: { instanceType: string; recoveryPointType: string } } };
  if (generation === 'classic') {
    assert.match(posts[0].path, /\/unplannedFailover$/i);
    assert.equal(body.properties.failoverDirection, 'PrimaryToRecovery');
    assert.deepEqual(body.properties.providerSpecificDetails, { instanceType: 'InMage', recoveryPointType: 'LatestTime' });
  } else {
    assert.match(posts[0].path, /\/plannedFailover$/i);
    assert.deepEqual(body.properties.providerSpecificDetails, { instanceType: 'InMageRcmFailback', recoveryPointType: 'CrashConsistent' });
  }
  const failoverJob = await w.runJob(started.jobName!);
  assert.equal(failoverJob.state, 'Succeeded');
  let now = await w.scope.queries.getItem(item);
  assert.equal(failbackPhase(now), 'awaitingCommit');

  const commit = await w.scope.operations.commitItem(now);
  assert.equal((await w.runJob(commit.jobName!)).state, 'Succeeded');
  now = await w.scope.queries.getItem(item);
  assert.equal(failbackPhase(now), 'needsReprotect');

  const events: ReprotectEvent[] = [];
  const choices = await reprotectChoices(w);
  let inFlight = 0;
  let maxInFlight = 0;
  const job = await runReprotect(
    now,
    choices,
    {
      queries: w.scope.queries,
      operations: {
        reprotectItem: async (i, c) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          return w.scope.operations.reprotectItem(i, c);
        },
      },
      waitForJob: async (name) => {
        const j = await w.runJob(name);
        inFlight--;
        return j;
      },
      clock: { now: () => w.sim.now().getTime(), sleep: (ms) => w.sim.advance(ms) },
      policy: DEFAULT_AGENT_RETRY,
    },
    (e) => events.push(e),
  );
  assert.ok(job && isSuccess(job.state), `reprotect succeeded: ${JSON.stringify(events.slice(-2))}`);
  assert.equal(maxInFlight, 1, 'never two reprotects in flight');
  const final = await w.scope.queries.getItem(item);
  assert.equal(failbackPhase(final), 'replicatingToAzure');
  return { w, events, choices, final };
}

describe('failback through the real SDK against the simulator', function () {
  this.timeout(60_000);

  it('classic: failover, commit, early reprotect meets the agent window, then succeeds', async () => {
    const { w, events, choices, final } = await wholeFailback('classic');
    assert.ok(
      events.some((e) => e.kind === 'agentNotReady'),
      'the first reprotect met the unregistered agent',
    );
    assert.equal(final.provider, 'InMageAzureV2');
    const reprotects = w.posts().filter((p) => /reprotect/i.test(p.path));
    assert.ok(reprotects.length >= 2);
    const sent = reprotects.at(-1)!.body as { properties: { providerSpecificDetails: Record<string, string> } };
    assert.equal(sent.properties.providerSpecificDetails.instanceType, 'InMageAzureV2');
    assert.equal(sent.properties.providerSpecificDetails.processServerId, choices.processServerId, 'the chosen process server is what is sent');
  });

  it('modernized: waits for the agent before sending reprotect', async () => {
    const { w, events, final } = await wholeFailback('modernized');
    assert.ok(
      events.some((e) => e.kind === 'waitingForAgent'),
      'waited for isAgentRegistrationSuccessfulAfterFailover',
    );
    assert.equal(w.posts().filter((p) => /reprotect/i.test(p.path)).length, 1, 'one reprotect: no failing attempt first');
    assert.ok(final.provider === 'InMageRcm');
  });

  it('refuses a VM without recovery points before sending anything', async () => {
    const w = await practiceWorld();
    const items = (await w.items()).filter((i) => failbackPhase(i) === 'readyToFailBack');
    w.sim.clearRequestLog();
    const prep = await prepareFailover(w.scope.queries, items);
    const noPoints = prep.refused.filter((r) => /no recovery point/.test(r.reason));
    assert.equal(noPoints.length, 1, 'the scenario VM without points is refused with its name');
    assert.match(noPoints[0].reason, new RegExp(noPoints[0].item.friendlyName));
    assert.equal(w.posts().length, 0, 'no POST');
  });

  it('sends one POST when the POST meets a 503 that Site Recovery refused', async () => {
    const w = await practiceWorld();
    const item = readyItem(await w.items(), 'classic');
    w.sim.clearRequestLog();
    w.sim.injectFault({ kind: 'unavailable', method: 'POST', times: 1 });
    await assert.rejects(w.scope.operations.failoverItem(item, { kind: 'latest' }));
    assert.equal(w.posts().length, 1, 'not re-sent by the SDK retry policy');
    assert.equal(failbackPhase(await w.scope.queries.getItem(item)), 'readyToFailBack', 'nothing started');
  });

  it('finds the job when a 503 hid an accepted POST', async () => {
    const w = await practiceWorld();
    const item = readyItem(await w.items(), 'classic');
    w.sim.clearRequestLog();
    w.sim.injectFault({ kind: 'unavailable', method: 'POST', times: 1, afterProcessing: true } as never);
    const started = await w.scope.operations.failoverItem(item, { kind: 'latest' });
    assert.ok(started.reconciled && started.jobName, 'job taken from the item after the transport error');
    assert.equal(w.posts().length, 1);
  });

  it('a double invocation sends one POST', async () => {
    const w = await practiceWorld();
    const item = readyItem(await w.items(), 'classic');
    w.sim.clearRequestLog();
    const guard = new InFlight();
    const attempt = async () => {
      if (!guard.tryHold(item.id)) return 'refused';
      try {
        return (await w.scope.operations.failoverItem(item, { kind: 'latest' })).jobName;
      } finally {
        guard.release(item.id);
      }
    };
    const [a, b] = await Promise.all([attempt(), attempt()]);
    assert.deepEqual([typeof a, b], ['string', 'refused']);
    assert.equal(w.posts().length, 1);
  });
});
