import assert from 'node:assert/strict';
import { describeError, errorDetail, fromArmBody, redact } from '../../../src/domain/errors';

describe('errors and secrets', () => {
  it('reads ASR error bodies with causes and actions', () => {
    const info = fromArmBody({ error: { code: '28090', message: 'No recovery point.', possibleCauses: 'Replication is new.', recommendedAction: 'Wait.' } }, 400)!;
    assert.equal(errorDetail(info), '28090: No recovery point.\nPossible causes: Replication is new.\nRecommended action: Wait.');
  });
  it('removes bearer tokens, JWTs and Authorization values', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const text = redact(`Authorization: Bearer ${jwt} and {"access_token":"secret123"} and ${jwt}`);
    assert.ok(!text.includes(jwt));
    assert.ok(!text.includes('secret123'));
  });
  it('never throws on odd errors', () => {
    assert.equal(describeError('plain').message, 'plain');
    assert.equal(describeError(undefined).message, 'undefined');
    const rest = Object.assign(new Error('boom'), { statusCode: 409, details: { error: { code: 'Conflict', message: 'Busy' } } });
    assert.deepEqual([describeError(rest).code, describeError(rest).message, describeError(rest).status], ['Conflict', 'Busy', 409]);
  });
});
