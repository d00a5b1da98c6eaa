import assert from 'node:assert/strict';
import { dataLossWording, planRecoveryPointExplanation, recoveryPointOptions } from '../../../src/domain/recoveryPoints';
import type { RecoveryPointInfo } from '../../../src/domain/model';

const t0 = Date.UTC(2026, 10, 25, 8, 0, 0);
const point = (minutesAgo: number, type: string, n: number): RecoveryPointInfo => ({ id: `rp${n}`, name: `rp${n}`, time: new Date(t0 - minutesAgo * 60_000), type });
const points = [point(0, 'CrashConsistent', 1), point(5, 'CrashConsistent', 2), point(47, 'ApplicationConsistent', 3), point(107, 'ApplicationConsistent', 4)];

describe('recovery point choice', () => {
  it('puts Latest first, recommended, then app-consistent with its data loss', () => {
    const opts = recoveryPointOptions('InMageRcmFailback', points);
    assert.deepEqual(opts.map((o) => o.choice.kind), ['latest', 'appConsistent']);
    assert.ok(opts[0].recommended);
    assert.equal(opts[1].minutesOlderThanLatest, 47);
    assert.match(opts[1].detail, /≈ 47 minutes older than Latest: data written after it is lost/);
  });
  it('offers specific points for classic items only', () => {
    const classic = recoveryPointOptions('InMage', points);
    assert.equal(classic.filter((o) => o.choice.kind === 'specific').length, 4);
    assert.equal(recoveryPointOptions('InMageRcmFailback', points).filter((o) => o.choice.kind === 'specific').length, 0);
  });
  it('omits app-consistent when there is none', () => {
    assert.deepEqual(recoveryPointOptions('InMageRcmFailback', [points[0]]).map((o) => o.choice.kind), ['latest']);
  });
  it('words data loss in minutes and hours', () => {
    assert.equal(dataLossWording(0), 'No data loss compared with Latest.');
    assert.equal(dataLossWording(1), '≈ 1 minute older than Latest: data written after it is lost.');
    assert.equal(dataLossWording(180), '≈ 3 hours older than Latest: data written after it is lost.');
  });
  it('explains replication groups for plans', () => {
    assert.match(planRecoveryPointExplanation({ kind: 'latest' }, true), /each VM recovers to its own latest point/);
    assert.match(planRecoveryPointExplanation({ kind: 'appConsistent' }, true), /each replication group recovers to the latest point that all its VMs share/);
  });
});
