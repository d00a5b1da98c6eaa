// The run log over the extension's store (a Map-backed memento stands in for globalState):
// runs survive a reload, each vault keeps at most its limit (oldest dropped), jobs and outcomes
// are recorded as the command goes, and nothing token-like is written.
import assert from 'node:assert/strict';
import { ExtensionStore, type StateMemento } from '../../../src/storage';
import { RunLog, RUNS_PER_VAULT } from '../../../src/state/runLog';
import { runJob } from '../../../src/domain/runs/fromJobs';
import type { NewRun } from '../../../src/domain/runs/types';
import { failedFailoverJob, recordedJob } from '../domain/runs/recordedJobs';

const VAULT_A = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/A';
const VAULT_B = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/B';

function memento(): StateMemento & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: <T>(key: string, fallback: T) => (data.has(key) ? (data.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void data.set(key, value),
  };
}

function newRun(vaultId: string, vm: string, startedAt: string): NewRun {
  return {
    vaultId,
    vaultName: vaultId.split('/').pop()!,
    practice: false,
    operation: 'failback',
    target: { kind: 'vms', vms: [{ name: vm, id: `${vaultId}/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/${vm}` }] },
    startedBy: 'alice@contoso.com',
    startedAt,
    choices: { recoveryPoint: { label: 'Latest (crash-consistent)', kind: 'latest', dataLossMinutes: 0 } },
  };
}

let counter = 0;
const ids = () => `run-${++counter}`;

