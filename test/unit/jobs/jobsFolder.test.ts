// The Jobs folder shows what the tracker last read for a job the extension watches: a running
// job never stays "NotStarted", its row says the state in words, the task, start time and
// duration, and offers Show Job Output.
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import type { JobInfo, JobTask } from '../../../src/domain/model';
import type { TreeNode } from '../../../src/tree/node';
import type { JobNode } from '../../../src/tree/jobsFolder';

useFakeVscode();
const { JobsFolderNode } = require('../../../src/tree/jobsFolder') as typeof import('../../../src/tree/jobsFolder');

const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const task = (friendlyName: string, state: string): JobTask => ({ id: friendlyName, name: friendlyName, friendlyName, state, errors: [] });
const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'id',
  name: 'job-1',
  vault,
  scenarioName: 'UnplannedFailover',
  friendlyName: 'Failover',
  state: 'NotStarted',
  targetObjectName: 'erp-lnx-01',
  allowedActions: ['Cancel'],
  tasks: [],
  errors: [],
  ...over,
});

const now = new Date(2025, 5, 10, 14, 8, 10);
const start = new Date(2025, 5, 10, 14, 5, 5);

function folder(listed: JobInfo[], watched: Map<string, JobInfo>) {
  const refreshed: TreeNode[] = [];
  const scope = { clock: { now: () => now.getTime() }, queries: { listJobs: async () => listed } };
  const ctx = { refresh: (n?: TreeNode) => n && refreshed.push(n), watchedJob: (name: string) => watched.get(name) };
  const node = new JobsFolderNode({ id: 'vault' } as never, scope as never, vault, ctx as never);
  return { node, refreshed };
}

describe('Jobs folder rows', () => {
  it('a watched job shows the tracker’s live reading, not the list’s NotStarted', async () => {
    const listed = job({ startTime: start });
    const live = job({
      state: 'InProgress',
      startTime: start,
      tasks: [task('Prerequisites check for failover', 'Succeeded'), task('Shut down the virtual machine', 'InProgress')],
    });
    const watched = new Map([['job-1', live]]);
    const { node } = folder([listed], watched);
    const [row] = (await node.children()) as JobNode[];
    const item = row.treeItem();
    assert.equal(item.label, 'Failover: erp-lnx-01');
    assert.equal(item.description, 'running · Shut down the virtual machine · started 14:05 · 3 min 5 s');
    assert.doesNotMatch(String(item.description), /NotStarted|InProgress/);
    assert.match(String(item.contextValue), /^siteRecovery\.job\b.*\bcan\.cancel\b/);
    assert.match(String(item.contextValue), /\bcan\.output\b/, 'Show Job Output is offered');
    assert.match((item.tooltip as { value: string }).value, /Started: 2025-06-10 14:05:05 local \(\d\d:05:05 UTC\)/);
  });

  it('redraws a watched row when the tracker reads it again, and keeps the last reading after', async () => {
    const watched = new Map([['job-1', job({ state: 'InProgress', startTime: start })]]);
    const { node, refreshed } = folder([job({ startTime: start })], watched);
    const [row] = (await node.children()) as JobNode[];
    row.treeItem();
    node.refreshWatched();
    assert.equal(refreshed.length, 0, 'nothing new: no redraw');
    const ended = job({ state: 'Succeeded', startTime: start, endTime: new Date(start.getTime() + 350_000) });
    watched.set('job-1', ended);
    node.refreshWatched();
    assert.deepEqual(refreshed, [row]);
    watched.delete('job-1'); // the tracker stops following a job once it ended
    assert.equal(row.treeItem().description, 'done · started 14:05 · 5 min 50 s');
    assert.equal(row.job, ended, 'commands on the row act on its newest reading');
  });

  it('running jobs first, then the newest', async () => {
    const old = job({ name: 'old', state: 'Succeeded', startTime: new Date(start.getTime() - 3600_000), endTime: start });
    const newer = job({ name: 'newer', state: 'Failed', startTime: start, endTime: now });
    const listedAsWaiting = job({ name: 'run', state: 'NotStarted', startTime: new Date(start.getTime() - 7200_000) });
    const { node } = folder([old, newer, listedAsWaiting], new Map([['run', { ...listedAsWaiting, state: 'InProgress' }]]));
    const rows = (await node.children()) as JobNode[];
    assert.deepEqual(
      rows.map((r) => r.job.name),
      ['run', 'newer', 'old'],
    );
  });

  it('a reprotect’s agent-wait retries are one row, not a list of red failures', async () => {
    const agent = [{ message: "The Mobility service agent on the on-premises virtual machine isn't installed or hasn't registered with Site Recovery yet." }];
    const attempt = (name: string, minutes: number, state: string) =>
      job({
        name,
        scenarioName: 'SwitchProtection',
        friendlyName: 'Reprotect',
        targetObjectId: 'vm-1',
        targetObjectName: 'web-win-03',
        state,
        startTime: new Date(start.getTime() + minutes * 60_000),
        errors: state === 'Failed' ? agent : [],
      });
    const { node } = folder([attempt('r3', 2, 'InProgress'), attempt('r2', 1, 'Failed'), attempt('r1', 0, 'Failed')], new Map());
    const rows = (await node.children()) as JobNode[];
    assert.equal(rows.length, 1);
    const item = rows[0].treeItem();
    assert.match(String(item.description), /^running · attempt 3 · /);
    const earlier = (await rows[0].children()).at(-1)!;
    assert.equal(earlier.treeItem().label, 'Earlier attempts (2)');
    const attempts = (await earlier.children()).map((n) => n.treeItem());
    assert.deepEqual(
      attempts.map((a) => a.label),
      ['Attempt 2', 'Attempt 1'],
    );
    for (const a of attempts) {
      assert.match(String(a.description), /^agent not registered yet · /);
      assert.equal((a.iconPath as { id: string }).id, 'watch');
    }
    // The last attempt, if it is itself an agent wait, is shown as waiting, not as a red error.
    const { node: waiting } = folder([attempt('r2', 1, 'Failed'), attempt('r1', 0, 'Failed')], new Map());
    const [row] = (await waiting.children()) as JobNode[];
    const icon = row.treeItem().iconPath as { id: string; color?: { id: string } };
    assert.equal(icon.id, 'watch');
    assert.notEqual(icon.color?.id, 'list.errorForeground');
  });
});
