// Runs from Site Recovery jobs: recorded job bodies through the real mapper, then into what a
// run keeps and how the job history becomes runs (one per job or plan job, nothing guessed).
import assert from 'node:assert/strict';
import { failedFailoverJob, jobFromBody, recordedJob, recordedJobBody } from './recordedJobs';
import { operationOfJob, outcomesFromJobs, runJob, runsFromJobHistory } from '../../../../src/domain/runs/fromJobs';
import type { JobInfo } from '../../../../src/domain/model';

const DAY = 86_400_000;
const FAILOVER = 'classic/V2AFailoverJob.294.job-failover-succeeded.json';
const COMMIT = 'classic/V2AFailoverJob.304.job-commit-succeeded.json';

/** A recorded job body changed before mapping (a copy each time). */
function changed(file: string, edit: (p: any, body: any) => void): JobInfo {
  const body = recordedJobBody(file);
  edit(body.properties, body);
  return jobFromBody(body);
}

describe('runs: a Site Recovery job as a run keeps it', () => {
  it('keeps every task of the recorded classic failover with its times; skipped tasks have none (sentinel dates)', () => {
    const job = runJob(recordedJob(FAILOVER));
    assert.equal(job.name, 'eb06d59d-69b3-4063-a029-648eab5eea53');
    assert.equal(job.scenario, 'UnplannedFailover');
    assert.equal(job.state, 'Succeeded');
    assert.equal(job.start, '2021-04-06T09:50:12.820Z');
    assert.equal(job.end, '2021-04-06T09:51:56.000Z');
    assert.deepEqual(
      job.tasks.map((t) => [t.name, t.state, t.start ?? '-', t.end ?? '-']),
      [
        ['Prerequisites check for failover', 'Succeeded', '2021-04-06T09:50:17.895Z', '2021-04-06T09:50:18.865Z'],
        ['Shut down the virtual machine', 'Other', '-', '-'],
        ['Synchronizing the latest changes', 'Other', '-', '-'],
        ['Start failover', 'Succeeded', '2021-04-06T09:50:18.865Z', '2021-04-06T09:51:56.852Z'],
        ['Start the replica virtual machine', 'Succeeded', '2021-04-06T09:51:56.852Z', '2021-04-06T09:51:57.027Z'],
      ],
    );
    // Plain JSON: what globalState holds reads back the same.
    assert.deepEqual(JSON.parse(JSON.stringify(job)), job);
  });

  it('keeps a failure with its possible causes and recommended action', () => {
    const job = runJob(failedFailoverJob());
    const task = job.tasks.find((t) => t.name === 'Start failover')!;
    assert.equal(task.state, 'Failed');
    assert.deepEqual(task.errors[0], {
      code: '78024',
      message: "'Disk0' disk is inconsistent with its replication target and requires a resync to continue.",
      possibleCauses: 'Replication consistency was lost due to missed data in transit or an intermittent server failure.',
      recommendedAction: 'Start the resynchronization process. If the issue persists, please contact support.',
    });
  });

  it('names the operation from the scenario and the direction the job states', () => {
    const cases: Array<[string, string | undefined]> = [
      [FAILOVER, 'failoverToAzure'],
      ['modernized/TestV2ARCMFailback.013.job-plannedFailover-inprogress.json', 'failback'],
      [COMMIT, 'commit'],
      ['modernized/TestV2ARCMTestFailover.1082.job-testfailover-succeeded.json', 'testFailover'],
      ['modernized/TestV2ARCMTestFailover.1407.job-testfailovercleanup-succeeded.json', 'cleanupTestFailover'],
      ['modernized/TestV2ARCMCancelFailover.013.job-failoverCancel-inprogress.json', 'cancelFailover'],
      ['classic/V2ATestReprotect.363.rec2021-job-reprotect-succeeded.json', 'reprotectToAzure'],
      ['modernized/TestV2ARCMReprotect.015.job-reProtect-inprogress.json', 'reprotectToOnPremises'],
      ['modernized/TestV2ARCMRecoveryPlan.014.job-saverecoveryplan-succeeded.json', undefined],
    ];
    for (const [file, operation] of cases) assert.equal(operationOfJob(recordedJob(file)), operation, file);
    assert.equal(operationOfJob({ scenarioName: 'ChangePit' }), 'changeRecoveryPoint');
    // A job that does not say which way: no guess.
    assert.equal(operationOfJob({ scenarioName: 'UnplannedFailover', towardsAzure: undefined }), 'failover');
    assert.equal(operationOfJob({ scenarioName: 'SwitchReplicationGroupProtection', towardsAzure: undefined }), 'reprotect');
  });
});

