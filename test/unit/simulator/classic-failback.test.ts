import assert from 'node:assert/strict';
import type { RestError } from '@azure/core-rest-pipeline';
import { ASR_ERROR_CODES } from '../../../src/simulator/index';
import { CLASSIC, clients, collect, createSim, FAST_POLL, MINUTE, whileAdvancing } from './helpers';

const { vault, rg, fabric, container } = CLASSIC;

describe('simulator: classic failback through the SDK', function () {
  it('failover → commit → early reprotect fails on the agent → reprotect after registration → InMageAzureV2 Protected', async () => {
    const sim = createSim({ agentRegistrationMinutes: 15 });
    const { asr } = clients(sim);
    const before = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'app-win-01');
    assert.deepEqual(before.properties?.allowedOperations, ['UnplannedFailover', 'DisableProtection']);
    assert.equal(before.properties?.currentScenario?.scenarioName, 'None');

    const failedOver = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginUnplannedFailoverAndWait(
        vault,
        rg,
        fabric,
        container,
        'app-win-01',
        {
          properties: {
            failoverDirection: 'PrimaryToRecovery',
            sourceSiteOperations: 'NotRequired',
            providerSpecificDetails: { instanceType: 'InMage', recoveryPointType: 'LatestTime' } as never,
          },
        },
        FAST_POLL,
      ),
    );
    assert.equal(failedOver.properties?.protectionState, 'UnplannedFailoverCommitPendingStatesBegin');
    assert.ok(failedOver.properties?.allowedOperations?.includes('Commit'));
    const extras = (failedOver.properties as Record<string, any>).simulatorDetails;
    // sourceSiteOperations NotRequired: the Azure VM is not shut down (its task is skipped, as recorded).
    assert.equal(extras.azureVmPowerState, 'Running');
    assert.equal(extras.onPremisesVmPowerState, 'Running');
    assert.equal(extras.vmwareToolsEnabled, true);

    const jobs = await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'UnplannedFailover' and targetObjectName eq 'app-win-01'" }));
    assert.equal(jobs.length, 1);
    // V2ATestFailback.605: the recorded tasks, shutdown and sync skipped ("Other"), about 3.5 minutes.
    assert.deepEqual(
      jobs[0].properties?.tasks?.map((t) => [t.name, t.state]),
      [
        ['VmUfoPrerequisitesCheck', 'Succeeded'],
        ['VmShutdownVmOnPrimary', 'Other'],
        ['VmPrepareForUnPlannedFailover', 'Other'],
        ['VmFailover', 'Succeeded'],
        ['VmFoStartVmOnSecondary', 'Succeeded'],
      ],
    );
    const total = jobs[0].properties!.endTime!.getTime() - jobs[0].properties!.startTime!.getTime();
    assert.ok(total >= 3 * MINUTE && total <= 8 * MINUTE, `failover took ${total / MINUTE} min`);

    const committed = await whileAdvancing(sim, asr.replicationProtectedItems.beginFailoverCommitAndWait(vault, rg, fabric, container, 'app-win-01', FAST_POLL), 5_000);
    assert.equal(committed.properties?.protectionState, 'UnplannedFailoverCommitted');
    assert.deepEqual(committed.properties?.allowedOperations, ['CompleteMigration', 'DisableProtection', 'SwitchProtection']);
    assert.equal(committed.properties?.activeLocation, 'Recovery');
    assert.equal((committed.properties as Record<string, any>).simulatorDetails.azureVmPowerState, 'Deleted');

    const reprotectInput = {
      properties: {
        failoverDirection: 'RecoveryToPrimary',
        providerSpecificDetails: {
          instanceType: 'InMageAzureV2',
          processServerId: CLASSIC.psOnPrem,
          masterTargetId: CLASSIC.masterTarget,
          runAsAccountId: '2',
          policyId: 'replication-policy-24h',
          logStorageAccountId: '/subscriptions/x/resourceGroups/contoso-dr-rg/providers/Microsoft.Storage/storageAccounts/logs',
        } as never,
      },
    };
    // Too early: the agent on the just-started on-prem VM has not registered yet; ASR accepts, the job fails.
    const early = asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'app-win-01', reprotectInput, FAST_POLL);
    const error = await whileAdvancing(
      sim,
      early.then(
        () => undefined,
        (e: unknown) => e,
      ),
      5_000,
    );
    assert.ok(error instanceof Error, 'the poller reports the failed job');
    assert.match((error as Error).message, /Mobility service agent/);
    const failedJob = (await collect(asr.replicationJobs.list(vault, rg, { filter: "state eq 'Failed' and targetObjectName eq 'app-win-01'" })))[0];
    assert.equal(failedJob.properties?.tasks?.[0].state, 'Failed');
    assert.equal(failedJob.properties?.errors?.[0].serviceErrorDetails?.code, ASR_ERROR_CODES.agentNotRegistered);
    assert.deepEqual(failedJob.properties?.allowedActions, ['Restart']);
    const stillCommitted = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'app-win-01');
    assert.equal(stillCommitted.properties?.protectionState, 'UnplannedFailoverCommitted');

    await sim.advance(15 * MINUTE);
    const reprotected = await whileAdvancing(sim, asr.replicationProtectedItems.beginReprotectAndWait(vault, rg, fabric, container, 'app-win-01', reprotectInput, FAST_POLL));
    assert.equal(reprotected.properties?.protectionState, 'Protected');
    assert.equal(reprotected.properties?.providerSpecificDetails?.instanceType, 'InMageAzureV2');
    assert.deepEqual(reprotected.properties?.allowedOperations, ['UnplannedFailover', 'DisableProtection', 'TestFailover']);
    sim.dispose();
  });

  it('refuses failover of a VM without recovery points, and wrong inputs, without creating a job', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    const jobsBefore = (await collect(asr.replicationJobs.list(vault, rg))).length;
    await assert.rejects(
      asr.replicationProtectedItems.beginUnplannedFailover(vault, rg, fabric, container, 'file-win-01', {
        properties: { failoverDirection: 'PrimaryToRecovery', providerSpecificDetails: { instanceType: 'InMage', recoveryPointType: 'LatestTime' } as never },
      }),
      (e: RestError) => e.statusCode === 400 && e.code === ASR_ERROR_CODES.noRecoveryPoint,
    );
    await assert.rejects(
      asr.replicationProtectedItems.beginUnplannedFailover(vault, rg, fabric, container, 'app-lnx-01', {
        properties: { providerSpecificDetails: { instanceType: 'InMageAzureV2' } },
      }),
      (e: RestError) => e.statusCode === 400 && e.code === ASR_ERROR_CODES.invalidProviderInput,
    );
    await assert.rejects(
      asr.replicationProtectedItems.beginFailoverCommit(vault, rg, fabric, container, 'app-lnx-01'),
      (e: RestError) => e.statusCode === 400 && e.code === ASR_ERROR_CODES.operationNotAllowed,
    );
    await assert.rejects(
      asr.replicationProtectedItems.beginReprotect(vault, rg, fabric, container, 'web-win-03', {
        properties: {
          providerSpecificDetails: {
            instanceType: 'InMageAzureV2',
            processServerId: 'nope',
            masterTargetId: CLASSIC.masterTarget,
            runAsAccountId: '1',
            policyId: 'replication-policy-24h',
            logStorageAccountId: 'x',
          } as never,
        },
      }),
      (e: RestError) => e.statusCode === 400 && e.code === ASR_ERROR_CODES.unknownInfrastructure,
    );
    await asr.replicationProtectedItems.beginFailoverCommit(vault, rg, fabric, container, 'web-lnx-02');
    await assert.rejects(
      asr.replicationProtectedItems.beginFailoverCommit(vault, rg, fabric, container, 'web-lnx-02'),
      (e: RestError) => e.statusCode === 409 && e.code === ASR_ERROR_CODES.operationInProgress,
    );
    assert.equal((await collect(asr.replicationJobs.list(vault, rg))).length, jobsBefore + 1);
    sim.dispose();
  });

  it('recovery plan failover: LatestTag recovers the replication group to its common app-consistent point, LatestTime each VM to its own', async () => {
    for (const kind of ['LatestTag', 'LatestTime'] as const) {
      const sim = createSim();
      const { asr } = clients(sim);
      const points = async (name: string) => collect(asr.recoveryPoints.listByReplicationProtectedItems(vault, rg, fabric, container, name));
      const lnx = await points('app-lnx-01');
      const win = await points('app-win-01');
      const db = await points('db-lnx-01');
      const latestApp = (ps: typeof lnx) => ps.find((p) => p.properties?.recoveryPointType === 'AppConsistent')!;
      assert.notEqual(latestApp(lnx).properties?.recoveryPointTime?.getTime(), latestApp(win).properties?.recoveryPointTime?.getTime());

      // The plan keeps its on-premises primary fabric: failing back from Azure is RecoveryToPrimary.
      const input = (failoverDirection: 'PrimaryToRecovery' | 'RecoveryToPrimary') => ({
        properties: { failoverDirection, sourceSiteOperations: 'NotRequired', providerSpecificDetails: [{ instanceType: 'InMage' as const, recoveryPointType: kind }] },
      });
      await assert.rejects(
        asr.replicationRecoveryPlans.beginUnplannedFailover(vault, rg, 'failback-app-tier', input('PrimaryToRecovery')),
        (e: RestError) => e.statusCode === 400 && e.code === ASR_ERROR_CODES.invalidFailoverDirection,
      );
      const plan = await whileAdvancing(sim, asr.replicationRecoveryPlans.beginUnplannedFailoverAndWait(vault, rg, 'failback-app-tier', input('RecoveryToPrimary'), FAST_POLL));
      assert.ok(plan.properties?.lastUnplannedFailoverTime);
      const chosen = async (name: string) => (await asr.replicationProtectedItems.get(vault, rg, fabric, container, name)).properties?.failoverRecoveryPointId?.split('/').pop();
      if (kind === 'LatestTag') {
        const common = latestApp(win).properties!.recoveryPointTime!.getTime();
        const lnxAtCommon = lnx.find((p) => p.properties?.recoveryPointType === 'AppConsistent' && p.properties.recoveryPointTime!.getTime() === common)!;
        assert.equal(await chosen('app-lnx-01'), lnxAtCommon.name);
        assert.equal(await chosen('app-win-01'), latestApp(win).name);
        assert.equal(await chosen('db-lnx-01'), latestApp(db).name);
      } else {
        assert.equal(await chosen('app-lnx-01'), lnx[0].name);
        assert.equal(await chosen('app-win-01'), win[0].name);
      }
      const job = (await collect(asr.replicationJobs.list(vault, rg, { filter: "targetInstanceType eq 'RecoveryPlan'" })))[0];
      assert.equal(job.properties?.state, 'Succeeded');
      const details = job.properties?.customDetails as { protectedItemDetails: { friendlyName: string; recoveryPointId: string }[] };
      assert.equal(details.protectedItemDetails.length, 3);
      assert.equal(details.protectedItemDetails.find((d) => d.friendlyName === 'app-lnx-01')?.recoveryPointId, await chosen('app-lnx-01'));
      sim.dispose();
    }
  });
});
