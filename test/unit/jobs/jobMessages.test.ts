import assert from 'node:assert/strict';
import type { JobInfo, JobTask } from '../../../src/domain/model';
import { failureText, fractionDone, progressMessage, statusText, successText } from '../../../src/jobs/jobMessages';
import type { WatchedJob } from '../../../src/jobs/types';

const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
const task = (friendlyName: string, state: string): JobTask => ({ id: friendlyName, name: friendlyName, friendlyName, state, stateDescription: state === 'Succeeded' ? 'Completed' : state, errors: [] });
const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'id', name: 'job-1', vault, scenarioName: 'UnplannedFailover', friendlyName: 'Failover', state: 'InProgress',
  allowedActions: [], tasks: [], errors: [], ...over,
});
const watched = (label: string, latest?: JobInfo): WatchedJob =>
  ({ label, jobName: latest?.name ?? label, latest, scopeKey: 'p', vault, watching: true, done: new Promise(() => undefined), onUpdate: () => ({ dispose() {} }), stopWatching() {} });

describe('job messages', () => {
  it('status bar counts jobs', () => {
    assert.equal(statusText(1), '$(sync~spin) 1 Site Recovery job');
    assert.equal(statusText(3), '$(sync~spin) 3 Site Recovery jobs');
  });

  it('progress names the running task and counts finished VMs', () => {
    const a = watched('vm-a', job({ tasks: [task('Shut down the virtual machine', 'Succeeded'), task('Start failover', 'InProgress'), task('Start the replica', 'NotStarted'), task('x', 'NotStarted')] }));
    const b = watched('vm-b', job({ state: 'Succeeded' }));
    const c = watched('vm-c');
    const finished = new Set([b]);
    assert.equal(progressMessage([a, b, c], finished, a), '1 of 3 done · vm-a: Start failover (InProgress)');
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
});
