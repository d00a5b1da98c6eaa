import assert from 'node:assert/strict';
import type { RestError } from '@azure/core-rest-pipeline';
import { ASR_ERROR_CODES } from '../../../src/simulator/index';
import { CLASSIC, clients, collect, createSim, FAST_POLL, itemPath, raw, vaultPath, whileAdvancing } from './helpers';

const { vault, rg, fabric, container } = CLASSIC;
const details = (item: { properties?: { providerSpecificDetails?: unknown } }) => item.properties?.providerSpecificDetails as Record<string, any>;

describe('simulator: classic VMs in Azure (failover to Azure, reprotect to on-premises)', function () {
  it('failover to Azure (recorded body) → commit → running in Azure, committed; jobs name the VM by its id', async () => {
    const sim = createSim();
    const { asr } = clients(sim);
    const before = await asr.replicationProtectedItems.get(vault, rg, fabric, container, 'crm-lnx-04');
    // V2AFailoverJob.010.
    const failedOver = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginUnplannedFailoverAndWait(
        vault,
        rg,
        fabric,
        container,
        'crm-lnx-04',
        {
          properties: { failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'NotRequired', providerSpecificDetails: { instanceType: 'InMageAzureV2' } as never },
        },
        FAST_POLL,
      ),
    );
    assert.equal(failedOver.properties?.activeLocation, 'Recovery');
    assert.ok(failedOver.properties?.allowedOperations?.includes('Commit'));
    const job = (await collect(asr.replicationJobs.list(vault, rg, { filter: "scenarioName eq 'UnplannedFailover' and targetObjectName eq 'crm-lnx-04'" })))[0];
    assert.equal(job.properties?.targetObjectId, details(before).vmId);
    assert.deepEqual(
      job.properties?.tasks?.map((t) => [t.taskId, t.state]),
      [
        ['UnplannedFailoverPreflightChecksTask', 'Succeeded'],
        ['ShutdownVmOnPrimaryForUFO', 'Other'],
        ['PrepareForUnPlannedFailoverTask', 'Other'],
        ['FailoverTask', 'Succeeded'],
        ['StartVmOnSecondary', 'Succeeded'],
      ],
    );
    const committed = await whileAdvancing(sim, asr.replicationProtectedItems.beginFailoverCommitAndWait(vault, rg, fabric, container, 'crm-lnx-04', FAST_POLL), 5_000);
    assert.equal(committed.properties?.protectionState, 'UnplannedFailoverCommitted');
    assert.deepEqual(committed.properties?.allowedOperations, ['CompleteMigration', 'DisableProtection', 'SwitchProtection']);
    assert.equal(details(committed).instanceType, 'InMageAzureV2');
    assert.equal((committed.properties as Record<string, any>).simulatorDetails.azureVmPowerState, 'Running');
    sim.dispose();
  });

  it('reprotect to on-premises with the recorded InMage input, each id checked against the configuration server', async () => {
    const sim = createSim({ agentRegistrationMinutes: 0 });
    const { asr } = clients(sim);
    const profileId = (name: string) => `${vaultPath(sim)}/replicationPolicies/${name}`;
    // Shape of V2ATestSwitchProtection.013.
    const good = {
      instanceType: 'InMage',
      masterTargetId: CLASSIC.masterTarget,
      processServerId: CLASSIC.psOnPrem,
      retentionDrive: 'R',
      runAsAccountId: '2',
      datastoreName: 'datastore1',
      diskExclusionInput: { volumeOptions: [{ volumeLabel: 'Temporary Storage', onlyExcludeIfSingleVolume: 'Yes' }] },
      profileId: profileId('failback-policy'),
    };
    const send = (d: Record<string, unknown>, failoverDirection = 'RecoveryToPrimary') =>
      asr.replicationProtectedItems.beginReprotect(vault, rg, fabric, container, 'erp-win-05', { properties: { failoverDirection, providerSpecificDetails: d as never } });
    const refused = (code: string) => (e: RestError) => e.statusCode === 400 && e.code === code;
    await assert.rejects(send(good, 'PrimaryToRecovery'), refused(ASR_ERROR_CODES.invalidFailoverDirection));
    await assert.rejects(send({ ...good, instanceType: 'InMageAzureV2' }), refused(ASR_ERROR_CODES.invalidProviderInput));
    await assert.rejects(send({ ...good, processServerId: 'nope' }), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send({ ...good, masterTargetId: 'nope' }), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send({ ...good, retentionDrive: 'Q' }), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send({ ...good, datastoreName: 'nope' }), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send({ ...good, runAsAccountId: '9' }), refused(ASR_ERROR_CODES.unknownInfrastructure));
    await assert.rejects(send({ ...good, profileId: profileId('replication-policy-24h') }), refused(ASR_ERROR_CODES.policyProviderMismatch));
    const done = await whileAdvancing(
      sim,
      asr.replicationProtectedItems.beginReprotectAndWait(
        vault,
        rg,
        fabric,
        container,
        'erp-win-05',
        { properties: { failoverDirection: 'RecoveryToPrimary', providerSpecificDetails: good as never } },
        FAST_POLL,
      ),
    );
    assert.equal(details(done).instanceType, 'InMage');
    assert.equal(done.properties?.protectionState, 'Protected');
    assert.deepEqual(done.properties?.allowedOperations, ['UnplannedFailover', 'DisableProtection']);
    assert.equal(details(done).masterTargetId, CLASSIC.masterTarget);
    assert.equal(done.properties?.policyFriendlyName, 'failback-policy');
    sim.dispose();
  });

  it('change recovery point has no InMage input: refused with a 400 naming it', async () => {
    const sim = createSim();
    const res = await raw(
      sim,
      'POST',
      `${itemPath(sim, 'web-lnx-02')}/applyRecoveryPoint?api-version=2023-06-01`,
      JSON.stringify({ properties: { recoveryPointId: 'x', providerSpecificDetails: { instanceType: 'InMage' } } }),
    );
    assert.equal(res.status, 400);
    assert.equal(res.json?.error.code, ASR_ERROR_CODES.invalidProviderInput);
    assert.match(res.json?.error.message, /'InMage' is invalid/);
    const plan = await raw(sim, 'POST', `${vaultPath(sim)}/replicationRecoveryPlans/failback-app-tier/reProtect?api-version=2023-06-01`);
    assert.equal(plan.json?.error.code, 'UnsupportedReplicationProviderForReprotect');
    sim.dispose();
  });
});
