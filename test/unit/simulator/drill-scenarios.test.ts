import assert from 'node:assert/strict';
import { CLASSIC, createSim, itemPath, MINUTE, MODERN, vaultPath } from './helpers';
import { azureVmNames, get, noDrillWarning } from './towards-azure-helpers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = 24 * 60 * MINUTE;

describe('simulator: practice VMs that run on-premises and replicate to Azure', function () {
  it('classic: InMageAzureV2 VMs replicating, never drilled (161011) or drilled 200 days ago, with points of both kinds', async () => {
    const sim = createSim({ pageSize: 1000 });
    const item = (name: string) => get(sim, itemPath(sim, name));
    const never = await item('ops-win-11');
    const p = never.properties;
    assert.equal(p.providerSpecificDetails.instanceType, 'InMageAzureV2');
    assert.equal(p.protectionState, 'Protected');
    assert.equal(p.activeLocation, 'Primary');
    assert.deepEqual(p.allowedOperations, ['UnplannedFailover', 'DisableProtection', 'TestFailover']);
    assert.equal(p.lastSuccessfulTestFailoverTime, null);
    // As recorded for V2A-W2K19-202 (V2AFailoverJob.008).
    const warning = noDrillWarning(never)!;
    assert.equal(warning.errorMessage, "No successful test failover has been done on the virtual machine 'ops-win-11'.");
    assert.equal(warning.errorCategory, 'TestFailover');
    assert.equal(warning.errorLevel, 'Warning');
    assert.equal(warning.errorType, '8010');
    assert.equal(warning.entityId, p.providerSpecificDetails.vmId);
    assert.equal(p.failoverHealth, 'Warning');
    assert.equal(p.replicationHealth, 'Normal');
    assert.equal(p.simulatorDetails.onPremisesVmPowerState, 'Running');

    const old = (await item('ops-lnx-12')).properties;
    const age = sim.now().getTime() - Date.parse(old.lastSuccessfulTestFailoverTime);
    assert.equal(Math.round(age / DAY), 200);
    assert.equal(noDrillWarning(await item('ops-lnx-12')), undefined);
    assert.equal(old.failoverHealth, 'Normal');

    const points = (await get(sim, `${itemPath(sim, 'ops-win-11')}/recoveryPoints`)).value as Record<string, any>[];
    const times = (type: string) => points.filter((x) => x.properties.recoveryPointType === type).map((x) => Date.parse(x.properties.recoveryPointTime));
    assert.ok(times('CrashConsistent').length > 100 && times('AppConsistent').length >= 20, 'a day of points');
    assert.equal(times('CrashConsistent')[0] - times('CrashConsistent')[1], 5 * MINUTE);
    assert.equal(times('AppConsistent')[0] - times('AppConsistent')[1], 60 * MINUTE);
    // The VMs drilled before this change keep no warning.
    assert.equal(noDrillWarning(await item('crm-lnx-04')), undefined);
    sim.dispose();
  });

  it('classic replication groups: alone, multiVmGroupName is multiVmGroupId (one GUID); in a group, its name and a GUID of its own', async () => {
    const sim = createSim();
    const details = async (name: string) => (await get(sim, itemPath(sim, name))).properties.providerSpecificDetails as Record<string, any>;
    for (const alone of ['ops-win-11', 'db-lnx-01', 'crm-lnx-04']) {
      const d = await details(alone);
      assert.match(d.multiVmGroupId, GUID, alone);
      assert.equal(d.multiVmGroupName, d.multiVmGroupId, alone);
      assert.equal(d.multiVmSyncStatus, 'Enabled', `${alone}: as recorded on every classic item`);
    }
    assert.notEqual((await details('ops-win-11')).multiVmGroupId, (await details('ops-lnx-12')).multiVmGroupId, 'each VM alone is its own group');
    const [db, app] = [await details('pay-db-13'), await details('pay-app-14')];
    assert.equal(db.multiVmGroupName, 'payroll-tier');
    assert.match(db.multiVmGroupId, GUID);
    assert.equal(app.multiVmGroupId, db.multiVmGroupId);
    assert.equal((await details('app-lnx-01')).multiVmGroupName, 'app-tier', 'the failback group keeps its name');
    const filtered = await get(sim, `${vaultPath(sim)}/replicationProtectedItems?$filter=${encodeURIComponent("multiVmGroupName eq 'payroll-tier'")}`);
    assert.deepEqual(filtered.value.map((i: { name: string }) => i.name).sort(), ['pay-app-14', 'pay-db-13']);
    sim.dispose();
  });

  it('classic plan dr-payroll and modernized plan dr-billing replicate to Azure and offer what TestV2ARCMRecoveryPlan.016 recorded', async () => {
    const classic = createSim();
    const payroll = (await get(classic, `${vaultPath(classic)}/replicationRecoveryPlans/dr-payroll`)).properties;
    assert.deepEqual(payroll.replicationProviders, ['InMageAzureV2']);
    assert.deepEqual(payroll.allowedOperations, ['UnplannedFailover', 'TestFailover']);
    assert.deepEqual(
      payroll.groups
        .filter((g: { groupType: string }) => g.groupType === 'Boot')
        .map((g: Record<string, any>) => g.replicationProtectedItems.map((i: { id: string }) => i.id.split('/').pop())),
      [['pay-db-13'], ['pay-app-14']],
    );
    const plans = (await get(classic, `${vaultPath(classic)}/replicationRecoveryPlans`)).value.map((x: { name: string }) => x.name);
    assert.deepEqual(plans, ['failback-app-tier', 'dr-payroll']);
    classic.dispose();

    const modern = createSim({ scenario: 'failback-modernized' });
    const v = MODERN as never;
    const billing = (await get(modern, `${vaultPath(modern, v)}/replicationRecoveryPlans/dr-billing`)).properties;
    assert.deepEqual(billing.replicationProviders, ['InMageRcm']);
    assert.deepEqual(billing.allowedOperations, ['UnplannedFailover', 'TestFailover']);
    assert.equal(billing.currentScenario, null);
    const item = (name: string) => get(modern, itemPath(modern, name, MODERN));
    const never = await item('bill-win-11');
    // As recorded for Rcm-W2K19-152 (TestV2ARCMTestFailover.011).
    const warning = noDrillWarning(never)!;
    assert.equal(warning.errorType, '15');
    assert.equal(warning.errorId, '6:15');
    assert.equal(warning.errorSource, 'ReplicationUnitFailoverValidatorError');
    assert.equal(warning.entityId, never.properties.providerSpecificDetails.internalIdentifier);
    assert.equal(never.properties.failoverHealth, 'Warning');
    assert.equal(never.properties.providerSpecificDetails.multiVmGroupName, null, 'modernized VMs alone: null, as recorded');
    assert.equal((await item('bill-lnx-12')).properties.providerSpecificDetails.multiVmGroupName, 'billing-tier');
    assert.equal(noDrillWarning(await item('bill-lnx-12')), undefined, 'drilled 200 days ago');
    assert.equal(noDrillWarning(await item('bill-db-13'))?.errorCode, '161011');
    assert.equal(noDrillWarning(await item('hr-lnx-07')), undefined);
    const modernPlans = (await get(modern, `${vaultPath(modern, v)}/replicationRecoveryPlans`)).value.map((x: { name: string }) => x.name);
    assert.deepEqual(modernPlans, ['failback-erp', 'dr-web-tier', 'dr-billing']);
    modern.dispose();
  });

  it('keeps the VMs of the failback cycle; the Azure VMs are those running (or stopped) in Azure, none of the VMs still on-premises', async () => {
    const sim = createSim();
    const names = (await get(sim, `${vaultPath(sim)}/replicationProtectedItems`)).value.map((i: { name: string }) => i.name);
    assert.deepEqual(names.slice(0, 8), ['app-lnx-01', 'app-win-01', 'db-lnx-01', 'file-win-01', 'web-lnx-02', 'web-win-03', 'crm-lnx-04', 'erp-win-05']);
    assert.deepEqual(names.slice(8), ['ops-win-11', 'ops-lnx-12', 'pay-db-13', 'pay-app-14']);
    // Replicating back from Azure (InMage) or committed in Azure: running there; failed back, commit pending: stopped; failed back and committed: gone.
    assert.deepEqual(await azureVmNames(sim, CLASSIC.rg), ['app-lnx-01', 'app-win-01', 'db-lnx-01', 'erp-win-05', 'file-win-01', 'web-lnx-02']);
    sim.dispose();
  });
});
