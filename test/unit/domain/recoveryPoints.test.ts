import assert from 'node:assert/strict';
import {
  changeRecoveryPointOptions,
  commonAppConsistentTime,
  dataLossWording,
  isPointInUse,
  multiVmRecoveryPointOptions,
  PICKER_LIMITS,
  planRecoveryPointExplanation,
  pointInUseId,
  recoveryPointOptions,
  recoveryPointPickerTitle,
  replicationGroupWarnings,
  spanText,
  type RecoveryPointOption,
} from '../../../src/domain/recoveryPoints';
import type { RecoveryPointInfo } from '../../../src/domain/model';
import { item } from './fixtures';

// Latest point at 12:04 UTC, the clock at 12:10: "6 min ago". App-consistent at 11:00: 1 h 4 min before Latest.
const latestAt = Date.UTC(2026, 10, 25, 12, 4, 0);
const now = latestAt + 6 * 60_000;
const point = (minutesBeforeLatest: number, type: string, n: number): RecoveryPointInfo => ({
  id: `/Subscriptions/sub/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/web-01/recoveryPoints/rp${n}`,
  name: `rp${n}`,
  time: new Date(latestAt - minutesBeforeLatest * 60_000),
  type,
});
const points = [point(0, 'CrashConsistent', 1), point(5, 'CrashConsistent', 2), point(64, 'ApplicationConsistent', 3), point(124, 'ApplicationConsistent', 4)];

/** What a quick pick shows in full: label and description on one line, the detail below. */
function fitsPicker(o: Pick<RecoveryPointOption, 'label' | 'description' | 'detail'>): void {
  assert.ok(`${o.label}  ${o.description}`.length <= PICKER_LIMITS.line, `"${o.label}  ${o.description}" is cut off`);
  assert.ok(o.detail.length <= PICKER_LIMITS.detail, `"${o.detail}" is cut off`);
}

