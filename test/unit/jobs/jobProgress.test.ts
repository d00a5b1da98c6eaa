// The progress notification of a user action: its text says the state in words, names the VM
// once, says that Cancel only stops watching; after Cancel a notification says the job goes on.
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import type { JobInfo, JobTask } from '../../../src/domain/model';
import type { FollowedJob } from '../../../src/jobs/types';

const fake = useFakeVscode();
const { followWithProgress } = require('../../../src/jobs/jobProgress') as typeof import('../../../src/jobs/jobProgress');
const { STOP_WATCHING_HINT } = require('../../../src/jobs/jobMessages') as typeof import('../../../src/jobs/jobMessages');

const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const task = (friendlyName: string, state: string): JobTask => ({ id: friendlyName, name: friendlyName, friendlyName, state, errors: [] });
const job: JobInfo = {
  id: 'id',
  name: 'job-1',
  vault,
  scenarioName: 'UnplannedFailover',
  friendlyName: 'Failover',
  state: 'InProgress',
  targetObjectName: 'erp-lnx-01',
  allowedActions: [],
  tasks: [task('Shut down the virtual machine', 'InProgress')],
  errors: [],
};

describe('progress notification', () => {
  const original = fake.vscode.window.withProgress;
  let messages: string[];
  let titles: string[];
  let cancel: (() => void) | undefined;
  beforeEach(() => {
    fake.reset();
    messages = [];
    titles = [];
    cancel = undefined;
    (fake.vscode.window as { withProgress: unknown }).withProgress = async (options: { title: string }, run: (p: unknown, t: unknown) => Promise<unknown>) => {
      titles.push(options.title);
      return run(
        { report: (r: { message?: string }) => r.message !== undefined && messages.push(r.message) },
        { isCancellationRequested: false, onCancellationRequested: (l: () => void) => ((cancel = l), { dispose: () => undefined }) },
      );
    };
  });
  afterEach(() => {
    fake.vscode.window.withProgress = original;
  });

  it('names the VM once, says the state in words and what Cancel does; Cancel leaves the job running', async () => {
    let stopped = 0;
    const w = {
      label: 'erp-lnx-01',
      jobName: 'job-1',
      latest: job,
      scopeKey: 'p',
      vault,
      watching: true,
      done: new Promise(() => undefined),
      onUpdate: () => ({ dispose() {} }),
      stopFollowing: () => void stopped++,
    } as unknown as FollowedJob;
    const shown: string[] = [];
    const log = { info: () => undefined, show: () => void shown.push('output') } as never;
    fake.state.answer = (p) => (p.items.includes('Show Output') ? 'Show Output' : undefined);
    const result = followWithProgress([w], 'Failing back erp-lnx-01', log);
    assert.equal(titles[0], 'Failing back erp-lnx-01');
    assert.equal(messages[0], `Shut down the virtual machine · running · ${STOP_WATCHING_HINT}`);
    assert.ok(cancel, 'the notification is cancellable');
    cancel!();
    assert.deepEqual(await result, [job]);
    assert.equal(stopped, 1, 'Cancel stops watching');
    await new Promise((r) => setImmediate(r));
    const note = fake.prompts.find((p) => p.kind === 'information');
    assert.ok(note, 'a notification after Cancel');
    assert.match(note.message, /^Stopped watching Failover of erp-lnx-01\. The job goes on in Site Recovery/);
    assert.deepEqual(note.items, ['Show Output']);
    assert.deepEqual(shown, ['output']);
  });
});
