import assert from 'node:assert/strict';
import { raw } from '../helpers';
import { JOBS, operationOf, POSTS, type Recording } from './recordings';
import { API, finishJobs, readItem, sendRecorded, simBefore } from './sim-in-state';
import { missingKeys } from './shape';

/**
 * Simulator contract, writing: every item and plan operation recorded on a live vault, sent with the
 * simulator's ids to a simulator put into the recorded pre-state (the item's last recorded state,
 * then the session's recorded operations in between), is accepted, and its job has the recorded
 * scenario, tasks and keys.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The recorded job of a request: the operation id in its Azure-AsyncOperation header names it. */
function recordedJobOf(rec: Recording) {
  const opId = (rec.response.headers['Azure-AsyncOperation'] ?? '').split('?')[0].split('/').pop();
  return JOBS.filter((j) => j.rec.session === rec.session && j.job.name === opId).sort((a, b) => b.rec.entry - a.rec.entry)[0]?.job;
}

function jobNameFrom(res: { headers: Record<string, string> }): string {
  return new URL(res.headers['Azure-AsyncOperation']).pathname.split('/').pop() as string;
}

describe('simulator contract: recorded requests are accepted in their recorded pre-state', function () {
  it('the recordings hold item operations of both generations', () => {
    const ops = new Set(POSTS.map((p) => `${p.generation}:${operationOf(p)}`));
    for (const op of ['classic:unplannedFailover', 'classic:reProtect', 'modernized:plannedFailover', 'modernized:reProtect', 'modernized:failoverCommit']) {
      assert.ok(ops.has(op), op);
    }
  });

  for (const rec of POSTS) {
    it(`${rec.file}: ${operationOf(rec)} ${JSON.stringify(rec.request.body?.properties?.providerSpecificDetails?.instanceType ?? '')}`, async () => {
      const s = await simBefore(rec);
      try {
        const res = await sendRecorded(s, rec);
        assert.equal(res.status, rec.response.status, JSON.stringify(res.json?.error));
        const jobName = jobNameFrom(res);
        await finishJobs(s);
        const ours = (await raw(s.sim, 'GET', `${s.vaultPath}/replicationJobs/${jobName}?api-version=${API}`)).json!;
        assert.equal(ours.properties.state, 'Succeeded', JSON.stringify(ours.properties.errors));
        const recorded = recordedJobOf(rec);
        if (!recorded) {
          return;
        }
        const p = recorded.properties;
        const q = ours.properties;
        assert.equal(q.scenarioName, p.scenarioName);
        assert.equal(q.friendlyName, p.friendlyName);
        assert.equal(q.targetInstanceType, p.targetInstanceType);
        assert.deepEqual(
          q.tasks.map((t: { name: string }) => t.name),
          p.tasks.map((t: { name: string }) => t.name),
        );
        assert.deepEqual(
          q.tasks.map((t: { taskId: string }) => t.taskId).filter((id: string) => !GUID.test(id)),
          p.tasks.map((t: { taskId: string }) => t.taskId).filter((id: string) => !GUID.test(id)),
          'recorded task ids',
        );
        if (p.state === 'Succeeded') {
          assert.deepEqual(
            q.tasks.map((t: { state: string }) => t.state),
            p.tasks.map((t: { state: string }) => t.state),
            'task states (skipped: Other)',
          );
        }
        assert.deepEqual(missingKeys(p, q), [], 'job properties keys');
        assert.deepEqual(missingKeys(p.tasks[0], q.tasks[0]), [], 'task keys');
        assert.equal(q.customDetails.instanceType, p.customDetails.instanceType);
        assert.deepEqual(missingKeys(p.customDetails, q.customDetails), [], 'customDetails keys');
        assert.deepEqual(missingKeys(p.customDetails.affectedObjectDetails, q.customDetails.affectedObjectDetails), [], 'affectedObjectDetails keys');
        // Jobs name the VM as recorded: modernized by internalIdentifier, classic by VM id.
        const item = await readItem(s, false);
        if (item) {
          const d = item.properties.providerSpecificDetails;
          if (operationOf(rec) !== 'reProtect') {
            assert.equal(q.targetObjectId, d.internalIdentifier ?? d.vmId);
          }
        }
      } finally {
        s.sim.dispose();
      }
    });
  }
});
