import assert from 'node:assert/strict';
import type { AuthExpiredEvent } from '../../../src/jobs/types';
import { SCOPE, useHarness } from './harness';

describe('JobTracker: expired sign-in', () => {
  const harness = useHarness({ interval: 30_000 });

  it('a 401 pauses the vault poller and raises onAuthExpired once instead of spinning', async () => {
    const h = harness();
    const { tracker, watched: w } = await h.followFailover();
    const expired: AuthExpiredEvent[] = [];
    tracker.onAuthExpired((e) => expired.push(e));
    h.sim.injectFault({ kind: 'expiredToken', method: 'GET', pathIncludes: '/replicationJobs', times: Infinity });
    h.sim.clearRequestLog();

    await h.timers.advance(0);
    await h.timers.advance(10 * h.interval);
    assert.equal(h.sim.requestLog.length, 1, 'one request, then silence');
    assert.equal(h.sim.requestLog[0].status, 401);
    assert.equal(h.timers.size, 0, 'nothing scheduled while paused');
    assert.equal(expired.length, 1);
    assert.equal(expired[0].scopeKey, SCOPE);
    assert.equal(expired[0].vault.vaultName, h.vault.vaultName);
    assert.match(expired[0].message, /ExpiredAuthenticationToken/);
    assert.equal(h.log.filter((l) => l.level === 'error').length, 1);
    assert.deepEqual(tracker.running(), [w], 'the watch is kept');
    assert.equal(h.store.value.length, 1);

    // Signed in again: the poller picks up where it left off.
    h.sim.clearFaults();
    tracker.resumeAfterSignIn(SCOPE);
    for (let i = 0; i < 30 && tracker.running().length; i++) await h.runPolls(1);
    assert.equal((await w.done).state, 'Succeeded');
    assert.equal(expired.length, 1);
  });
});
