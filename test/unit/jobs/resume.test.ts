import assert from 'node:assert/strict';
import type { JobInfo } from '../../../src/domain/model';
import type { JobTracker } from '../../../src/jobs/jobTracker';
import { JobWatchEnded } from '../../../src/jobs/trackedJob';
import type { FollowedJob } from '../../../src/jobs/types';
import { createHarness, lines, SCOPE, type Harness } from './harness';

function countFinished(tracker: JobTracker): Array<{ job: JobInfo; watch: FollowedJob }> {
  const seen: Array<{ job: JobInfo; watch: FollowedJob }> = [];
  tracker.onFinished((job, watch) => seen.push({ job, watch }));
  return seen;
}

describe('JobTracker: resume after a reload', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ interval: 30_000 });
  });
  afterEach(() => h.dispose());

  it('reports a job that ended while VS Code was closed exactly once', async () => {
    const [{ item, jobName }] = await h.startFailovers(1);
    const a = h.tracker();
    const finishedA = countFinished(a);
    const wa = a.follow(h.followReq(h.vault, jobName, item.friendlyName));
    await h.timers.advance(0);
    await h.timers.advance(h.interval);
    assert.equal(wa.latest?.state, 'InProgress');

    // Reload: tracker A goes away mid-job; the store keeps the watch, with the job's start.
    a.dispose();
    await assert.rejects(wa.done, (e: unknown) => e instanceof JobWatchEnded && e.reason === 'disposed');
    assert.equal(h.store.value.length, 1);
    assert.equal(h.store.value[0].jobName, jobName);
    // The first reading's start (the job was created, not yet started) is kept: the earliest bound.
    assert.ok(Date.parse(h.store.value[0].startTime!) <= wa.latest!.startTime!.getTime());
    assert.ok(Date.parse(h.store.value[0].startTime!) > Date.parse(h.store.value[0].watchedAt) - 60_000);

    // The job finishes while nobody watches.
    await h.sim.advance(15 * 60_000);
    h.sim.clearRequestLog();
    const logBefore = h.log.length;

    const b = h.tracker();
    const finishedB = countFinished(b);
    assert.deepEqual(await b.resume(), { resumed: 1, waiting: 0 });
    await h.timers.advance(0);
    assert.equal(finishedB.length, 1);
    assert.equal(finishedB[0].job.name, jobName);
    assert.equal(finishedB[0].job.state, 'Succeeded');
    assert.equal(finishedB[0].watch.label, item.friendlyName);
    assert.equal(finishedA.length, 0);
    assert.deepEqual(h.store.value, [], 'reported, so no longer persisted');
    assert.equal(h.jobListRequests().length, 1, 'one read was enough');
    // B wrote the rest of the job's story (tasks seen by A are repeated: B starts afresh).
    assert.match(lines(h).slice(logBefore).at(-1)!, new RegExp(`^\\[${item.friendlyName}\\] Failover succeeded in `));

    // A second resume, by B or by a third tracker, reports nothing and sends nothing.
    assert.deepEqual(await b.resume(), { resumed: 0, waiting: 0 });
    const c = h.tracker();
    const finishedC = countFinished(c);
    assert.deepEqual(await c.resume(), { resumed: 0, waiting: 0 });
    await h.timers.advance(5 * h.interval);
    assert.equal(finishedB.length + finishedC.length, 1);
    assert.equal(h.jobListRequests().length, 1);
  });

  it('two trackers resuming the same store at once report the job once', async () => {
    const [{ item, jobName }] = await h.startFailovers(1);
    const a = h.tracker();
    a.follow(h.followReq(h.vault, jobName, item.friendlyName));
    a.dispose();
    await h.sim.advance(15 * 60_000);

    const b = h.tracker();
    const c = h.tracker();
    const finishedB = countFinished(b);
    const finishedC = countFinished(c);
    const [rb, rc] = await Promise.all([b.resume(), c.resume()]);
    assert.deepEqual([rb.resumed, rc.resumed], [1, 1], 'both follow it (each window has its own output)');
    await h.timers.advance(0);
    assert.equal(finishedB.length + finishedC.length, 1, 'whoever removes the entry first reports');
    assert.equal(b.running().length + c.running().length, 0);
    assert.deepEqual(h.store.value, []);
  });

  it('keeps watches of an unavailable scope and resumes them when it comes back', async () => {
    const [{ item, jobName }] = await h.startFailovers(1);
    const a = h.tracker();
    a.follow(h.followReq(h.vault, jobName, item.friendlyName));
    a.dispose();
    h.store.value.push({ ...h.store.value[0], scopeKey: 'account:gone', jobName: 'not-reachable' });

    let signedIn = false;
    const b = h.tracker({ scopes: (key) => (key === SCOPE && signedIn ? h.queries : undefined), resumeRetryMs: 60_000 });
    const finished = countFinished(b);
    assert.deepEqual(await b.resume(), { resumed: 0, waiting: 2 });
    assert.equal(h.store.value.length, 2, 'both stay persisted');

    signedIn = true;
    await h.timers.advance(60_000); // the retry picks up the scope that came back
    assert.equal(b.running().length, 1);
    await h.sim.advance(15 * 60_000);
    await h.timers.advance(h.interval);
    assert.equal(finished.length, 1);
    assert.deepEqual(
      h.store.value.map((w) => w.scopeKey),
      ['account:gone'],
      'the unreachable one waits on',
    );
  });
});
