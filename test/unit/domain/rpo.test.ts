// Recovery-point age where people look (issue #19): the row says how old the latest point is,
// and warns when it is older than the replication policy allows.
import assert from 'node:assert/strict';
import { rpoState, minutesWords, replicationRpo } from '../../../src/domain/rpo';
import { itemRowText } from '../../../src/domain/itemState';
import { itemTooltipRows, pointRows } from '../../../src/domain/itemTooltip';
import type { RecoveryPointInfo } from '../../../src/domain/model';
import { item } from './fixtures';

const min = (m: number) => m * 60;

describe('RPO against the policy threshold', () => {
  it('within the threshold: the age alone', () => {
    assert.deepEqual(rpoState({ rpoSeconds: min(4) }, 15), { text: 'RPO 4 min', over: false });
  });

  it('over the threshold: a warning that names it', () => {
    assert.deepEqual(rpoState({ rpoSeconds: min(25) }, 15), { text: '⚠ RPO 25 min (over 15 min)', over: true });
  });

  it('at the threshold, as a person reads the minutes, is not over', () => {
    // 15 min 20 s reads "15 min": a warning "RPO 15 min (over 15 min)" would contradict itself.
    assert.deepEqual(rpoState({ rpoSeconds: 920 }, 15), { text: 'RPO 15 min', over: false });
    assert.equal(rpoState({ rpoSeconds: 940 }, 15)?.over, true, '15 min 40 s reads 16 min');
  });

  it('no threshold (modernized policies record none, or the policies could not be read): no warning', () => {
    assert.deepEqual(rpoState({ rpoSeconds: min(600) }), { text: 'RPO 10 h', over: false });
    assert.deepEqual(rpoState({ rpoSeconds: min(600) }, 0), { text: 'RPO 10 h', over: false }, 'a threshold of 0 is none');
  });

  it('no RPO reported: nothing to show', () => {
    assert.equal(rpoState({ rpoSeconds: undefined }, 15), undefined);
  });

  it('long ages in hours and days, the threshold in its own unit', () => {
    assert.equal(rpoState({ rpoSeconds: min(150) }, 60)?.text, '⚠ RPO 3 h (over 60 min)');
    assert.equal(rpoState({ rpoSeconds: min(3 * 1440) }, 15)?.text, '⚠ RPO 3 days (over 15 min)');
    assert.deepEqual(
      [0, 119, 120, 2879, 2880].map((m) => minutesWords(m)),
      ['0 min', '119 min', '2 h', '48 h', '2 days'],
    );
  });

  it('shown only while the VM replicates: after a failover it is the last one measured', () => {
    assert.equal(replicationRpo({ rpoSeconds: min(25) }, 'replicatingToAzure', 15)?.over, true);
    assert.equal(replicationRpo({ rpoSeconds: min(25) }, 'readyToFailBack', 15)?.over, true);
    for (const phase of ['runningInAzure', 'failedOverToAzure', 'awaitingCommit', 'needsReprotect', 'operationRunning', 'notReady'] as const) {
      assert.equal(replicationRpo({ rpoSeconds: min(25) }, phase, 15), undefined, phase);
    }
  });
});

