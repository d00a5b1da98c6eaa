// Each connection owns its clock: with the practice vault open, a real Azure vault's job window
// and the tracker's bound for a new job still run on the wall clock (they ran on the
// simulator's clock before).
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import { activateServices } from '../support/activateServices';

const vscode = useFakeVscode();
const { jobsSinceFilter } = require('../../../src/azure/jobFilters') as typeof import('../../../src/azure/jobFilters');
const { JobsFolderNode } = require('../../../src/tree/jobsFolder') as typeof import('../../../src/tree/jobsFolder');

const activate = activateServices;

describe('each connection owns its clock', () => {
  let app: ReturnType<typeof activate>;
  beforeEach(() => {
    vscode.reset();
    vscode.sessions.set('microsoft', { accessToken: 'token' });
    app = activate();
  });
  afterEach(() => app.dispose());

  it('a practice vault does not move a real vault’s time windows', async () => {
    const { services } = app;
    const practice = await services.practice.open('failback-classic');
    // The practice clock runs ×60 by default; after a long drill it is days ahead of the wall clock.
    await services.practice.sim!.advance(3 * 24 * 3600_000);
    const simTime = services.practice.sim!.now().getTime();
    assert.ok(simTime - Date.now() > 2 * 24 * 3600_000, 'the practice clock is days ahead');
    assert.ok(Math.abs(practice.clock.now() - simTime) < 60_000, 'the practice scope runs on the simulator');
    const azure = services.roots.azure;
    assert.ok(Math.abs(azure.clock.now() - Date.now()) < 1000, 'the Azure scope runs on the wall clock');

    // The tracker bounds a new job by the clock of the job's own scope.
    const vault = { subscriptionId: 's', resourceGroup: 'rg', vaultName: 'v', id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v' };
    services.followJob(azure, vault, 'job-azure', 'vm', false);
    services.followJob(practice, { ...vault, practice: true }, 'job-practice', 'vm', false);
    const watched = services.store.watchedJobs.get();
    const at = (name: string) => Date.parse(watched.find((w) => w.jobName === name)!.watchedAt);
    assert.ok(Math.abs(at('job-azure') - Date.now()) < 5000, 'the Azure job is bounded by the wall clock');
    assert.ok(Math.abs(at('job-practice') - simTime) < 60_000, 'the practice job by the simulator');

    // The "Jobs (last 24 hours)" folder of a real vault asks for the wall clock's last day.
    const requested: string[] = [];
    const fakeScope = Object.assign(Object.create(azure), { queries: { listJobs: async (_v: unknown, filter: string) => (requested.push(filter), []) } });
    await new JobsFolderNode(undefined as never, fakeScope, vault, { watchedJob: () => undefined } as never).children();
    const since = Date.parse(/'([^']+)'/.exec(requested[0] ?? '')?.[1] ?? '');
    assert.ok(Math.abs(since - (Date.now() - 24 * 3600_000)) < 5000, `the filter's start is a wall-clock day ago: ${requested[0]}`);
    assert.equal(requested[0], jobsSinceFilter(new Date(since)));
  });
});
