// The next-step buttons of a recovery plan job's final notification ("Verify and Commit",
// "Reprotect") act on that plan: real notification, real command table, real tree nodes and
// the real SDK against the simulator; only VS Code's dialogs are answered by the test.
import assert from 'node:assert/strict';
import type { JobInfo, RecoveryPlanInfo } from '../../../src/domain/model';
import { clickNextStep, pickers, servicesFor, vscode, type World } from './nextStepHarness';
import { practiceWorld } from '../azure/harness';

const { planProvider } = require('../../../src/azure/inputs') as typeof import('../../../src/azure/inputs');

const PLAN = 'failback-app-tier';

async function plan(w: World): Promise<RecoveryPlanInfo> {
  return (await w.scope.queries.listPlans(w.vault)).find((p) => p.name === PLAN)!;
}

/** A plan failover that ran to its end, as the job tracker reads it at the end. */
async function finishedPlanFailover(w: World): Promise<JobInfo> {
  const p = await plan(w);
  const members = await Promise.all(p.groups.flatMap((g) => g.itemIds).map((id) => w.scope.queries.getItemById(w.vault, id)));
  const started = await w.scope.operations.failoverPlan(p, planProvider(p, members)!, { kind: 'latest' });
  return w.runJob(started.jobName!);
}

const planPosts = (w: World, action: string) => w.posts().filter((r) => new RegExp(`/replicationRecoveryPlans/${PLAN}/${action}$`, 'i').test(r.path));

describe('next-step buttons of a recovery plan job', function () {
  this.timeout(60_000);
  let w: World;
  beforeEach(async () => {
    vscode.reset();
    w = await practiceWorld();
  });
  afterEach(() => w.sim.dispose());

  it('the job names its plan as a RecoveryPlan target, by an id the plan resource does not show', async () => {
    const job = await finishedPlanFailover(w);
    const p = await plan(w);
    assert.equal(job.targetInstanceType, 'RecoveryPlan');
    assert.equal(job.targetObjectName, p.friendlyName);
    // Site Recovery's internal plan id: the tests below find the plan by its friendly name.
    assert.ok(![p.id, p.name].includes(job.targetObjectId ?? ''));
  });

  it('"Verify and Commit" after a plan failover commits the plan, after its confirmation', async () => {
    const { steps } = await servicesFor(w);
    const job = await finishedPlanFailover(w);
    w.sim.clearRequestLog();
    await clickNextStep(job, 'Verify and Commit', 'Commit');
    assert.deepEqual(pickers(), [], 'no VM picker');
    assert.ok(
      vscode.prompts.some((p) => p.modal && p.message === `Commit the failover of recovery plan ${PLAN}?`),
      'the plan confirmation',
    );
    assert.equal(planPosts(w, 'failoverCommit').length, 1, 'one commit of the plan');
    assert.equal(w.posts().length, 1, 'nothing else sent');
    assert.deepEqual(steps, ['commit']);
  });

  it('"Reprotect" after the plan commit reprotects the plan as its VMs: one request per VM, none for the plan', async () => {
    const { followed } = await servicesFor(w);
    await clickNextStep(await finishedPlanFailover(w), 'Verify and Commit', 'Commit');
    assert.equal(followed.length, 1, 'the plan commit was sent and followed');
    const commitJob = await w.runJob(followed[0]);
    assert.equal(commitJob.state, 'Succeeded');
    vscode.prompts.length = 0;
    w.sim.clearRequestLog();
    const members = (await plan(w)).groups.flatMap((g) => g.itemIds);
    // The reprotect choices (process server, policy, …) are picked once; no VM is picked.
    await clickNextStep(commitJob, 'Reprotect', 'Start Reprotect', true);
    assert.ok(
      !pickers().some((p) => /choose (the )?VMs?\b/i.test(p.message)),
      `no VM picker: ${pickers()
        .map((p) => p.message)
        .join(' | ')}`,
    );
    assert.ok(
      vscode.prompts.some((p) => p.modal && p.message === `Reprotect ${members.length} VMs from on-premises to Azure?`),
      `one confirmation for the plan's VMs:\n${vscode.prompts.map((p) => `${p.kind} ${p.message} [${p.items.join('|')}]`).join('\n')}`,
    );
    assert.equal(planPosts(w, 'reProtect').length, 0, 'no plan reprotect: Site Recovery has none for VMware');
    // Each VM gets its own reprotect (sent again only while its agent registers, as designed).
    const vmPosts = w.posts().filter((r) => /\/replicationProtectedItems\/[^/]+\/reProtect$/i.test(r.path));
    const reprotected = new Set(vmPosts.map((r) => r.path.split('/').at(-2)!.toLowerCase()));
    assert.deepEqual([...reprotected].sort(), members.map((id) => id.split('/').pop()!.toLowerCase()).sort(), 'every VM of the plan, and only those');
  });

  it('the plan re-read before sending decides: a dismissed confirmation sends nothing', async () => {
    await servicesFor(w);
    const job = await finishedPlanFailover(w);
    w.sim.clearRequestLog();
    await clickNextStep(job, 'Verify and Commit', 'not this button');
    assert.ok(
      w.sim.requestLog.some((r) => r.method === 'GET' && new RegExp(`/replicationRecoveryPlans/${PLAN}$`, 'i').test(r.path)),
      'the plan was read again',
    );
    assert.deepEqual(w.posts(), []);
  });

  it('a plan whose vault is not loaded is named, not replaced by a VM picker', async () => {
    await servicesFor(w, { vaultLoaded: false });
    const job = await finishedPlanFailover(w);
    w.sim.clearRequestLog();
    await clickNextStep(job, 'Verify and Commit', 'Commit');
    assert.deepEqual(pickers(), []);
    assert.ok(
      vscode.prompts.some((p) => p.kind === 'error' && p.message.includes(`Recovery plan ${PLAN}`)),
      'an error naming the plan',
    );
    assert.deepEqual(w.posts(), []);
  });
});
