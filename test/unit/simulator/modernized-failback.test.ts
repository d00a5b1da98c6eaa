import assert from 'node:assert/strict';
import type { RestError } from '@azure/core-rest-pipeline';
import { ASR_ERROR_CODES } from '../../../src/simulator/index';
import { clients, collect, createSim, FAST_POLL, itemPath, MINUTE, MODERN, raw, whileAdvancing } from './helpers';

const { vault, rg, fabric, container } = MODERN;
const details = (item: { properties?: { providerSpecificDetails?: unknown } }) => item.properties?.providerSpecificDetails as Record<string, any>;

describe('simulator: modernized failback through the SDK', function () {
  it('planned failover → commit → early reprotect fails → reprotect after registration → InMageRcm Protected', async () => {
    const sim = createSim({ scenario: 'failback-modernized', agentRegistrationMinutes: 15 });
    const { asr } = clients(sim);
    const start = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'sql-lnx-01');
    assert.deepEqual(start.properties?.allowedOperations, ['PlannedFailover', 'DisableProtection']);
    assert.equal(details(start).instanceType, 'InMageRcmFailback');

    const failedOver = await whileAdvancing(sim, asr.replicationProtectedItems.beginPlannedFailoverAndWait(vault, rg, fabric, container, 'sql-lnx-01', {
      properties: { failoverDirection: 'PrimaryToRecovery', providerSpecificDetails: { instanceType: 'InMageRcmFailback', recoveryPointType: 'ApplicationConsistent' } },
    }, FAST_POLL));
    assert.equal(failedOver.properties?.protectionState, 'PlannedFailoverCommitPendingStatesBegin');
    assert.equal(details(failedOver).isAgentRegistrationSuccessfulAfterFailover, false);
    assert.equal(details(failedOver).lastPlannedFailoverStatus, 'Succeeded');

    const committed = await whileAdvancing(sim, asr.replicationProtectedItems.beginFailoverCommitAndWait(vault, rg, fabric, container, 'sql-lnx-01', FAST_POLL), 5_000);
    assert.equal(details(committed).instanceType, 'InMageRcm');
    assert.equal(committed.properties?.protectionState, 'UnplannedFailoverCommitted');
    assert.ok(committed.properties?.allowedOperations?.includes('SwitchProtection'));
    assert.equal(details(committed).isAgentRegistrationSuccessfulAfterFailover, false);

    const input = {
      properties: {
        failoverDirection: 'RecoveryToPrimary',
        providerSpecificDetails: { instanceType: 'InMageRcmFailback', processServerId: MODERN.ps, policyId: 'replication-policy-rcm' } as never,
      },
    };
    const early = await whileAdvancing(sim, asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'sql-lnx-01', input, FAST_POLL).then(() => undefined, (e: Error) => e), 5_000);
    assert.match(String(early?.message), /isn't installed or hasn't registered/);
    const job = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'SwitchReplicationGroupProtection' and state eq 'Failed'" })))[0];
    assert.equal(job.properties?.errors?.[0].serviceErrorDetails?.code, ASR_ERROR_CODES.agentNotRegistered);
    assert.equal(job.properties?.errors?.[0].providerErrorDetails?.errorCode, Number(ASR_ERROR_CODES.agentNotRegistered));

    await sim.advance(15 * MINUTE);
    const registered = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'sql-lnx-01');
    assert.equal(details(registered).isAgentRegistrationSuccessfulAfterFailover, true);
    const done = await whileAdvancing(sim, asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'sql-lnx-01', input, FAST_POLL));
    assert.equal(done.properties?.protectionState, 'Protected');
    assert.equal(details(done).instanceType, 'InMageRcm');
    sim.dispose();
  });

  it('validates the modernized reprotect input (reprotect agent, datastore)', async () => {
    const sim = createSim({ scenario: 'failback-modernized' });
    const { asr } = clients(sim);
    const send = (d: Record<string, unknown>) =>
      asr.replicationProtectedItems.beginReprotect(vault, rg, fabric, container, 'web-win-06', { properties: { providerSpecificDetails: d as never } });
    await assert.rejects(send({ instanceType: 'InMageRcm', reprotectAgentId: 'nope', datastoreName: 'datastore1', logStorageAccountId: 'x' }),
      (e: RestError) => e.code === ASR_ERROR_CODES.unknownInfrastructure);
    await assert.rejects(send({ instanceType: 'InMageRcm', reprotectAgentId: MODERN.agent, datastoreName: 'nope', logStorageAccountId: 'x' }),
      (e: RestError) => e.code === ASR_ERROR_CODES.unknownInfrastructure);
    // The SDK refuses to send a payload without its required fields, so send that one raw.
    const missing = await raw(sim, 'POST', `${itemPath(sim, 'web-win-06', MODERN)}/reProtect?api-version=2023-06-01`,
      JSON.stringify({ properties: { providerSpecificDetails: { instanceType: 'InMageRcm', reprotectAgentId: MODERN.agent } } }));
    assert.equal(missing.status, 400);
    assert.equal(missing.json?.error.code, ASR_ERROR_CODES.missingProviderInputField);
    assert.ok(missing.json?.error.possibleCauses && missing.json?.error.recommendedAction);
    await assert.rejects(send({ instanceType: 'InMageRcmFailback', processServerId: MODERN.ps, policyId: 'nope' }),
      (e: RestError) => e.code === ASR_ERROR_CODES.unknownPolicy);
    const poller = await send({ instanceType: 'InMageRcm', reprotectAgentId: MODERN.agent, datastoreName: 'datastore2', logStorageAccountId: 'x' });
    assert.equal(poller.isDone(), false);
    sim.dispose();
  });

  it('recovery plan planned failover: ApplicationConsistent uses the group common point, CrashConsistent the latest', async () => {
    for (const kind of ['ApplicationConsistent', 'CrashConsistent'] as const) {
      const sim = createSim({ scenario: 'failback-modernized' });
      const { asr } = clients(sim);
      const points = (n: string) => collect(asr.recoveryPoints.listByReplicationProtectedItems(vault, rg, fabric, container, n));
      const [a, b] = [await points('erp-lnx-01'), await points('erp-win-01')];
      await whileAdvancing(sim, asr.replicationRecoveryPlans.beginPlannedFailoverAndWait(vault, rg, 'failback-erp', {
        properties: { failoverDirection: 'PrimaryToRecovery', providerSpecificDetails: [{ instanceType: 'InMageRcmFailback', recoveryPointType: kind }] },
      }, FAST_POLL));
      const chosen = async (n: string) => (await asr.replicationProtectedItems.get(vault, rg, fabric, container, n)).properties?.failoverRecoveryPointId?.split('/').pop();
      if (kind === 'ApplicationConsistent') {
        const bApp = b.find((p) => p.properties?.recoveryPointType === 'AppConsistent')!;
        const aSame = a.find((p) => p.properties?.recoveryPointType === 'AppConsistent' && p.properties.recoveryPointTime?.getTime() === bApp.properties?.recoveryPointTime?.getTime())!;
        assert.equal(await chosen('erp-win-01'), bApp.name);
        assert.equal(await chosen('erp-lnx-01'), aSame.name);
      } else {
        assert.equal(await chosen('erp-lnx-01'), a[0].name);
        assert.equal(await chosen('erp-win-01'), b[0].name);
      }
      sim.dispose();
    }
  });
});
