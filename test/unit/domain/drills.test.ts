import assert from 'node:assert/strict';
import { cleanupComments, drillStatus, testEnvironmentAge } from '../../../src/domain/drills';
import { replicationGroupName } from '../../../src/domain/replicationGroups';
import { classicGroupRefusal, precheckFailover, towardsAzureRefusal } from '../../../src/domain/prechecks';
import { itemActions } from '../../../src/domain/actions';
import { describeItem, nextStepOf } from '../../../src/domain/itemState';
import { failbackChecklist } from '../../../src/domain/checklist';
import { item } from './fixtures';

const DAY = 86_400_000;
const now = Date.parse('2026-12-02T10:00:00Z');

describe('test failover drills', () => {
  it('says when a VM was last tested, and when that is too long ago or never', () => {
    assert.deepEqual(drillStatus({ lastSuccessfulTestFailoverTime: new Date(now - 3 * DAY) }, now, 180), { kind: 'recent', text: 'Last tested 3 days ago' });
    assert.equal(drillStatus({ lastSuccessfulTestFailoverTime: new Date(now - 200 * DAY) }, now, 180).kind, 'stale');
    assert.match(drillStatus({ lastSuccessfulTestFailoverTime: new Date(now - 200 * DAY) }, now, 180).text, /older than 180 days/);
    assert.equal(drillStatus({}, now, 180).kind, 'never');
    // The setting decides: 200 days is fine under a 365-day policy.
    assert.equal(drillStatus({ lastSuccessfulTestFailoverTime: new Date(now - 200 * DAY) }, now, 365).kind, 'recent');
  });

  it('flags a test environment left running for more than a day, only while cleanup is pending', () => {
    const pending = { allowedOperations: ['TestFailoverCleanup', 'DisableProtection'], lastSuccessfulTestFailoverTime: new Date(now - 2 * DAY - 3_600_000) };
    assert.match(testEnvironmentAge(pending, now) ?? '', /running for 2 days 1 h: clean it up/);
    assert.equal(testEnvironmentAge({ ...pending, lastSuccessfulTestFailoverTime: new Date(now - 3_600_000) }, now), undefined);
    assert.equal(testEnvironmentAge({ ...pending, allowedOperations: ['TestFailover'] }, now), undefined);
  });

  it('puts the outcome first in the cleanup comments', () => {
    assert.equal(cleanupComments(true, '  logon works '), 'Test succeeded: logon works');
    assert.equal(cleanupComments(false, ''), 'Test failed.');
  });

  it('offers cleanup, not another test failover, while a test failover waits for its cleanup', () => {
    const tested = item('modernToAzure', { allowedOperations: ['TestFailoverCleanup', 'DisableProtection'], testFailoverState: 'TestFailoverCompleted' });
    assert.ok(itemActions(tested).includes('cleanupTestFailover'));
    assert.ok(!itemActions(tested).includes('testFailover'));
    assert.match(describeItem(tested), /^Test failover · clean up when done/);
    assert.match(nextStepOf(tested), /clean up the test failover/);
    assert.match(towardsAzureRefusal(tested, 'testFailover') ?? '', /not cleaned up yet/);
    const [drill] = failbackChecklist(tested, 3, { now, maxAgeDays: 180 });
    assert.equal(drill.command, 'siteRecovery.cleanupTestFailover');
  });

  it('a checklist of a VM never tested offers the test failover', () => {
    const [drill] = failbackChecklist(item('modernToAzure'), 3, { now, maxAgeDays: 180 });
    assert.equal(drill.id, 'drill');
    assert.equal(drill.status, 'next');
    assert.equal(drill.command, 'siteRecovery.testFailover');
    assert.match(drill.detail, /Never tested/);
  });
});

describe("classic replication groups (the cmdlets' rule)", () => {
  const id = '826b9831-3f12-4bd2-aa80-77ae9e925548';
  it('reads a VM whose group name repeats its group id as alone', () => {
    assert.equal(replicationGroupName(id, id), undefined);
    assert.equal(replicationGroupName(id.toUpperCase(), id), undefined);
    assert.equal(replicationGroupName('app-tier', id), 'app-tier');
    // A GUID name that is not its own id, or the empty GUID, is a real group.
    assert.equal(replicationGroupName(id, '2fb3acb7-c250-46ee-a949-f5352db19ea9'), id);
    assert.equal(replicationGroupName('00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000');
    assert.equal(replicationGroupName(undefined, id), undefined);
  });

  it('refuses a classic VM of a named group alone, and points to its recovery plan', () => {
    const grouped = item('modernToAzure', { provider: 'InMageAzureV2', providerInstanceType: 'InMageAzureV2', multiVmGroupName: 'app-tier' });
    assert.match(classicGroupRefusal(grouped, 'fail over') ?? '', /replication group "app-tier".*recovery plan/);
    assert.match(towardsAzureRefusal(grouped, 'failoverToAzure') ?? '', /recovery plan/);
    // Through its plan it goes.
    assert.equal(towardsAzureRefusal(grouped, 'failoverToAzure', 3, true), undefined);
    // The classic failback applies the same rule (Start-AzRecoveryServicesAsrUnplannedFailoverJob, InMage).
    const groupedHome = item('classicReadyToFailBack', { multiVmGroupName: 'app-tier' });
    assert.match(precheckFailover([groupedHome], new Map([[groupedHome.id, 3]])).refused[0]?.reason ?? '', /recovery plan/);
    // Modernized groups are not refused: their plan recovers them to a common point.
    assert.equal(classicGroupRefusal({ ...grouped, provider: 'InMageRcm' }, 'fail over'), undefined);
  });
});
