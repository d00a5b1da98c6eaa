import assert from 'node:assert/strict';
import type { RestError } from '@azure/core-rest-pipeline';
import { ASR_ERROR_CODES, type SiteRecoverySimulator } from '../../../src/simulator/index';
import { clients, collect, createSim, FAST_POLL, itemPath, MINUTE, MODERN, raw, vaultPath, whileAdvancing } from './helpers';

const { vault, rg, fabric, container } = MODERN;
const details = (item: { properties?: { providerSpecificDetails?: unknown } }) => item.properties?.providerSpecificDetails as Record<string, any>;
const policyId = (sim: SiteRecoverySimulator, name: string) => `${vaultPath(sim, MODERN as never)}/replicationPolicies/${name}`;
const RUN_AS = `/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/fabrikam-dr-rg/providers/Microsoft.OffAzure/VMwareSites/contoso-vmwaresite/runasaccounts/7c1e4d2a-5b3f-5a6e-9d8c-0f1e2d3c4b5a`;
const LOGS = '/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/fabrikam-dr-rg/providers/Microsoft.Storage/storageAccounts/asrcachelogs';

describe('simulator: modernized failback through the SDK', function () {
  it('planned failover → commit pending (recorded state) → early reprotect fails on the agent → reprotect commits and protects to Azure', async () => {
    const sim = createSim({ scenario: 'failback-modernized', agentRegistrationMinutes: 15 });
    const { asr } = clients(sim);
    const start = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'sql-lnx-01');
    assert.deepEqual(start.properties?.allowedOperations, ['PlannedFailover', 'DisableProtection']);
    assert.equal(details(start).isAgentRegistrationSuccessfulAfterFailover, null, 'null before any failover (TestV2ARCMFailback.010)');

    // The recorded request has no failoverDirection (TestV2ARCMFailback.012).
    const failedOver = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginPlannedFailoverAndWait(
        vault,
        rg,
        fabric,
        container,
        'sql-lnx-01',
        {
          properties: { providerSpecificDetails: { instanceType: 'InMageRcmFailback', recoveryPointType: 'ApplicationConsistent' } },
        },
        FAST_POLL,
      ),
    );
    assert.equal(failedOver.properties?.protectionState, 'CommitPendingStatesBegin');
    assert.equal(failedOver.properties?.protectionStateDescription, 'Planned failover finished');
    assert.equal(failedOver.properties?.activeLocation, 'Recovery');
    assert.deepEqual(failedOver.properties?.allowedOperations, ['CompleteMigration', 'Commit', 'DisableProtection', 'SwitchProtection', 'CancelFailover']);
    assert.equal(details(failedOver).isAgentRegistrationSuccessfulAfterFailover, false);
    assert.equal(details(failedOver).lastPlannedFailoverStatus, 'Succeeded');
    const internalId = details(failedOver).internalIdentifier as string;

    // TestV2ARCM540Reprotect.015: sent in the commit-pending state, no failoverDirection, with runAsAccountId.
    const input = {
      properties: {
        providerSpecificDetails: {
          instanceType: 'InMageRcmFailback',
          processServerId: MODERN.ps,
          runAsAccountId: RUN_AS,
          policyId: policyId(sim, 'replication-policy-rcm'),
        } as never,
      },
    };
    const early = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'sql-lnx-01', input, FAST_POLL).then(
        () => undefined,
        (e: Error) => e,
      ),
      5_000,
    );
    assert.match(String(early?.message), /isn't installed or hasn't registered/);
    const job = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'SwitchReplicationGroupProtection' and state eq 'Failed'" })))[0];
    assert.equal(job.properties?.errors?.[0].serviceErrorDetails?.code, ASR_ERROR_CODES.agentNotRegistered);
    assert.equal(job.properties?.targetObjectId, internalId, 'modernized jobs name the item by internalIdentifier');
    assert.equal((await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'sql-lnx-01')).properties?.protectionState, 'CommitPendingStatesBegin');

    await sim.advance(15 * MINUTE);
    const registered = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'sql-lnx-01');
    assert.equal(details(registered).isAgentRegistrationSuccessfulAfterFailover, true, 'true once registered (TestV2ARCM540Reprotect.014)');
    const done = await whileAdvancing(sim, asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'sql-lnx-01', input, FAST_POLL));
    assert.equal(done.properties?.protectionState, 'Protected');
    assert.equal(details(done).instanceType, 'InMageRcm');
    assert.notEqual(details(done).internalIdentifier, internalId, 'a new replication, a new internalIdentifier (as recorded)');
    assert.equal(done.properties?.policyFriendlyName, 'replication-policy-rcm');
    assert.equal(details(done).protectedDisks.length, 2, 'replicating to Azure again: seed disks');
    const reprotectJob = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'SwitchReplicationGroupProtection' and state eq 'Succeeded'" })))[0];
    assert.deepEqual(
      reprotectJob.properties?.tasks?.map((t) => [t.taskId, t.state]),
      [
        ['SwitchReplicationGroupProtectionPreflightTask', 'Succeeded'],
        ['CommitFailoverTask', 'Succeeded'],
        ['DiscoverReplicaTask', 'Succeeded'],
        ['GetSwitchProtectionRequirementsTask', 'Succeeded'],
        ['ProtectReplicaTask', 'Succeeded'],
      ],
    );
    sim.dispose();
  });

  it('a commit keeps the item InMageRcmFailback (committed, reprotect still allowed); its reprotect skips the commit task', async () => {
    const sim = createSim({ scenario: 'failback-modernized', agentRegistrationMinutes: 0 });
    const { asr } = clients(sim);
    const committed = await whileAdvancing(sim, asr.replicationProtectedItems.beginFailoverCommitAndWait(vault, rg, fabric, container, 'web-lnx-05', FAST_POLL), 5_000);
    assert.equal(details(committed).instanceType, 'InMageRcmFailback');
    assert.ok(committed.properties?.allowedOperations?.includes('SwitchProtection'));
    assert.ok(!committed.properties?.allowedOperations?.includes('Commit'));
    const input = {
      properties: { providerSpecificDetails: { instanceType: 'InMageRcmFailback', processServerId: MODERN.ps, policyId: policyId(sim, 'replication-policy-rcm') } as never },
    };
    const done = await whileAdvancing(sim, asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'web-lnx-05', input, FAST_POLL));
    assert.equal(details(done).instanceType, 'InMageRcm');
    const job = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'SwitchReplicationGroupProtection'" })))[0];
    assert.equal(job.properties?.tasks?.[1].state, 'Other', 'nothing to commit: skipped, as recorded for a committed item');
    sim.dispose();
  });

  it('reprotect to on-premises of a VM running in Azure (InMageRcm committed) → InMageRcmFailback replicating to on-premises', async () => {
    const sim = createSim({ scenario: 'failback-modernized' });
    const { asr } = clients(sim);
    const before = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'web-win-06');
    assert.equal(before.properties?.protectionState, 'UnplannedFailoverCommitted');
    assert.equal(before.properties?.activeLocation, 'Recovery');
    assert.deepEqual(before.properties?.allowedOperations, ['CompleteMigration', 'DisableProtection', 'SwitchProtection']);
    const body = (d: Record<string, unknown>, failoverDirection = 'RecoveryToPrimary') => ({ properties: { failoverDirection, providerSpecificDetails: d as never } });
    const good = {
      instanceType: 'InMageRcm',
      reprotectAgentId: MODERN.agent,
      datastoreName: 'datastore2',
      logStorageAccountId: LOGS,
      policyId: policyId(sim, 'failback-policy-rcm'),
    };
    const send = (b: object) => asr.replicationProtectedItems.beginReprotect(vault, rg, fabric, container, 'web-win-06', b as never);
    const refused = (code: string) => (e: RestError) => e.statusCode === 400 && e.code === code;
    await assert.rejects(send(body(good, 'PrimaryToRecovery')), refused(ASR_ERROR_CODES.invalidFailoverDirection));
    await assert.rejects(
      send(body({ instanceType: 'InMageRcmFailback', processServerId: MODERN.ps, policyId: policyId(sim, 'replication-policy-rcm') })),
      refused(ASR_ERROR_CODES.invalidProviderInput),
    );
    await assert.rejects(send(body({ ...good, reprotectAgentId: 'nope' })), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send(body({ ...good, datastoreName: 'nope' })), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send(body({ ...good, policyId: policyId(sim, 'nope') })), refused(ASR_ERROR_CODES.unknownPolicy));
    await assert.rejects(send(body({ ...good, policyId: policyId(sim, 'replication-policy-rcm') })), refused(ASR_ERROR_CODES.policyProviderMismatch));
    // The SDK refuses to send a payload without its required fields, so send that one raw.
    const missing = await raw(
      sim,
      'POST',
      `${itemPath(sim, 'web-win-06', MODERN)}/reProtect?api-version=2023-06-01`,
      JSON.stringify({ properties: { providerSpecificDetails: { instanceType: 'InMageRcm', reprotectAgentId: MODERN.agent } } }),
    );
    assert.equal(missing.status, 400);
    assert.equal(missing.json?.error.code, ASR_ERROR_CODES.missingProviderInputField);
    const done = await whileAdvancing(sim, asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'web-win-06', body(good) as never, FAST_POLL));
    assert.equal(details(done).instanceType, 'InMageRcmFailback');
    assert.equal(done.properties?.protectionState, 'Protected');
    assert.deepEqual(done.properties?.allowedOperations, ['PlannedFailover', 'DisableProtection']);
    assert.equal(details(done).targetDataStoreName, 'datastore2');
    assert.equal(details(done).reprotectAgentId, MODERN.agent);
    assert.equal(details(done).logStorageAccountId, LOGS);
    assert.equal(details(done).lastUsedPolicyFriendlyName, 'replication-policy-rcm');
    assert.equal(done.properties?.policyFriendlyName, 'failback-policy-rcm');
    sim.dispose();
  });

  it('failover to Azure (recorded body) → commit pending at Recovery; change recovery point only with a provider input that exists', async () => {
    const sim = createSim({ scenario: 'failback-modernized' });
    const { asr } = clients(sim);
    const apply = (name: string, instanceType: string, recoveryPointId: string) =>
      raw(
        sim,
        'POST',
        `${itemPath(sim, name, MODERN)}/applyRecoveryPoint?api-version=2023-06-01`,
        JSON.stringify({ properties: { recoveryPointId, providerSpecificDetails: { instanceType, recoveryPointId } } }),
      );
    const failback = await apply('web-lnx-05', 'InMageRcmFailback', 'x');
    assert.equal(failback.status, 400);
    assert.equal(failback.json?.error.code, ASR_ERROR_CODES.invalidProviderInput);
    assert.match(failback.json?.error.message, /'InMageRcmFailback' is invalid/);
    const failedOver = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginUnplannedFailoverAndWait(
        vault,
        rg,
        fabric,
        container,
        'hr-lnx-07',
        {
          properties: {
            failoverDirection: 'PrimaryToRecovery',
            sourceSiteOperations: 'NotRequired',
            providerSpecificDetails: { instanceType: 'InMageRcm', performShutdown: 'False' } as never,
          },
        },
        FAST_POLL,
      ),
    );
    assert.equal(failedOver.properties?.protectionState, 'UnplannedFailoverCommitPendingStatesBegin');
    assert.equal(failedOver.properties?.activeLocation, 'Recovery');
    assert.deepEqual(failedOver.properties?.allowedOperations, ['CompleteMigration', 'Commit', 'DisableProtection', 'ChangePit', 'SwitchProtection']);
    const failoverJob = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'UnplannedFailover' and targetObjectName eq 'hr-lnx-07'" })))[0];
    assert.deepEqual(
      failoverJob.properties?.tasks?.map((t) => t.state),
      ['Succeeded', 'Other', 'Succeeded', 'Succeeded'],
      'no shutdown asked: skipped (TestV2ARCMFailover.1121)',
    );
    const points = await collect(asr.recoveryPoints.listByReplicationProtectedItems(vault, rg, fabric, container, 'hr-lnx-07'));
    const ok = await apply('hr-lnx-07', 'InMageRcm', points[3].id!);
    assert.equal(ok.status, 202);
    sim.dispose();
  });

  it('recovery plan failback is RecoveryToPrimary; useMultiVmSyncPoint picks the group common point; plan reprotect is refused', async () => {
    for (const sync of ['True', 'False'] as const) {
      const sim = createSim({ scenario: 'failback-modernized' });
      const { asr } = clients(sim);
      const points = (n: string) => collect(asr.recoveryPoints.listByReplicationProtectedItems(vault, rg, fabric, container, n));
      const [a, b] = [await points('erp-lnx-01'), await points('erp-win-01')];
      const input = (failoverDirection: 'PrimaryToRecovery' | 'RecoveryToPrimary') => ({
        properties: {
          failoverDirection,
          providerSpecificDetails: [{ instanceType: 'InMageRcmFailback' as const, recoveryPointType: 'ApplicationConsistent' as const, useMultiVmSyncPoint: sync }],
        },
      });
      await assert.rejects(
        asr.replicationRecoveryPlans.beginPlannedFailover(vault, rg, 'failback-erp', input('PrimaryToRecovery')),
        (e: RestError) => e.statusCode === 400 && e.code === ASR_ERROR_CODES.invalidFailoverDirection,
      );
      await whileAdvancing(sim, asr.replicationRecoveryPlans.beginPlannedFailoverAndWait(vault, rg, 'failback-erp', input('RecoveryToPrimary'), FAST_POLL));
      const chosen = async (n: string) => (await asr.replicationProtectedItems.get(vault, rg, fabric, container, n)).properties?.failoverRecoveryPointId?.split('/').pop();
      const latestApp = (ps: typeof a) => ps.find((p) => p.properties?.recoveryPointType === 'AppConsistent')!;
      const bApp = latestApp(b);
      const aAtB = a.find(
        (p) => p.properties?.recoveryPointType === 'AppConsistent' && p.properties.recoveryPointTime?.getTime() === bApp.properties?.recoveryPointTime?.getTime(),
      )!;
      assert.equal(await chosen('erp-win-01'), bApp.name);
      assert.equal(await chosen('erp-lnx-01'), sync === 'True' ? aAtB.name : latestApp(a).name);
      const reprotect = await raw(sim, 'POST', `${vaultPath(sim, MODERN as never)}/replicationRecoveryPlans/failback-erp/reProtect?api-version=2023-06-01`);
      assert.equal(reprotect.status, 400);
      assert.equal(reprotect.json?.error.code, 'UnsupportedReplicationProviderForReprotect');
      assert.match(reprotect.json?.error.message, /^Unsupported replication provider InMageRcmFailback for reprotect$/);
      sim.dispose();
    }
  });
});