describe('the tree row with the RPO', () => {
  it('a classic VM replicating to Azure over its policy threshold', () => {
    const vm = item('classicToAzure', { rpoSeconds: min(25) });
    assert.equal(itemRowText(vm, undefined, 0, 15), 'Replicating to Azure · ⚠ RPO 25 min (over 15 min)');
    assert.equal(itemRowText(vm, undefined, 0), 'Replicating to Azure · RPO 25 min', 'no threshold known: no warning');
  });

  it('a VM replicating home within its threshold', () => {
    assert.equal(itemRowText(item('classicReadyToFailBack', { rpoSeconds: min(4) }), undefined, 0, 15), 'Replicating to on-premises · RPO 4 min');
  });

  it('a committed failover shows no RPO, whatever the last one was', () => {
    assert.equal(itemRowText(item('classicInAzureCommitted', { rpoSeconds: min(25) }), undefined, 0, 15), 'Running in Azure · reprotect to on-premises');
  });

  it('a replication warning with no health issue is the RPO: said once', () => {
    const vm = item('classicToAzure', { rpoSeconds: min(11), replicationHealth: 'Warning' });
    assert.equal(itemRowText(vm, undefined, 0, 5), 'Replicating to Azure · ⚠ RPO 11 min (over 5 min)');
    // Within the threshold, or with no threshold known, the warning is something else: it stays.
    assert.equal(itemRowText(vm, undefined, 0, 15), 'Replicating to Azure · ⚠ warning: replication · RPO 11 min');
    assert.equal(itemRowText(vm, undefined, 0), 'Replicating to Azure · ⚠ warning: replication · RPO 11 min');
    // A named issue, or a failover warning, is not the RPO's.
    const drill = { code: '161011', message: 'No drill', level: 'Warning' };
    assert.equal(itemRowText({ ...vm, healthIssues: [drill] }, undefined, 0, 5), 'Replicating to Azure · ⚠ warning: No drill · ⚠ RPO 11 min (over 5 min)');
    assert.equal(itemRowText({ ...vm, failoverHealth: 'Warning' }, undefined, 0, 5), 'Replicating to Azure · ⚠ warning: replication · ⚠ RPO 11 min (over 5 min)');
  });

  it('at critical health the row names an error-level issue before a warning', () => {
    const vm = item('modernToAzure', {
      replicationHealth: 'Critical',
      healthIssues: [
        { code: '161011', message: 'No successful test failover', level: 'Warning' },
        { code: '325091', message: 'Recent crash consistent point not available', level: 'Error' },
      ],
    });
    assert.equal(itemRowText(vm, undefined, 0), 'Replicating to Azure · ✖ critical: Recent crash consistent point not available');
    assert.equal(itemRowText({ ...vm, replicationHealth: 'Warning' }, undefined, 0), 'Replicating to Azure · ⚠ warning: No successful test failover');
  });

  it('a running operation replaces the whole row', () => {
    assert.equal(itemRowText(item('classicToAzure', { rpoSeconds: min(25) }), 'Failover · starting', 0, 15), 'Failover · starting');
  });

  it('the tooltip holds the RPO against the threshold', () => {
    const rpoRow = (rpo: number, threshold?: number, state: 'classicToAzure' | 'classicInAzureCommitted' = 'classicToAzure') =>
      new Map(itemTooltipRows(item(state, { rpoSeconds: min(rpo) }), 0, undefined, { rpoThresholdMinutes: threshold })).get('RPO');
    assert.equal(rpoRow(25, 15), "⚠ 25 min · over the policy's 15 min threshold");
    assert.equal(rpoRow(4, 15), '4 min · threshold 15 min');
    assert.equal(rpoRow(4), '4 min');
    assert.equal(rpoRow(25, 15, 'classicInAzureCommitted'), '25 min', 'failed over: no threshold to hold it to');
  });
});

describe('the latest recovery points in the tooltip', () => {
  const now = Date.parse('2025-06-10T12:10:00Z');
  const point = (iso: string, type: string): RecoveryPointInfo => ({ id: iso, name: iso, time: new Date(iso), type });

  it('the newest point is the latest crash-consistent one; the newest app-consistent one beside it', () => {
    const points = [point('2025-06-10T12:05:00Z', 'CrashConsistent'), point('2025-06-10T11:00:00Z', 'AppConsistent'), point('2025-06-10T12:00:00Z', 'CrashConsistent')];
    assert.deepEqual(pointRows({ points }, now), [
      ['Latest crash-consistent point', '2025-06-10 12:05:00 UTC (5 min ago)'],
      ['Latest app-consistent point', '2025-06-10 11:00:00 UTC (70 min ago)'],
    ]);
  });

  it('an app-consistent point newer than every crash-consistent one is the latest of both', () => {
    const points = [point('2025-06-10T12:00:00Z', 'CrashConsistent'), point('2025-06-10T12:08:00Z', 'ApplicationConsistent')];
    assert.deepEqual(
      pointRows({ points }, now).map(([, v]) => v),
      ['2025-06-10 12:08:00 UTC (2 min ago)', '2025-06-10 12:08:00 UTC (2 min ago)'],
    );
  });

  it('no point yet, or no app-consistent one', () => {
    assert.deepEqual(pointRows({ points: [] }, now), [
      ['Latest crash-consistent point', 'none yet'],
      ['Latest app-consistent point', 'none yet'],
    ]);
    assert.equal(pointRows({ points: [point('2025-06-10T12:05:00Z', 'CrashConsistent')] }, now)[1][1], 'none yet');
  });

  it('a failed read says so instead of "none yet"', () => {
    assert.deepEqual(pointRows({ error: 'The operation timed out.' }, now), [['Recovery points', 'could not be read: The operation timed out.']]);
  });

  it('the tooltip keeps its rows and adds the points after the RPO; the pointer to the failover picker goes once the points are there', () => {
    const vm = item('classicToAzure', { rpoSeconds: min(4), osType: 'Windows' });
    const before = itemTooltipRows(vm, now).map(([k]) => k);
    const after = itemTooltipRows(vm, now, undefined, { points: { points: [point('2025-06-10T12:05:00Z', 'CrashConsistent')] } }).map(([k]) => k);
    assert.ok(before.includes('Latest recovery point'));
    assert.deepEqual(
      after,
      before.flatMap((k) => (k === 'Latest recovery point' ? ['Latest crash-consistent point', 'Latest app-consistent point'] : [k])),
    );
    // A VM that names its own latest point keeps that row too.
    const modern = item('modernToAzure', { latestRecoveryPointTime: new Date('2025-06-10T12:05:00Z') });
    const rows = itemTooltipRows(modern, now, undefined, { points: { points: [] } }).map(([k]) => k);
    assert.deepEqual(rows.slice(rows.indexOf('RPO') + 1, rows.indexOf('RPO') + 4), ['Latest recovery point', 'Latest crash-consistent point', 'Latest app-consistent point']);
  });
});