describe('run log: runs per vault in the extension store', () => {
  it('records a run from start to finish, and a new window (same globalState) reads it back', async () => {
    const m = memento();
    const log = new RunLog(new ExtensionStore(m), { newId: ids, now: () => new Date('2021-04-06T10:00:00Z') });
    const id = await log.start(newRun(VAULT_A, 'V2A-W2K16-201', '2021-04-06T09:50:00.000Z'));
    const inProgress = runJob(recordedJob('classic/V2AFailoverJob.011.job-failover-inprogress.json'));
    await log.addJob(id, inProgress);
    const done = runJob(recordedJob('classic/V2AFailoverJob.294.job-failover-succeeded.json'));
    await log.updateJob(id, done);
    await log.finish(id);

    // A reload: a new log over the same memento.
    const reloaded = new RunLog(new ExtensionStore(m));
    const run = reloaded.get(id)!;
    assert.ok(run, 'found by id after a reload');
    assert.equal(run.source, 'extension');
    assert.equal(run.startedBy, 'alice@contoso.com');
    assert.equal(run.jobs.length, 1, 'the newer reading replaced the older one');
    assert.equal(run.jobs[0].state, 'Succeeded');
    assert.deepEqual(run.outcomes, [{ vm: 'V2A-W2K16-201', outcome: 'succeeded', detail: 'Failover succeeded.' }]);
    assert.equal(run.endedAt, '2021-04-06T09:51:56.000Z', "the end is the last job's end");
    assert.deepEqual(
      reloaded.list(VAULT_A).map((r) => r.id),
      [id],
    );
    assert.deepEqual(reloaded.list(VAULT_B), []);
    // Stored as plain JSON under the vault's key.
    assert.ok(m.data.has(`siteRecovery.runs:${VAULT_A.toLowerCase()}`));
    assert.deepEqual(JSON.parse(JSON.stringify(m.data.get(`siteRecovery.runs:${VAULT_A.toLowerCase()}`))), m.data.get(`siteRecovery.runs:${VAULT_A.toLowerCase()}`));
  });

  it('keeps at most the limit per vault, dropping the oldest first; other vaults keep theirs', async () => {
    const log = new RunLog(new ExtensionStore(memento()), { newId: ids, limit: 3 });
    const b = await log.start(newRun(VAULT_B, 'b1', '2021-04-01T00:00:00.000Z'));
    const started: string[] = [];
    for (let i = 0; i < 5; i++) started.push(await log.start(newRun(VAULT_A, `vm${i}`, `2021-04-0${i + 1}T00:00:00.000Z`)));
    assert.deepEqual(
      log.list(VAULT_A).map((r) => r.target.vms[0].name),
      ['vm4', 'vm3', 'vm2'],
      'newest first, the two oldest dropped',
    );
    assert.equal(log.get(started[0]), undefined);
    assert.ok(log.get(b), "another vault's run stays");
    assert.equal(RUNS_PER_VAULT, 200);
  });

  it('a finished run whose window stopped watching learns its outcome from the tracker', async () => {
    const log = new RunLog(new ExtensionStore(memento()), { newId: ids });
    const id = await log.start(newRun(VAULT_A, 'V2A-W2K16-201', '2021-04-06T09:50:00.000Z'));
    await log.addJob(id, runJob(recordedJob('classic/V2AFailoverJob.153.job-failover-inprogress-vmfailover-running.json')));
    await log.finish(id, undefined, new Date('2021-04-06T09:52:00Z'));
    assert.equal(log.get(id)!.outcomes[0].outcome, 'unknown');
    assert.equal(await log.noteJob(VAULT_A, runJob(failedFailoverJob())), true);
    const run = log.get(id)!;
    assert.equal(run.outcomes[0].outcome, 'failed');
    assert.equal(run.jobs[0].tasks.find((t) => t.name === 'Start failover')!.errors[0].code, '78024');
    assert.equal(await log.noteJob(VAULT_B, runJob(failedFailoverJob())), false, 'no run of that vault holds the job');
  });

  it('notes and outcomes given by the command are kept; a write failure does not throw', async () => {
    const failing: StateMemento = { get: <T>(_k: string, d: T) => d, update: () => Promise.reject(new Error('disk full')) };
    const errors: unknown[] = [];
    const broken = new RunLog(new ExtensionStore(failing), { newId: ids, onWriteError: (e) => errors.push(e) });
    await broken.start(newRun(VAULT_A, 'x', '2021-04-06T09:50:00.000Z'));
    assert.equal(errors.length, 1);

    const log = new RunLog(new ExtensionStore(memento()), { newId: ids });
    const id = await log.start(newRun(VAULT_A, 'web-01', '2021-04-06T09:50:00.000Z'));
    await log.addNote(id, 'web-02 was refused: a failover is already running on it.');
    await log.finish(id, [{ vm: 'web-01', outcome: 'cancelled', detail: 'Cancelled by the user.' }], new Date('2021-04-06T09:55:00Z'));
    const run = log.get(id)!;
    assert.deepEqual(run.notes, ['web-02 was refused: a failover is already running on it.']);
    assert.deepEqual(run.outcomes, [{ vm: 'web-01', outcome: 'cancelled', detail: 'Cancelled by the user.' }]);
    assert.equal(run.endedAt, '2021-04-06T09:55:00.000Z');
  });

  it('writes nothing token-like, whatever the caller hands over', async () => {
    const m = memento();
    const log = new RunLog(new ExtensionStore(m), { newId: ids });
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJjYW5hcnkiOiJDQU5BUlkifQ.CANARY_sig';
    const run = { ...newRun(VAULT_A, 'vm', '2021-04-06T09:50:00.000Z'), startedBy: `alice Bearer ${jwt}`, authorization: `Bearer ${jwt}` } as NewRun;
    const id = await log.start(run);
    const afterStart = JSON.stringify([...m.data.values()]);
    assert.ok(!afterStart.includes('CANARY_sig') && !afterStart.includes('"authorization"'), 'the started run is scrubbed as it is first written');
    const job = runJob(failedFailoverJob());
    await log.addJob(id, { ...job, errors: [{ message: `Authorization: Bearer ${jwt}` }], token: jwt } as typeof job);
    await log.addNote(id, `sas https://a/b?sig=CANARYsig123&se=1`);
    const stored = JSON.stringify([...m.data.values()]);
    for (const part of ['eyJjYW5hcnkiOiJDQU5BUlkifQ', 'CANARY_sig', 'CANARYsig123']) assert.ok(!stored.includes(part), `${part} is stored`);
  });

  it('forgets a vault on request (the practice vault reset)', async () => {
    const log = new RunLog(new ExtensionStore(memento()), { newId: ids });
    const id = await log.start(newRun(VAULT_A, 'vm', '2021-04-06T09:50:00.000Z'));
    await log.clear(VAULT_A);
    assert.deepEqual(log.list(VAULT_A), []);
    assert.equal(log.get(id), undefined);
  });

  it('forgets the practice vaults only, when a practice vault is opened again', async () => {
    const log = new RunLog(new ExtensionStore(memento()), { newId: ids });
    await log.start({ ...newRun(VAULT_A, 'practice-vm', '2021-04-06T09:50:00.000Z'), practice: true });
    const real = await log.start(newRun(VAULT_B, 'vm', '2021-04-06T09:51:00.000Z'));
    await log.clearPractice();
    assert.deepEqual(log.list(VAULT_A), []);
    assert.deepEqual(
      log.list(VAULT_B).map((r) => r.id),
      [real],
    );
  });

  it('writes nothing for a job reading it already holds (the tracker reports every poll)', async () => {
    const m = memento();
    let writes = 0;
    const counted: StateMemento = { get: m.get, update: (k, v) => (writes++, m.update(k, v)) };
    const log = new RunLog(new ExtensionStore(counted), { newId: ids });
    const id = await log.start(newRun(VAULT_A, 'vm', '2021-04-06T09:50:00.000Z'));
    const job = runJob(recordedJob('classic/V2AFailoverJob.294.job-failover-succeeded.json'));
    await log.addJob(id, job);
    const before = writes;
    assert.equal(await log.noteJob(VAULT_A, job), true);
    assert.equal(writes, before, 'the same reading again: no write');
    assert.equal(await log.noteJob(VAULT_A, { ...job, state: 'Failed' }), true);
    assert.equal(writes, before + 1, 'a new reading is written');
    assert.equal(log.get(id)?.jobs[0].state, 'Failed');
  });
});