describe('recovery point choice', () => {
  it('modernized VM: short labels, the time with its age in the description, the data loss in the detail', () => {
    const opts = recoveryPointOptions('InMageRcmFailback', points, now);
    assert.deepEqual(
      opts.map((o) => o.choice.kind),
      ['latest', 'appConsistent'],
    );
    assert.deepEqual(
      opts.map((o) => o.label),
      ['Latest (crash-consistent)', 'Latest app-consistent'],
    );
    assert.equal(opts[0].description, '12:04 UTC · 6 min ago · recommended');
    assert.ok(opts[0].recommended);
    assert.equal(opts[1].description, '11:00 UTC · 1 h 10 min ago');
    assert.equal(opts[1].detail, '1 h 4 min before Latest: writes after it are lost.');
    assert.equal(opts[1].minutesOlderThanLatest, 64);
    opts.forEach(fitsPicker);
  });
  it('classic VM: Latest, app-consistent, then its specific points, each with type, time, age and data loss', () => {
    const opts = recoveryPointOptions('InMage', points, now);
    assert.deepEqual(
      opts.map((o) => o.choice.kind),
      ['latest', 'appConsistent', 'specific', 'specific', 'specific', 'specific'],
    );
    assert.equal(opts[0].label, 'Latest (crash-consistent)');
    assert.equal(opts[0].detail, 'All data Site Recovery has received: the least data loss.');
    assert.equal(opts[0].description, '12:04 UTC · 6 min ago · recommended');
    const specific = opts.filter((o) => o.choice.kind === 'specific');
    assert.deepEqual(
      specific.map((o) => o.label),
      ['Crash-consistent', 'Crash-consistent', 'App-consistent', 'App-consistent'],
    );
    assert.deepEqual(
      specific.map((o) => o.description),
      ['12:04 UTC · 6 min ago', '11:59 UTC · 11 min ago', '11:00 UTC · 1 h 10 min ago', '10:00 UTC · 2 h 10 min ago'],
    );
    assert.deepEqual(
      specific.map((o) => o.detail),
      [
        'No data loss compared with Latest.',
        '5 min before Latest: writes after it are lost.',
        '1 h 4 min before Latest: writes after it are lost.',
        '2 h 4 min before Latest: writes after it are lost.',
      ],
    );
    opts.forEach(fitsPicker);
    assert.equal(recoveryPointOptions('InMageRcmFailback', points, now).filter((o) => o.choice.kind === 'specific').length, 0);
  });
  it('shows the day of a point older than today', () => {
    const opts = recoveryPointOptions('InMage', [point(0, 'CrashConsistent', 1)], latestAt + 13 * 3_600_000);
    assert.equal(opts[0].description, '25 Nov 12:04 UTC · 13 h ago · recommended');
  });
  it('omits app-consistent when there is none', () => {
    assert.deepEqual(
      recoveryPointOptions('InMageRcmFailback', [points[0]], now).map((o) => o.choice.kind),
      ['latest'],
    );
  });
  it('the confirmation states the chosen point type, time and age', () => {
    const [latest, app] = recoveryPointOptions('InMageRcmFailback', points, now);
    assert.equal(app.summary, 'Latest app-consistent point, 11:00 UTC (1 h 4 min before Latest): writes after it are lost');
    assert.equal(latest.summary, 'Latest crash-consistent point, 12:04 UTC (6 min ago): the least data loss');
    const classic = recoveryPointOptions('InMage', points, now);
    assert.equal(classic[0].summary, 'Latest (crash-consistent): all data Site Recovery has received, newest point 12:04 UTC (6 min ago)');
    assert.equal(
      classic.find((o) => o.choice.kind === 'specific' && o.minutesOlderThanLatest === 5)!.summary,
      'Crash-consistent point, 11:59 UTC (5 min before Latest): writes after it are lost',
    );
  });
  it('words spans and data loss in minutes, hours and days', () => {
    assert.equal(spanText(6), '6 min');
    assert.equal(spanText(64), '1 h 4 min');
    assert.equal(spanText(180), '3 h');
    assert.equal(spanText(3 * 1440 + 120), '3 days 2 h');
    assert.equal(dataLossWording(0), 'No data loss compared with Latest.');
    assert.equal(dataLossWording(1), '1 min before Latest: writes after it are lost.');
    assert.equal(dataLossWording(180), '3 h before Latest: writes after it are lost.');
  });
  it('explains replication groups for plans', () => {
    assert.match(planRecoveryPointExplanation({ kind: 'latest' }, true), /each VM recovers to its own latest point/);
    assert.match(planRecoveryPointExplanation({ kind: 'appConsistent' }, true), /each replication group recovers to the latest point that all its VMs share/);
  });
});

describe('recovery point picker for several VMs and plans', () => {
  const lagging = [point(0, 'CrashConsistent', 11), point(124, 'ApplicationConsistent', 13), point(184, 'ApplicationConsistent', 14)];
  it('names the VM, the plan or the number of VMs in the title', () => {
    assert.equal(recoveryPointPickerTitle({ vms: ['web-01'] }), 'Fail back web-01: choose the recovery point');
    assert.equal(recoveryPointPickerTitle({ vms: ['a', 'b', 'c'] }), 'Fail back 3 VMs: choose the recovery point');
    assert.equal(recoveryPointPickerTitle({ vms: ['a', 'b'], plan: 'failback-erp' }), 'Fail back recovery plan failback-erp: choose the recovery point');
  });
  it('gives the range of times with the oldest age, and a replication group its shared point in a plan', () => {
    const vms = [
      { name: 'erp-lnx-01', points, group: 'erp-tier' },
      { name: 'erp-win-01', points: lagging, group: 'erp-tier' },
    ];
    const opts = multiVmRecoveryPointOptions(vms, { plan: true, now });
    assert.deepEqual(
      opts.map((o) => o.label),
      ['Latest (crash-consistent)', 'Latest app-consistent'],
    );
    assert.equal(opts[0].description, '12:04 UTC · 6 min ago · recommended');
    // The group's shared app-consistent point is 10:00 (erp-win-01 has none at 11:00).
    assert.equal(commonAppConsistentTime(vms.map((v) => v.points))?.getTime(), latestAt - 124 * 60_000);
    assert.equal(opts[1].description, '10:00 UTC · 2 h 10 min ago');
    assert.match(
      opts[1].summary,
      /^Latest app-consistent point of each VM, 10:00 UTC \(up to 2 h 4 min before Latest\): writes after it are lost; replication group erp-tier at 10:00 UTC/,
    );
    opts.forEach(fitsPicker);
    // Outside a plan each VM recovers to its own app-consistent point.
    const alone = multiVmRecoveryPointOptions(vms, { now });
    assert.equal(alone[1].description, '10:00–11:00 UTC · up to 2 h 10 min ago');
    alone.forEach(fitsPicker);
  });
  it('keeps a range across VMs on one line, "recommended" moving to the detail when the line is full', () => {
    const at = (minutesBefore: number, n: number) => point(minutesBefore, 'CrashConsistent', n);
    // Two days later, the VMs' newest points 1 min apart: "24 Nov"-style dates and a long age.
    const later = latestAt + (2 * 1440 + 7) * 60_000;
    const opts = multiVmRecoveryPointOptions(
      [
        { name: 'a', points: [at(0, 1)] },
        { name: 'b', points: [at(1, 2)] },
      ],
      { now: later },
    );
    assert.equal(opts[0].description, '25 Nov 12:03–12:04 UTC · up to 2 days ago');
    assert.match(opts[0].detail, /^Recommended\. Each VM recovers to its own newest point/);
    opts.forEach(fitsPicker);
  });
});

