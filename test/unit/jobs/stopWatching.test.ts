import assert from 'node:assert/strict';
import { JobWatchEnded } from '../../../src/jobs/trackedJob';
import { lines, useHarness } from './harness';

describe('JobTracker: stop watching is not cancelling the job', () => {
  const harness = useHarness({ interval: 30_000 });

  it('stopFollowing leaves the Site Recovery job running; Cancel Job ends it, reported Cancelled once', async () => {
    const h = harness();
    const { item, jobName, tracker, watched: w, finished } = await h.followFailover();
    let progressUpdates = 0;
    w.onUpdate(() => progressUpdates++);
    await h.timers.advance(0);
    assert.equal(progressUpdates, 1);

    // The progress notification's Cancel: UI interest goes, the job and the output stream stay.
    w.stopFollowing();
    assert.equal(w.watching, false);
    const logged = h.log.length;
    await h.timers.advance(2 * h.interval);
    assert.equal(progressUpdates, 1, 'no more progress updates');
    assert.ok(h.log.length > logged, 'the output channel still gets the tasks');
    assert.deepEqual(tracker.running(), [w], 'still followed (status bar, final notification)');
    assert.equal(h.store.value.length, 1, 'still persisted');
    assert.equal((await h.queries.getJob(h.vault, jobName)).state, 'InProgress', 'Site Recovery job still running');

    // The separate Cancel Job command.
    await h.operations.cancelJob(h.vault, jobName);
    await h.timers.advance(h.interval);
    const final = await w.done;
    assert.equal(final.state, 'Cancelled');
    assert.equal(finished.length, 1);
    assert.equal(finished[0].state, 'Cancelled');
    assert.equal(lines(h).filter((l) => /^\[app-lnx-01\] Failover cancelled in \d+ s\.$/.test(l)).length, 1);
    assert.equal(item.friendlyName, 'app-lnx-01');
    await h.timers.advance(5 * h.interval);
    assert.equal(finished.length, 1, 'reported once');
    assert.equal(tracker.running().length, 0);
    assert.deepEqual(h.store.value, []);
  });

  it('stopFollowing({ forget: true }) stops polling and forgets the watch, the job goes on', async () => {
    const h = harness();
    const { jobName, tracker, watched: w, finished } = await h.followFailover();
    await h.timers.advance(0);
    w.stopFollowing({ forget: true });
    await assert.rejects(w.done, (e: unknown) => e instanceof JobWatchEnded && e.reason === 'forgotten');
    assert.deepEqual(h.store.value, []);
    assert.equal(tracker.running().length, 0);
    assert.equal(h.timers.size, 0, 'no poll pending');

    h.sim.clearRequestLog();
    await h.timers.advance(20 * 60_000);
    assert.equal(h.sim.requestLog.length, 0);
    assert.equal(finished.length, 0);
    assert.equal((await h.queries.getJob(h.vault, jobName)).state, 'Succeeded', 'the job ran to its end in Site Recovery');
  });
});
