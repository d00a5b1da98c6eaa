import assert from 'node:assert/strict';
import { durationText, stateWords } from '../../../src/domain/jobs';
import { lines, useHarness } from './harness';

describe('JobTracker: streaming a classic failback job', () => {
  const harness = useHarness({ interval: 30_000 });

  it('writes every task once per state change, then the end line with the duration', async () => {
    const h = harness();
    const { item, jobName, tracker, watched, finished } = await h.followFailover();

    // Poll until the job ends (classic failover takes a few minutes of simulated time).
    for (let i = 0; i < 60 && finished.length === 0; i++) await h.runPolls(1);
    const final = await watched.done;
    assert.equal(final.state, 'Succeeded');
    assert.equal(finished.length, 1);

    const out = lines(h);
    const prefix = `[${item.friendlyName}]`;
    assert.ok(
      out.every((l) => l.startsWith(prefix)),
      `every line names the VM:\n${out.join('\n')}`,
    );
    assert.match(out[0], new RegExp(`^\\[${item.friendlyName}\\] Failover \\(UnplannedFailover\\) — job ${jobName}: `));
    assert.equal(new Set(out).size, out.length, `no line is written twice:\n${out.join('\n')}`);

    // Every task of the job is reported finished exactly once, in the job's task order.
    assert.ok(final.tasks.length >= 4, 'a failover has several tasks');
    let previousIndex = -1;
    for (const task of final.tasks) {
      const done = out.filter((l) => l.endsWith(` ${task.friendlyName}: ${stateWords(task.state, task.stateDescription)}`));
      assert.equal(done.length, 1, `"${task.friendlyName}" completed once:\n${out.join('\n')}`);
      const index = out.indexOf(done[0]);
      assert.ok(index > previousIndex, `"${task.friendlyName}" comes after the task before it`);
      previousIndex = index;
    }
    // Tasks that ran across a poll were also seen InProgress, once each. (Recorded: the classic
    // failback skips its shutdown and sync tasks, so three tasks run.)
    const inProgress = out.filter((l) => / running$/.test(l));
    const ran = final.tasks.filter((t) => !/skipped|^other$/i.test(`${t.stateDescription ?? t.state}`)).length;
    assert.ok(inProgress.length >= Math.min(2, ran), `running tasks are streamed while they run:\n${out.join('\n')}`);
    assert.equal(new Set(inProgress).size, inProgress.length);

    const took = durationText(final.startTime, final.endTime);
    assert.ok(took.length > 0);
    assert.equal(out[out.length - 1], `${prefix} Failover succeeded in ${took}.`);
    assert.equal(out.filter((l) => / succeeded in /.test(l)).length, 1);
    assert.deepEqual(h.store.value, [], 'the reported job is no longer persisted');
    assert.equal(tracker.running().length, 0);
  });
});
