// Defence in depth: nothing token-like survives into a stored run or a report, whatever a job
// message or a careless caller hands over.
import assert from 'node:assert/strict';
import { scrubText, storable } from '../../../../src/domain/runs/redact';
import { runJob } from '../../../../src/domain/runs/fromJobs';
import { runReportJson, runReportMarkdown } from '../../../../src/domain/runs/report';
import { failedFailoverJob } from './recordedJobs';
import type { RunRecord } from '../../../../src/domain/runs/types';

// Distinctive parts, so a partial leak shows too.
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJjYW5hcnkiOiJDQU5BUlkifQ.CANARY_c4n4ry_s1gnature';
const SAS_SIG = 'CANARYsasSIG%2Bk3y%3D';
const ACCOUNT_KEY = 'CANARYaccountKEY0123456789abcdef==';
const OPAQUE = 'CANARYopaqueT0ken';
const CANARIES = ['CANARY_c4n4ry', 'eyJjYW5hcnkiOiJDQU5BUlkifQ', 'CANARYsasSIG', 'CANARYaccountKEY', 'CANARYopaqueT0ken'];

function assertClean(where: string, text: string): void {
  for (const c of CANARIES) assert.ok(!text.includes(c), `${c} leaks into ${where}`);
}

describe('runs: nothing token-like is stored or reported', () => {
  it('scrubs bearer tokens, Authorization values, JWTs, SAS signatures and account keys from text', () => {
    const cases = [
      `Authorization: Bearer ${OPAQUE}`,
      `request failed with header authorization=${OPAQUE}`,
      `token ${JWT} expired`,
      `https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2030-01-01&sp=r&sig=${SAS_SIG}`,
      `SharedAccessSignature sr=x&sig=${SAS_SIG}&se=1`,
      `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`,
      `{"access_token":"${OPAQUE}"}`,
    ];
    for (const text of cases) assertClean(text, scrubText(text));
    // Ordinary words stay.
    assert.equal(scrubText('The client does not have authorization to perform action.'), 'The client does not have authorization to perform action.');
    assert.equal(scrubText('https://aka.ms/asr-failback'), 'https://aka.ms/asr-failback');
  });

  it('drops credential-named fields and keeps only JSON data', () => {
    const stored = storable({
      name: 'ok',
      headers: { Authorization: `Bearer ${OPAQUE}`, 'x-ms-request-id': 'r1' },
      accessToken: OPAQUE,
      client_secret: OPAQUE,
      when: new Date('2021-04-06T09:50:12Z'),
      missing: undefined,
      nothing: null,
      nan: Number.NaN,
      fn: () => OPAQUE,
      list: [1, undefined, 'a'],
    });
    assert.deepEqual(stored, { name: 'ok', headers: { 'x-ms-request-id': 'r1' }, when: '2021-04-06T09:50:12.000Z', list: [1, 'a'] });
  });

  it('a run whose job error carried a token is stored and reported without it', () => {
    const job = failedFailoverJob();
    const leaky = {
      ...job,
      errors: [{ ...job.errors[0], message: `Call failed: Authorization: Bearer ${JWT}`, recommendedAction: `Retry with https://x/y?sig=${SAS_SIG}` }],
    };
    const run = runJob(leaky);
    assertClean('the stored job', JSON.stringify(run));
    const record = {
      schemaVersion: 1,
      id: 'r',
      source: 'extension',
      vaultId: '/v',
      vaultName: 'v',
      practice: false,
      operation: 'failback',
      target: { kind: 'vms', vms: [{ name: 'vm' }] },
      startedBy: `alice ${JWT}`,
      startedAt: '2021-04-06T09:50:00Z',
      choices: { comments: `AccountKey=${ACCOUNT_KEY}` },
      jobs: [{ ...run, errors: [{ message: `Bearer ${OPAQUE}` }] }], // as if an older version had stored it
      outcomes: [],
    } as RunRecord;
    assertClean('the Markdown report', runReportMarkdown([record], { now: new Date(), vaultName: 'v' }));
    assertClean('the JSON report', JSON.stringify(runReportJson([record])));
  });
});
