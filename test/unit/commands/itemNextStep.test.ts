// The next-step buttons of a VM job's final notification act on that VM, though Site Recovery
// names it by the VM's id, not by the protected item's ARM name: real notification, real
// command table, real tree nodes (the vault's items folder never expanded) and the real SDK
// against the simulator.
import assert from 'node:assert/strict';
import type { JobInfo, ReplicatedItem } from '../../../src/domain/model';
import { nextStepTarget } from '../../../src/domain/nextStepTarget';
import { clickNextStep, pickers, servicesFor, vscode, type World } from './nextStepHarness';
import { byName, practiceWorld } from '../azure/harness';

const item = async (w: World, name: string): Promise<ReplicatedItem> => byName(await w.items(), new RegExp(`^${name}$`));

/** A VM failover that ran to its end, as the job tracker reads it at the end. */
async function finishedFailover(w: World, name: string): Promise<JobInfo> {
  const started = await w.scope.operations.failoverItem(await item(w, name), { kind: 'latest' });
  return w.runJob(started.jobName!);
}

const commitPosts = (w: World, name: string) => w.posts().filter((r) => new RegExp(`/replicationProtectedItems/${name}/failoverCommit$`, 'i').test(r.path));

describe('next-step buttons of a VM job', function () {
  this.timeout(60_000);
  let w: World;
  afterEach(() => w.sim.dispose());

  describe('classic', () => {
    const VM = 'db-lnx-01';
    beforeEach(async () => {
      vscode.reset();
      w = await practiceWorld();
    });

    it('the job names its VM by the VM id that the item shows, not by the ARM name', async () => {
      const job = await finishedFailover(w, VM);
      const vm = await item(w, VM);
      assert.equal(job.targetInstanceType, 'ProtectionEntity');
      assert.ok(vm.vmId, 'the item carries the VM id');
      assert.equal(job.targetObjectId, vm.vmId);
      assert.ok(![vm.id, vm.name].includes(job.targetObjectId ?? ''));
    });

    it('"Verify and Commit" after a classic VM failover commits that VM, with no picker', async () => {
      const { steps } = await servicesFor(w);
      const job = await finishedFailover(w, VM);
      w.sim.clearRequestLog();
      await clickNextStep(job, 'Verify and Commit', 'Commit');
      assert.deepEqual(pickers(), [], 'no VM picker');
      assert.ok(
        vscode.prompts.some((p) => p.modal && p.message === `Commit the failover of ${VM}?`),
        'the VM confirmation',
      );
      assert.equal(commitPosts(w, VM).length, 1, 'one commit of the VM');
      assert.equal(w.posts().length, 1, 'nothing else sent');
      assert.deepEqual(steps, ['commit']);
    });

    it('the VM id alone is enough', async () => {
      await servicesFor(w);
      const job = await finishedFailover(w, VM);
      w.sim.clearRequestLog();
      vscode.state.answer = (p) => (p.modal && p.items.includes('Commit') ? 'Commit' : undefined);
      await vscode.vscode.commands.executeCommand('siteRecovery.commitFailover', { ...nextStepTarget(job), jobTargetName: undefined });
      assert.deepEqual(pickers(), []);
      assert.equal(commitPosts(w, VM).length, 1);
    });

    it('a VM whose vault is not in the tree still leads to choosing, and nothing is sent', async () => {
      await servicesFor(w, { vaultLoaded: false });
      const job = await finishedFailover(w, VM);
      w.sim.clearRequestLog();
      await clickNextStep(job, 'Verify and Commit', 'Commit');
      assert.ok(
        vscode.prompts.some((p) => p.message.startsWith('No Site Recovery vault is loaded yet')),
        'the vault prompt of the picker',
      );
      assert.deepEqual(w.posts(), []);
    });
  });

  describe('modernized', () => {
    const VM = 'sql-lnx-01';
    beforeEach(async () => {
      vscode.reset();
      w = await practiceWorld({ scenario: 'failback-modernized' });
    });

    it('"Verify and Commit" commits the VM its friendly name names, the only one of the vault', async () => {
      await servicesFor(w, { scenario: 'failback-modernized' });
      const job = await finishedFailover(w, VM);
      assert.equal((await item(w, VM)).vmId, undefined, 'InMageRcmFailback shows no VM id');
      w.sim.clearRequestLog();
      await clickNextStep(job, 'Verify and Commit', 'Commit');
      assert.deepEqual(pickers(), [], 'no VM picker');
      assert.equal(commitPosts(w, VM).length, 1, 'one commit of the VM');
      assert.equal(w.posts().length, 1, 'nothing else sent');
    });
  });
});
