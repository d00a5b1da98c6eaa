// The words every view uses for a job: states in words, local start times in rows, UTC in the
// output, a reprotect's agent-wait retries as one operation.
import assert from 'node:assert/strict';
import type { JobInfo, JobTask } from '../../../src/domain/model';
import {
  compareJobRows,
  fresherJob,
  groupAgentRetries,
  isAgentWaitFailure,
  jobEndLevel,
  jobOutputLines,
  jobRowDescription,
  shortLocalTime,
  spanText,
  stateWords,
} from '../../../src/domain/jobs';
import { vault } from './fixtures';

const task = (friendlyName: string, state: string, over: Partial<JobTask> = {}): JobTask => ({ id: friendlyName, name: friendlyName, friendlyName, state, errors: [], ...over });
const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'id',
  name: 'job-1',
  vault,
  scenarioName: 'UnplannedFailover',
  friendlyName: 'Failover',
  state: 'InProgress',
  targetObjectName: 'erp-lnx-01',
  allowedActions: [],
  tasks: [],
  errors: [],
  ...over,
});
const AGENT_ERROR = {
  code: '78093',
  message: "Reprotect can't start because the Mobility service agent on the on-premises virtual machine isn't installed or hasn't registered with Site Recovery yet.",
};

describe('job states in words', () => {
  it('maps every state the views show to a word, never a raw enum', () => {
    assert.equal(stateWords('InProgress'), 'running');
    assert.equal(stateWords('Succeeded', 'Completed'), 'done');
    assert.equal(stateWords('Failed'), 'failed');
    assert.equal(stateWords('Cancelled'), 'cancelled');
    assert.equal(stateWords('NotStarted', 'NotStarted'), 'waiting');
    assert.equal(stateWords('Other', 'Skipped'), 'skipped');
    assert.equal(stateWords('Skipped'), 'skipped');
    assert.equal(stateWords('Suspended'), 'paused');
    assert.equal(stateWords('PartiallySucceeded'), 'partially succeeded');
  });

  it('local start times are short: today, yesterday, else the date', () => {
    const now = new Date(2025, 5, 10, 16, 0, 0);
    assert.equal(shortLocalTime(new Date(2025, 5, 10, 14, 5, 59), now), '14:05');
    assert.equal(shortLocalTime(new Date(2025, 5, 9, 23, 10), now), 'yesterday 23:10');
    assert.equal(shortLocalTime(new Date(2025, 5, 7, 9, 3), now), '2025-06-07 09:03');
    assert.equal(spanText(42_000), '42 s');
    assert.equal(spanText(185_000), '3 min 5 s');
    assert.equal(spanText(2 * 3600_000 + 5 * 60_000), '2 h 5 min');
  });
});

describe('a Jobs row', () => {
  const now = new Date(2025, 5, 10, 14, 8, 10);
  const start = new Date(2025, 5, 10, 14, 5, 5);

  it('a running job: state in words, the current task, the local start time and how long it runs', () => {
    const j = job({
      startTime: start,
      tasks: [task('Prerequisites check for failover', 'Succeeded'), task('Shut down the virtual machine', 'InProgress'), task('Start failover', 'NotStarted')],
    });
    assert.equal(jobRowDescription(j, now), 'running · Shut down the virtual machine · started 14:05 · 3 min 5 s');
  });

  it('a finished job: its end state and duration; a failed one names the failed task', () => {
    const end = new Date(start.getTime() + 350_000);
    assert.equal(jobRowDescription(job({ state: 'Succeeded', startTime: start, endTime: end }), now), 'done · started 14:05 · 5 min 50 s');
    const failed = job({ state: 'Failed', startTime: start, endTime: end, tasks: [task('Prerequisites check for failover', 'Failed')] });
    assert.equal(jobRowDescription(failed, now), 'failed · Prerequisites check for failover · started 14:05 · 5 min 50 s');
    assert.equal(jobRowDescription(job({ state: 'NotStarted', startTime: start }), now), 'waiting · queued 14:05');
  });

  it('the newer reading wins: a watched job never shows NotStarted while it runs', () => {
    const listed = job({ state: 'NotStarted' });
    const watched = job({ state: 'InProgress' });
    assert.equal(fresherJob(watched, listed), watched);
    assert.equal(fresherJob(undefined, listed), listed);
    // A list read after the end is newer than a tracker reading from before it.
    const ended = job({ state: 'Succeeded' });
    assert.equal(fresherJob(watched, ended), ended);
  });

  it('running jobs first, then the newest', () => {
    const a = job({ name: 'a', state: 'Succeeded', startTime: new Date(3000) });
    const b = job({ name: 'b', state: 'InProgress', startTime: new Date(1000) });
    const c = job({ name: 'c', state: 'InProgress', startTime: new Date(2000) });
    assert.deepEqual(
      [a, b, c].sort(compareJobRows).map((j) => j.name),
      ['c', 'b', 'a'],
    );
  });
});