describe("runs: the vault's job history as runs", () => {
  const now = new Date('2021-04-07T00:00:00Z');

  it('one run per job of the failover cycle in the window, newest first, choices and account left out', () => {
    const jobs = [
      recordedJob(FAILOVER),
      recordedJob(COMMIT),
      recordedJob('modernized/TestV2ARCMRecoveryPlan.014.job-saverecoveryplan-succeeded.json'), // not a failover-cycle job
      recordedJob('classic/V2ATFOJob.016.job-tfo-succeeded.json'), // 2017: before the window
    ];
    const runs = runsFromJobHistory(jobs, { sinceMs: now.getTime() - 7 * DAY, now });
    assert.deepEqual(
      runs.map((r) => [r.operation, r.startedAt, r.endedAt]),
      [
        ['commit', '2021-04-06T09:51:57.957Z', '2021-04-06T09:52:00.000Z'],
        ['failoverToAzure', '2021-04-06T09:50:12.820Z', '2021-04-06T09:51:56.000Z'],
      ],
    );
    for (const run of runs) {
      assert.equal(run.source, 'jobHistory');
      assert.equal(run.choices, undefined);
      assert.equal(run.startedBy, undefined);
      assert.equal(run.vaultName, 'PwsTestVault');
      assert.equal(run.jobs.length, 1);
      assert.deepEqual(run.target, { kind: 'vms', vms: [{ name: 'V2A-W2K16-201', id: 'd3731098-963a-11eb-a892-000d3ad78fab' }] });
      assert.deepEqual(run.outcomes, [{ vm: 'V2A-W2K16-201', outcome: 'succeeded', detail: `${run.jobs[0].friendlyName} succeeded.` }]);
    }
    assert.equal(runs[1].id, 'jobs:eb06d59d-69b3-4063-a029-648eab5eea53');
  });

  it('outcome per VM from the job state: failed (with where and why), still running, cancelled', () => {
    const failed = runsFromJobHistory([failedFailoverJob()], { sinceMs: 0, now })[0];
    assert.equal(failed.outcomes[0].outcome, 'failed');
    assert.match(failed.outcomes[0].detail!, /^Failover failed at "Start failover": 'Disk0' disk is inconsistent/);

    const running = runsFromJobHistory([recordedJob('modernized/TestV2ARCMCancelFailover.013.job-failoverCancel-inprogress.json')], {
      sinceMs: 0,
      now: Date.parse('2021-08-27T00:00:00Z'),
    })[0];
    assert.equal(running.endedAt, undefined, 'a running job has not ended');
    assert.equal(running.outcomes[0].outcome, 'unknown');

    const cancelled = changed(COMMIT, (p) => (p.state = 'Cancelled'));
    assert.equal(runsFromJobHistory([cancelled], { sinceMs: 0, now })[0].outcomes[0].outcome, 'cancelled');
  });

  it("a plan job is one run for the plan; its outcome is the plan's, not invented per VM", () => {
    const planJob = changed('modernized/TestV2ARCMFailover.1121.job-succeeded.json', (p) => {
      p.targetInstanceType = 'RecoveryPlan';
      p.targetObjectName = 'v2arcm-pwsh-rp';
      p.targetObjectId = 'rp-internal-id';
      delete p.customDetails.affectedObjectDetails;
    });
    const [run] = runsFromJobHistory([planJob], { sinceMs: 0, now: Date.parse('2021-08-27T00:00:00Z') });
    assert.equal(run.operation, 'failover', 'a plan job states no direction');
    assert.deepEqual(run.target, { kind: 'plan', plan: { name: 'v2arcm-pwsh-rp', id: 'rp-internal-id' }, vms: [] });
    assert.equal(run.outcomes.length, 1);
    assert.equal(run.outcomes[0].vm, 'v2arcm-pwsh-rp (recovery plan)');
    assert.match(run.outcomes[0].detail!, /not each VM's/);
  });

  it("a reprotect's agent-wait attempts join the attempt after them in one run", () => {
    const file = 'modernized/TestV2ARCMReprotect.015.job-reProtect-inprogress.json';
    const attempt = (name: string, minute: number, state: string, message?: string) =>
      changed(file, (p, body) => {
        body.name = name;
        body.id = body.id.replace(/[^/]+$/, name);
        p.state = state;
        p.startTime = `2021-08-26T07:${String(minute).padStart(2, '0')}:00Z`;
        p.endTime = `2021-08-26T07:${String(minute).padStart(2, '0')}:30Z`;
        p.errors = message ? [{ serviceErrorDetails: { code: '539', message } }] : [];
      });
    const jobs = [
      attempt('a1', 10, 'Failed', 'The Mobility agent is not yet registered with the vault.'),
      attempt('a2', 12, 'Failed', 'The Mobility agent is not yet registered with the vault.'),
      attempt('a3', 14, 'Succeeded'),
    ];
    const runs = runsFromJobHistory(jobs, { sinceMs: 0, now: Date.parse('2021-08-27T00:00:00Z') });
    assert.equal(runs.length, 1);
    assert.deepEqual(
      runs[0].jobs.map((j) => j.name),
      ['a1', 'a2', 'a3'],
    );
    assert.equal(runs[0].startedAt, '2021-08-26T07:10:00.000Z');
    assert.equal(runs[0].outcomes[0].outcome, 'succeeded');
    assert.match(runs[0].notes![0], /2 earlier attempts failed only because the on-premises agent had not registered yet/);
  });
});

describe('runs: outcomes of the VMs a command acted on', () => {
  it('each VM from its own job; a VM with no job never started', () => {
    const job = runJob(recordedJob(FAILOVER));
    const outcomes = outcomesFromJobs({ kind: 'vms', vms: [{ name: 'V2A-W2K16-201' }, { name: 'web-02' }] }, [job]);
    assert.deepEqual(
      outcomes.map((o) => [o.vm, o.outcome]),
      [
        ['V2A-W2K16-201', 'succeeded'],
        ['web-02', 'notStarted'],
      ],
    );
  });

  it("a plan's VMs share its job's outcome, said to be the plan's", () => {
    const job = runJob(failedFailoverJob());
    const outcomes = outcomesFromJobs({ kind: 'plan', plan: { name: 'RP1' }, vms: [{ name: 'a' }, { name: 'b' }] }, [job]);
    assert.deepEqual(
      outcomes.map((o) => [o.vm, o.outcome]),
      [
        ['a', 'failed'],
        ['b', 'failed'],
      ],
    );
    assert.match(outcomes[0].detail!, /^Recovery plan RP1: Failover failed/);
  });
});
