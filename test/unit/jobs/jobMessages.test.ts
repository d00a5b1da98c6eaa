import assert from 'node:assert/strict';
import type { JobInfo, JobTask } from '../../../src/domain/model';
import {
  failoverFinishedText,
  failureText,
  fractionDone,
  jobProgressText,
  progressMessage,
  statusText,
  statusTooltip,
  stoppedWatchingText,
  successText,
  vmListText,
} from '../../../src/jobs/jobMessages';
import type { FollowedJob } from '../../../src/jobs/types';

const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const task = (friendlyName: string, state: string): JobTask => ({
  id: friendlyName,
  name: friendlyName,
  friendlyName,
  state,
  stateDescription: state === 'Succeeded' ? 'Completed' : state,
  errors: [],
});
const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'id',
  name: 'job-1',
  vault,
  scenarioName: 'UnplannedFailover',
  friendlyName: 'Failover',
  state: 'InProgress',
  allowedActions: [],
  tasks: [],
  errors: [],
  ...over,
});
const watched = (label: string, latest?: JobInfo): FollowedJob => ({
  label,
  jobName: latest?.name ?? label,
  latest,
  scopeKey: 'p',
  vault,
  watching: true,
  done: new Promise(() => undefined),
  onUpdate: () => ({ dispose() {} }),
  stopFollowing() {},
});

describe('job messages', () => {
  it('status bar counts jobs', () => {
    assert.equal(statusText(1), '$(sync~spin) 1 Site Recovery job');
    assert.equal(statusText(3), '$(sync~spin) 3 Site Recovery jobs');
  });

  it('progress names the running task and counts finished VMs', () => {
    const a = watched(
      'vm-a',
      job({ tasks: [task('Shut down the virtual machine', 'Succeeded'), task('Start failover', 'InProgress'), task('Start the replica', 'NotStarted'), task('x', 'NotStarted')] }),
    );
    const b = watched('vm-b', job({ state: 'Succeeded' }));
    const c = watched('vm-c');
    const finished = new Set([b]);
    assert.equal(progressMessage([a, b, c], finished, a), '1 of 3 done · vm-a: Start failover · running');
    assert.equal(progressMessage([c], new Set(), c), 'vm-c: waiting for Site Recovery…');
    // vm-a: 1 of 4 tasks; vm-b: done; vm-c: nothing yet.
    assert.equal(fractionDone([a, b, c], finished), (0.25 + 1 + 0) / 3);
  });

  it('success names the next failback step; failure gives code, causes and action', () => {
    const start = new Date('2025-01-01T10:00:00Z');
    const ok = job({ state: 'Succeeded', startTime: start, endTime: new Date(start.getTime() + 350_000) });
    assert.equal(successText(ok, 'app-lnx-01', 'verifyAndCommit'), 'Failover succeeded for app-lnx-01 in 5 min 50 s. Next: verify that the Azure VMs are shut down, then commit.');
    const failed = job({
      state: 'Failed',
      errors: [{ code: '539519', message: 'Agent not registered.', possibleCauses: 'The VM is off.', recommendedAction: 'Start the VM.' }],
      tasks: [{ ...task('Prerequisites', 'Failed'), errors: [{ code: '1', message: 'second' }] }],
    });
    assert.equal(
      failureText(failed, 'web-win-03'),
      'Failover failed for web-win-03: 539519: Agent not registered. Possible causes: The VM is off. Recommended action: Start the VM. (1 more error(s) in the output)',
    );
  });

  it('progress says the state in words and names the VM once', () => {
    const running = watched(
      'erp-lnx-01',
      job({ targetObjectName: 'erp-lnx-01', tasks: [task('Prerequisites check for failover', 'Succeeded'), task('Shut down the virtual machine', 'InProgress')] }),
    );
    assert.equal(jobProgressText(running), 'erp-lnx-01: Shut down the virtual machine · running');
    // VS Code shows "title: message": a title naming the VM leaves it out of the message.
    assert.equal(progressMessage([running], new Set(), running, 'Failing back erp-lnx-01'), 'Shut down the virtual machine · running');
    assert.equal(progressMessage([running], new Set(), running, 'Failing back erp-lnx-010'), 'erp-lnx-01: Shut down the virtual machine · running');
    // A task named after its VM does not repeat it either.
    const named = watched('erp-lnx-01', job({ tasks: [task('erp-lnx-01: Shut down the virtual machine', 'InProgress')] }));
    assert.equal(jobProgressText(named), 'erp-lnx-01: Shut down the virtual machine · running');
    const words: Array<[string, string]> = [
      ['NotStarted', 'waiting'],
      ['Succeeded', 'done'],
      ['Failed', 'failed'],
      ['Cancelled', 'cancelled'],
      ['Other', 'skipped'],
    ];
    for (const [state, word] of words) {
      const w = watched('vm', job({ tasks: [task('Start failover', state)] }));
      // A job not started yet, or skipped as a whole, has no current task: the job's state is said.
      const text = state === 'NotStarted' || state === 'Other' ? jobProgressText(watched('vm', job({ state }))) : jobProgressText(w);
      assert.ok(text.endsWith(` · ${word}`), `${state}: ${text}`);
      assert.doesNotMatch(text, /\((InProgress|NotStarted|Succeeded|Other)\)/);
    }
    assert.equal(statusTooltip([running]), 'erp-lnx-01: Shut down the virtual machine · running\nClick to show the output.');
  });

  it('finished notifications name the VMs: up to three, then "and N more"', () => {
    assert.equal(vmListText(['a']), 'a');
    assert.equal(vmListText(['a', 'b']), 'a and b');
    assert.equal(vmListText(['a', 'b', 'c']), 'a, b and c');
    assert.equal(vmListText(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
    assert.equal(failoverFinishedText(['erp-lnx-01'], []), 'Failover finished for erp-lnx-01. Verify the on-premises VM, then commit.');
    assert.equal(failoverFinishedText(['a', 'b', 'c', 'd'], []), 'Failover finished for a, b, c and 1 more. Verify the on-premises VMs, then commit.');
    assert.equal(failoverFinishedText(['a'], ['b']), 'Failover finished with problems for b: check before committing. Finished as expected: a.');
  });

  it('after Cancel in the progress notification: the job goes on, and where to follow it', () => {
    const one = stoppedWatchingText([watched('erp-lnx-01', job({}))]);
    assert.match(one, /^Stopped watching Failover of erp-lnx-01\. The job goes on in Site Recovery/);
    assert.match(one, /under Jobs .* or in the output/);
    assert.match(one, /Cancel Job/);
    assert.match(stoppedWatchingText([watched('a'), watched('b')]), /^Stopped watching 2 jobs \(a and b\)\. The jobs go on/);
  });
});