describe('the agent wait is a wait, not failures', () => {
  const attempt = (name: string, minute: number, state: string, errors: JobInfo['errors'] = []): JobInfo =>
    job({
      name,
      scenarioName: 'SwitchProtection',
      friendlyName: 'Reprotect',
      targetObjectId: 'vm-1',
      targetObjectName: 'web-win-03',
      state,
      errors,
      startTime: new Date(Date.UTC(2025, 0, 1, 10, minute)),
    });

  it('groups a reprotect and its agent-wait retries as one operation, latest attempt first', () => {
    const a1 = attempt('r1', 0, 'Failed', [AGENT_ERROR]);
    const a2 = attempt('r2', 1, 'Failed', [AGENT_ERROR]);
    const a3 = attempt('r3', 2, 'InProgress');
    const other = job({ name: 'f1', targetObjectId: 'vm-2', state: 'Succeeded', startTime: new Date(Date.UTC(2025, 0, 1, 10, 1)) });
    const realFailure = attempt('r0', -30, 'Failed', [{ code: '1', message: 'Disk full.' }]);
    const groups = groupAgentRetries([a3, other, a1, realFailure, a2]);
    const reprotect = groups.find((g) => g.job.name === 'r3')!;
    assert.deepEqual(
      reprotect.earlier.map((j) => j.name),
      ['r1', 'r2'],
    );
    assert.equal(groups.length, 3, 'the real failure before the wait and the other VM stay apart');
    assert.ok(isAgentWaitFailure(a1));
    assert.ok(!isAgentWaitFailure(realFailure));
    const now = new Date(Date.UTC(2025, 0, 1, 10, 3));
    assert.match(jobRowDescription(a1, now), /^agent not registered yet · /);
    assert.match(jobRowDescription(a3, now, 3), /^running · attempt 3 · /);
  });

  it('its output line is not an error', () => {
    const a = { ...attempt('r1', 0, 'Failed', [AGENT_ERROR]), endTime: new Date(Date.UTC(2025, 0, 1, 10, 0, 20)) };
    assert.equal(jobEndLevel(a), 'info');
    assert.equal(jobEndLevel(attempt('r0', 0, 'Failed', [{ message: 'Disk full.' }])), 'error');
    assert.equal(jobOutputLines(attempt('r1', 0, 'InProgress'), a).at(-1), '[web-win-03] Reprotect attempt ended after 20 s: the on-premises agent is not registered yet.');
  });
});

describe('output lines', () => {
  it('on one clock, Site Recovery’s, in UTC with a marker; states in words', () => {
    const t0 = new Date(Date.UTC(2025, 0, 1, 10, 40, 0));
    const prev = job({ startTime: t0, tasks: [task('Shut down the virtual machine', 'InProgress', { startTime: t0 })] });
    const next = job({
      state: 'Succeeded',
      startTime: t0,
      endTime: new Date(t0.getTime() + 350_000),
      tasks: [
        task('Shut down the virtual machine', 'Succeeded', { stateDescription: 'Completed', startTime: t0, endTime: new Date(t0.getTime() + 65_000) }),
        task('Synchronizing the latest changes', 'Other', { stateDescription: 'Skipped' }),
      ],
    });
    assert.deepEqual(jobOutputLines(undefined, prev), [
      '[erp-lnx-01] Failover (UnplannedFailover) — job job-1: running, started 10:40:00 UTC',
      '[erp-lnx-01]   10:40:00 UTC Shut down the virtual machine: running',
    ]);
    assert.deepEqual(jobOutputLines(prev, next), [
      '[erp-lnx-01]   10:41:05 UTC Shut down the virtual machine: done',
      '[erp-lnx-01]   --:--:-- UTC Synchronizing the latest changes: skipped',
      '[erp-lnx-01] Failover succeeded in 5 min 50 s.',
    ]);
    for (const line of [...jobOutputLines(undefined, prev), ...jobOutputLines(prev, next)]) assert.doesNotMatch(line, /InProgress|NotStarted|\bOther\b/);
  });
});
