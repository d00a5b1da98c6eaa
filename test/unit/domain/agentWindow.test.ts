import assert from 'node:assert/strict';
import { countdownText, decideAgentRetry, isAgentNotRegisteredError } from '../../../src/domain/agentWindow';

describe('agent-registration window after failback', () => {
  it('recognises the agent error by its documented wording only', () => {
    assert.ok(isAgentNotRegisteredError({ message: "The Mobility agent isn't installed on the virtual machine." }));
    assert.ok(isAgentNotRegisteredError({ message: 'Agent is not registered with the configuration server.' }));
    assert.ok(isAgentNotRegisteredError({ message: 'Ensure that the VM is running so that Mobility Service registers with the configuration server.' }));
    // Codes 78144 / 78145 / 539 have no published source: a code alone no longer counts.
    assert.ok(!isAgentNotRegisteredError({ code: '78144', message: 'x' } as { message: string }));
    assert.ok(!isAgentNotRegisteredError({ message: 'The process server is not reachable.' }));
  });
  it('retries within the window and stops after it', () => {
    const policy = { windowMs: 15 * 60_000, intervalMs: 60_000 };
    const agentError = [{ message: "agent isn't installed" }];
    assert.deepEqual(decideAgentRetry(agentError, 0, 5 * 60_000, policy), { retry: true, waitMs: 60_000 });
    assert.deepEqual(decideAgentRetry(agentError, 0, 14.5 * 60_000, policy), { retry: true, waitMs: 30_000 });
    assert.deepEqual(decideAgentRetry(agentError, 0, 15 * 60_000, policy), { retry: false, why: 'windowExpired' });
    assert.deepEqual(decideAgentRetry([{ message: 'disk full' }], 0, 0, policy), { retry: false, why: 'notAgentError' });
  });
  it('formats the countdown', () => {
    assert.equal(countdownText(14 * 60_000 + 5_000), '14:05');
    assert.equal(countdownText(0), '0:00');
  });
});
