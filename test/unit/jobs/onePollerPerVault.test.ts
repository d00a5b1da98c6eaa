import assert from 'node:assert/strict';
import { createHarness, type Harness } from './harness';

describe('JobTracker: one poller per vault', () => {
  let h: Harness;
  beforeEach(async () => {
    // 'large' repeats the classic vault's infrastructure: enough VMs ready to fail back.
    h = await createHarness({ interval: 30_000, sim: { scenario: 'large', large: { fabrics: 1, containersPerFabric: 1, itemsPerContainer: 48 } } });
  });
  afterEach(() => h.dispose());

  it('20 concurrent jobs cost one job-list request per poll and no per-job GET', async () => {
    const started = await h.startFailovers(20);
    const tracker = h.tracker();
    const watched = started.map((s) => tracker.follow(h.followReq(h.vault, s.jobName, s.item.friendlyName)));
    assert.equal(tracker.running().length, 20);
    h.sim.clearRequestLog();

    await h.timers.advance(0); // the first read happens at once
    // A job's start as first reported (when it was created, before it left NotStarted).
    const oldestFirstSeen = Math.min(...watched.map((w) => w.latest!.startTime!.getTime()));
    for (let i = 0; i < 4; i++) await h.timers.advance(h.interval);

    const lists = h.jobListRequests();
    assert.equal(lists.length, 5, 'one list request per poll, 5 polls');
    assert.equal(h.jobGetRequests().length, 0, 'no GET per job');
    assert.equal(h.sim.requestLog.length, 5, 'nothing else was sent');
    // Polls are one interval apart in simulated time.
    const gaps = lists.slice(1).map((e, i) => e.time - lists[i].time);
    assert.deepEqual(gaps, [30_000, 30_000, 30_000, 30_000]);

    // The filter is a start-time bound no later than the oldest watched job's start.
    const oldestStart = Math.min(...watched.map((w) => w.latest!.startTime!.getTime()));
    for (const e of lists) {
      const m = /^startTime eq '([^']+)'$/.exec(e.query['$filter'] ?? '');
      assert.ok(m, `filter sent: ${e.query['$filter']}`);
      assert.ok(Date.parse(m[1]) <= oldestStart);
    }
    // Before the first reading the bound is our clock minus the skew allowance; once the jobs'
    // start times are known, it is the oldest of them (minus one minute of slack).
    const bound = (i: number) => Date.parse(/'([^']+)'/.exec(lists[i].query['$filter']!)![1]);
    assert.ok(bound(0) < oldestFirstSeen - 10 * 60_000);
    for (let i = 1; i < 5; i++) assert.equal(bound(i), oldestFirstSeen - 60_000);

    // Every job got its own readings from the shared list.
    for (const w of watched) {
      assert.equal(w.latest?.name, w.jobName);
      assert.equal(w.latest?.targetObjectName, w.label);
    }
    assert.ok(watched.some((w) => w.latest!.tasks.some((t) => t.state === 'Succeeded' || /Completed/.test(t.stateDescription ?? ''))));
  });

  it('a watched job missing from the list is fetched on its own (rare path)', async () => {
    const [{ item, jobName }] = await h.startFailovers(1);
    // A client clock 20 minutes ahead of Site Recovery's, with no skew allowance: the
    // first filter starts after the job did, so the list cannot return it.
    const tracker = h.tracker({ clockSkewMs: 0, now: () => new Date(h.sim.now().getTime() + 20 * 60_000) });
    const w = tracker.follow(h.followReq(h.vault, jobName, item.friendlyName));
    h.sim.clearRequestLog();
    await h.timers.advance(0);
    assert.equal(h.jobListRequests().length, 1);
    assert.equal(h.jobGetRequests().length, 1);
    assert.equal(w.latest?.name, jobName);
    // Now the job's own start bounds the filter: the next poll finds it in the list.
    await h.timers.advance(h.interval);
    assert.equal(h.jobListRequests().length, 2);
    assert.equal(h.jobGetRequests().length, 1);
  });
});
