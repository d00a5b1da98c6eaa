import assert from 'node:assert/strict';
import { backoffDelay } from '../../../src/jobs/backoff';
import { createHarness, type Harness } from './harness';

const JOB_LIST = { method: 'GET', pathIncludes: '/replicationJobs' };

describe('JobTracker: throttling and failure streaks', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it('backs off exponentially through a 503 streak, logs it once, and keeps the watch', async () => {
    h = await createHarness({ interval: 10_000 });
    const { jobName, watched: w, finished } = await h.followFailover({ maxBackoffMs: 60_000 });
    await h.timers.advance(0);
    assert.equal(w.latest?.name, jobName);

    // Four polls fail: each is 1 request + 3 retries by the SDK (Retry-After: 0 makes those immediate).
    h.sim.injectFault({ kind: 'unavailable', ...JOB_LIST, retryAfterSeconds: 0, times: 16 });
    h.sim.clearRequestLog();
    const before = h.timers.requested.length;
    await h.runPolls(5);
    const delays = h.timers.requested.slice(before);
    // After failures 1..4: 20 s, 40 s, 60 s (cap), 60 s; then the first good poll: back to 10 s.
    assert.deepEqual(delays, [20_000, 40_000, 60_000, 60_000, 10_000]);
    assert.equal(w.latest?.state, 'InProgress', 'the job went on meanwhile');
    assert.equal(h.jobListRequests().length, 4 * 4 + 1, 'the SDK retried each failed poll 3 times, then one good poll');
    assert.equal(h.jobListRequests().filter((e) => e.status === 503).length, 16);

    const warnings = h.log.filter((l) => l.level === 'warn');
    assert.equal(warnings.length, 1, 'one warning per failure streak');
    assert.match(warnings[0].line, /Could not read the jobs of contoso-dr-vault \(ServiceUnavailable: /);
    assert.equal(h.log.filter((l) => /works again after 4 failed attempt/.test(l.line)).length, 1);

    // The watch survived: the job is followed to its end and reported once.
    for (let i = 0; i < 40 && finished.length === 0; i++) await h.runPolls(1);
    assert.equal(finished.length, 1);
    assert.equal((await w.done).state, 'Succeeded');
  });

  it('waits at least the Retry-After of a poll that stayed throttled', async () => {
    // A short interval so that the exponential backoff (2 × 20 ms) is below the Retry-After (200 ms).
    h = await createHarness({ interval: 20 });
    await h.followFailover();
    await h.timers.advance(0);

    // 429 on the request and on all 3 SDK retries (the SDK itself waits Retry-After between them).
    h.sim.injectFault({ kind: 'throttle', ...JOB_LIST, retryAfterSeconds: 0.2, times: 4 });
    h.sim.clearRequestLog();
    const before = h.timers.requested.length;
    const started = Date.now();
    await h.runPolls(1);
    assert.ok(Date.now() - started >= 3 * 200 - 50, 'the SDK honoured Retry-After between its retries');
    assert.equal(h.jobListRequests().filter((e) => e.status === 429).length, 4);
    assert.equal(backoffDelay(20, 1), 40);
    assert.deepEqual(h.timers.requested.slice(before), [200], 'the next poll waits the Retry-After, not the 40 ms backoff');
    await h.runPolls(1);
    assert.equal(h.jobListRequests().at(-1)?.status, 200);
    assert.deepEqual(h.timers.requested.slice(before), [200, 20], 'then back to the interval');
  });
});
