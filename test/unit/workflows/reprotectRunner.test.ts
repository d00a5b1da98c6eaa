// The agent window (defect 8 of the fidelity issue): Site Recovery may refuse the reprotect POST
// itself while the on-premises agent registers, not only fail its job; both are waited out.
import assert from 'node:assert/strict';
import { runReprotect, type ReprotectEvent } from '../../../src/workflows/reprotectRunner';
import type { JobInfo, ReplicatedItem } from '../../../src/domain/model';
import { item } from '../domain/fixtures';

function manualClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

const refusal = (message: string) => Object.assign(new Error(message), { statusCode: 400, details: { error: { code: 'BadRequest', message } } });
const succeeded = { name: 'job-1', state: 'Succeeded', tasks: [], errors: [] } as unknown as JobInfo;

describe('reprotect through the agent window', () => {
  const vm: ReplicatedItem = item('classicCommitted');
  const policy = { windowMs: 15 * 60_000, intervalMs: 60_000 };

  it('a POST refused with the agent wording is sent again after a wait, then the job is followed', async () => {
    const sent: number[] = [];
    const clock = manualClock();
    const events: ReprotectEvent[] = [];
    const job = await runReprotect(
      vm,
      { processServerId: 'ps', policyId: 'p' },
      {
        queries: { getItem: async () => vm },
        operations: {
          reprotectItem: async () => {
            sent.push(clock.now());
            if (sent.length < 3) throw refusal("Reprotect can't start: the Mobility agent isn't installed or hasn't registered with Site Recovery yet.");
            return { jobName: 'job-1' };
          },
        },
        waitForJob: async () => succeeded,
        clock,
        policy,
      },
      (e) => events.push(e),
    );
    assert.equal(job?.state, 'Succeeded');
    assert.deepEqual(sent, [0, 60_000, 120_000], 'sent again once a minute');
    assert.deepEqual(
      events.filter((e) => e.kind === 'agentNotReady').map((e) => (e as { refused?: boolean }).refused),
      [true, true],
    );
  });

  it('any other refusal is not retried: the error stands and nothing more is sent', async () => {
    let sent = 0;
    await assert.rejects(
      runReprotect(
        vm,
        { processServerId: 'ps', policyId: 'p' },
        {
          queries: { getItem: async () => vm },
          operations: {
            reprotectItem: async () => {
              sent++;
              throw refusal('The process server is not reachable.');
            },
          },
          waitForJob: async () => succeeded,
          clock: manualClock(),
          policy,
        },
        () => undefined,
      ),
      /process server/,
    );
    assert.equal(sent, 1);
  });
});
