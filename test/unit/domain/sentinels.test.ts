import assert from 'node:assert/strict';
import { isNoneScenario, jobNameFromId, realDate } from '../../../src/domain/sentinels';

describe("Site Recovery's sentinel values", () => {
  it('treats 1753 and year-1 dates as no date', () => {
    assert.equal(realDate('1753-01-01T01:01:01Z'), undefined);
    assert.equal(realDate('0001-01-01T00:00:00'), undefined);
    assert.equal(realDate(new Date('1753-01-01T01:01:01Z')), undefined);
    assert.equal(realDate('2026-11-25T08:00:00Z')?.toISOString(), '2026-11-25T08:00:00.000Z');
    assert.equal(realDate('not a date'), undefined);
  });
  it('treats scenario None and the None job as no operation', () => {
    assert.ok(isNoneScenario('None'));
    assert.ok(isNoneScenario(undefined));
    assert.ok(!isNoneScenario('UnplannedFailover'));
    assert.equal(jobNameFromId('/Subscriptions/s/resourceGroups/r/providers/Microsoft.RecoveryServices/vaults/v/replicationJobs/None'), undefined);
    assert.equal(jobNameFromId('/Subscriptions/s/.../replicationJobs/abc-123'), 'abc-123');
  });
});
