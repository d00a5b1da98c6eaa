import assert from 'node:assert/strict';
import type { JobInfo } from '../../../src/domain/model';
import { JobTracker } from '../../../src/jobs/jobTracker';
import { POLL_INTERVAL_MS, reliabilityWorld, SCOPE_KEY } from './world';

describe('reliability: a reload in the middle of an outage', () => {
  it('the next session resumes the watch from the store and reports the job exactly once', async () => {
    const w = await reliabilityWorld('classic');
    try {
      const item = await w.readyItem();
      const { jobName } = await w.operations.failoverItem(item, { kind: 'latest' });
      w.tracker.follow({ scopeKey: SCOPE_KEY, vault: w.vault, jobName: jobName!, label: item.friendlyName });
      await w.timers.advance(0);
      w.sim.injectFault({ kind: 'unavailable', method: 'GET', pathIncludes: '/replicationJobs', times: Infinity, retryAfterSeconds: 0 });
      await w.timers.advance(3 * POLL_INTERVAL_MS);
      w.tracker.dispose(); // VS Code reloads while Site Recovery's job API is down
      assert.equal(w.store.value.length, 1, 'the watch survives the reload');

      const finished: JobInfo[] = [];
      const next = new JobTracker({ scopes: () => w.queries, store: w.store, log: () => undefined, interval: () => POLL_INTERVAL_MS, timers: w.timers, now: () => w.sim.now() });
      next.onFinished((job) => finished.push(job));
      assert.deepEqual(await next.resume(), { resumed: 1, waiting: 0 });
      for (let i = 0; i < 6; i++) await w.timers.advance(w.timers.nextDelay()!);
      assert.equal(next.running().length, 1, 'still followed while the outage lasts');
      w.sim.clearFaults();
      for (let i = 0; i < 100 && next.running().length; i++) await w.timers.advance(w.timers.nextDelay()!);
      assert.deepEqual(
        finished.map((j) => [j.name, j.state]),
        [[jobName, 'Succeeded']],
      );
      assert.equal(w.reports.size, 0, 'the disposed session reported nothing');
      assert.deepEqual(w.store.value, []);
      next.dispose();
    } finally {
      w.dispose();
    }
  });
});