describe('replication group warning', () => {
  it('names the group and the plan to fail over instead when one VM fails over alone', () => {
    const web = item('classicReadyToFailBack', { friendlyName: 'web-01', multiVmGroupName: 'app-tier' });
    assert.deepEqual(replicationGroupWarnings([web]), [
      'web-01 is in replication group app-tier: failing it over alone recovers it to its own point; fail the recovery plan over to keep the group consistent.',
    ]);
    assert.deepEqual(replicationGroupWarnings([web], new Map([['app-tier', 'failback-app-tier']])), [
      'web-01 is in replication group app-tier: failing it over alone recovers it to its own point; fail recovery plan failback-app-tier over to keep the group consistent.',
    ]);
  });
  it('says it once per group, and nothing for VMs without one', () => {
    const a = item('classicReadyToFailBack', { friendlyName: 'app-01', multiVmGroupName: 'app-tier' });
    const b = item('classicReadyToFailBack', { friendlyName: 'app-02', multiVmGroupName: 'app-tier' });
    const c = item('classicReadyToFailBack', { friendlyName: 'db-01' });
    const warnings = replicationGroupWarnings([a, b, c]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^app-01 and app-02 are in replication group app-tier: failing them over outside a recovery plan recovers each to its own point/);
    assert.deepEqual(replicationGroupWarnings([c]), []);
  });
});

describe('change recovery point', () => {
  it('marks the point the VM runs from, matched by id or by name in any casing', () => {
    const inUse = points[2].id.toUpperCase().replace('/RECOVERYPOINTS/RP3', '/recoveryPoints/RP3');
    const opts = changeRecoveryPointOptions(points, inUse, now);
    assert.deepEqual(
      opts.map((o) => o.inUse),
      [false, false, true, false],
    );
    assert.equal(opts[2].label, 'App-consistent');
    assert.equal(opts[2].description, '11:00 UTC · 1 h 10 min ago · in use');
    assert.equal(opts[2].detail, '1 h 4 min before Latest: writes after it are lost.');
    assert.equal(opts[0].description, '12:04 UTC · 6 min ago');
    opts.forEach(fitsPicker);
    assert.ok(isPointInUse(points[1], 'rp2'));
    assert.deepEqual(
      changeRecoveryPointOptions(points, undefined, now).filter((o) => o.inUse),
      [],
    );
  });
  it('reads the point in use from the item', () => {
    const vm = item('modernInAzureCommitPending');
    assert.equal(pointInUseId(vm), undefined);
    assert.equal(pointInUseId({ ...vm, failoverRecoveryPointId: points[0].id }), points[0].id);
    assert.equal(pointInUseId({ ...vm, failoverRecoveryPointId: '' }), undefined);
  });
});
