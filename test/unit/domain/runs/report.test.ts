// The run report, built from recorded jobs through the real mapper: a reader who was not there
// must follow what ran, with which choices, step by step, how each VM ended and what to do about
// a failure; a run from the job history says what it cannot tell; the JSON matches the schema
// documented in docs/run-report.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { failedFailoverJob, recordedJob } from './recordedJobs';
import { outcomesFromJobs, runJob, runsFromJobHistory } from '../../../../src/domain/runs/fromJobs';
import { RUN_REPORT_SCHEMA, mdText, runReportJson, runReportMarkdown } from '../../../../src/domain/runs/report';
import { RUN_SCHEMA_VERSION, type RunRecord } from '../../../../src/domain/runs/types';

const NOW = new Date('2021-04-07T08:00:00Z');
const VAULT_ID = '/Subscriptions/b8aef8e1-37df-4f17-a537-f10e183c8eca/resourceGroups/PwsTestRG/providers/Microsoft.RecoveryServices/vaults/PwsTestVault';

/** A failback this extension ran: the recorded classic failback job, with the choices the command made. */
function failbackRun(): RunRecord {
  const job = runJob(recordedJob('classic/V2ATestFailback.605.job-failover-succeeded.json'));
  const target = {
    kind: 'vms' as const,
    vms: [{ name: 'V2A-W2K16-201', id: `${VAULT_ID}/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/V2A-W2K16-201-new` }],
  };
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: 'run-1',
    source: 'extension',
    vaultId: VAULT_ID,
    vaultName: 'PwsTestVault',
    practice: false,
    operation: 'failback',
    target,
    startedBy: 'alice@contoso.com',
    startedAt: '2021-04-06T12:02:30.000Z',
    endedAt: '2021-04-06T12:06:11.000Z',
    choices: {
      recoveryPoint: {
        label: 'Latest app-consistent',
        kind: 'appConsistent',
        time: '2021-04-06T11:48:00.000Z',
        dataLossMinutes: 12,
        summary: 'Latest app-consistent point, 11:48 UTC (12 min before Latest): writes after it are lost',
      },
    },
    jobs: [job],
    outcomes: outcomesFromJobs(target, [job]),
  };
}

function failedRun(): RunRecord {
  const job = runJob(failedFailoverJob());
  const target = { kind: 'vms' as const, vms: [{ name: 'V2A-W2K16-201' }] };
  return {
    ...failbackRun(),
    id: 'run-2',
    operation: 'failoverToAzure',
    target,
    startedAt: job.start!,
    endedAt: job.end!,
    choices: { recoveryPoint: { label: 'Latest (crash-consistent)', kind: 'latest', time: '2021-04-06T09:48:12.007Z', dataLossMinutes: 0 } },
    jobs: [job],
    outcomes: outcomesFromJobs(target, [job]),
  };
}

/** The lines of the section of run `n` ("## n. …") up to the next run. */
function section(md: string, n: number): string[] {
  const lines = md.split('\n');
  const from = lines.findIndex((l) => l.startsWith(`## ${n}. `));
  assert.ok(from >= 0, `run ${n} has a section`);
  const to = lines.findIndex((l, i) => i > from && (/^## \d+\. /.test(l) || l === '---'));
  return lines.slice(from, to);
}

/** Cells of a GFM table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  assert.match(row, /^\|.*\|$/);
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Every GFM table in the text: header, delimiter and rows all with the header's number of cells. */
function tables(md: string): string[][][] {
  const out: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      const row = cells(line);
      if (!current) out.push((current = []));
      else assert.equal(row.length, current[0].length, `a row of ${current[0].length} cells: ${line}`);
      current.push(row);
    } else current = undefined;
  }
  for (const t of out)
    assert.ok(
      t[1].every((c) => /^:?-{3,}:?$/.test(c)),
      'the second row is the delimiter row',
    );
  return out;
}

describe('run report (Markdown): a run of this extension', () => {
  const md = runReportMarkdown([failbackRun()], { now: NOW, vaultName: 'PwsTestVault', vaultId: VAULT_ID });
  const run = section(md, 1);

  it('says what, who, when, in UTC, with a summary row', () => {
    assert.match(md, /^# Site Recovery run report: PwsTestVault\n/);
    assert.ok(md.includes('- Times: UTC, ISO 8601'), 'the UTC note');
    const [summary] = tables(md);
    assert.deepEqual(summary[2], ['1', 'Failback', 'V2A-W2K16-201', '2021-04-06T12:02:30Z', '3 min 41 s', 'succeeded', 'alice@contoso.com', 'this extension']);
    assert.ok(run.includes('- Operation: Failback (failover from Azure to on-premises)'));
    assert.ok(run.includes('- Started by: alice@contoso.com'));
    assert.ok(run.includes('- Started: 2021-04-06T12:02:30Z'));
    assert.ok(run.includes('- Duration: 3 min 41 s'));
  });

  it('states the recovery point with its time and the data-loss window it implied', () => {
    const line = run.find((l) => l.startsWith('- Recovery point:'));
    assert.equal(
      line,
      '- Recovery point: Latest app-consistent, point time 2021-04-06T11:48:00Z; data-loss window 12 min: writes in the 12 min before the newest recovery point are lost',
    );
    assert.ok(run.includes('  - As confirmed: Latest app-consistent point, 11:48 UTC (12 min before Latest): writes after it are lost'));
  });

  it('has a timeline row per job and task, with state, start, end and a readable duration', () => {
    const timeline = tables(run.join('\n'))[0];
    assert.deepEqual(timeline[0], ['Step', 'State', 'Start (UTC)', 'End (UTC)', 'Duration']);
    assert.deepEqual(timeline.slice(2), [
      ['**Job: Failover** (`a2e9f617-66a6-4933-9ffc-d5665da42abf`)', 'Succeeded', '2021-04-06T12:02:36Z', '2021-04-06T12:06:11Z', '3 min 35 s'],
      // Recorded: 12:02:36.962–12:03:35.164, sentinel dates for the skipped ones, 12:03:35.164–12:05:55.296, 12:05:55.296–12:06:11.366.
      ['↳ Prerequisites check for failover', 'Succeeded', '2021-04-06T12:02:36Z', '2021-04-06T12:03:35Z', '58 s'],
      ['↳ Shut down the virtual machine', 'Skipped', '—', '—', '—'],
      ['↳ Synchronizing the latest changes', 'Skipped', '—', '—', '—'],
      ['↳ Start failover', 'Succeeded', '2021-04-06T12:03:35Z', '2021-04-06T12:05:55Z', '2 min 20 s'],
      ['↳ Start the replica virtual machine', 'Succeeded', '2021-04-06T12:05:55Z', '2021-04-06T12:06:11Z', '16 s'],
    ]);
  });

  it('gives the outcome per VM and no failures', () => {
    const outcome = tables(run.join('\n'))[1];
    assert.deepEqual(outcome.slice(2), [['V2A-W2K16-201', 'Succeeded', 'Failover succeeded.']]);
    assert.ok(run.includes('None reported by Site Recovery.'));
    assert.ok(!md.includes('What the job history cannot tell'));
  });
});

describe('run report (Markdown): a failure', () => {
  const md = runReportMarkdown([failedRun()], { now: NOW, vaultName: 'PwsTestVault' });
  const run = section(md, 1);

  it('names the failed task, the error, its possible causes and the recommended action (once, not repeated from the job)', () => {
    const from = run.indexOf('### Failures');
    assert.deepEqual(run.slice(from + 2, from + 5), [
      '1. Job "Failover" on V2A-W2K16-201 (`eb06d59d-69b3-4063-a029-648eab5eea53`), task "Start failover": error `78024`: \'Disk0\' disk is inconsistent with its replication target and requires a resync to continue.',
      '   - Possible causes: Replication consistency was lost due to missed data in transit or an intermittent server failure.',
      '   - Recommended action: Start the resynchronization process. If the issue persists, please contact support.',
    ]);
    assert.ok(!run.some((l) => l.startsWith('2. ')), 'the job repeats its task error: told once');
  });

  it('marks the run failed, the failed task and the task that never ran', () => {
    assert.match(run[0], /^## 1\. Failover to Azure: V2A-W2K16-201 — failed$/);
    const timeline = tables(run.join('\n'))[0];
    assert.deepEqual(
      timeline.find((r) => r[0] === '↳ Start failover'),
      ['↳ Start failover', 'Failed', '2021-04-06T09:50:18Z', '2021-04-06T09:53:40Z', '3 min 22 s'],
    );
    assert.deepEqual(
      timeline.find((r) => r[0] === '↳ Start the replica virtual machine'),
      ['↳ Start the replica virtual machine', 'Not started', '—', '—', '—'],
    );
    const outcome = tables(run.join('\n'))[1];
    assert.deepEqual(outcome[2].slice(0, 2), ['V2A-W2K16-201', 'Failed']);
    assert.match(outcome[2][2], /^Failover failed at "Start failover": 'Disk0' disk is inconsistent/);
  });

  it('states a data-loss window of none for Latest', () => {
    assert.ok(run.some((l) => l.endsWith('; no data loss compared with the newest recovery point')));
  });
});

describe('run report (Markdown): runs from the job history', () => {
  const since = new Date(NOW.getTime() - 7 * 86_400_000);
  const runs = runsFromJobHistory(
    [
      recordedJob('modernized/TestV2ARCMTestFailover.1082.job-testfailover-succeeded.json'),
      recordedJob('modernized/TestV2ARCMTestFailover.1407.job-testfailovercleanup-succeeded.json'),
    ],
    { sinceMs: 0, now: Date.parse('2021-08-27T00:00:00Z') },
  );
  const md = runReportMarkdown(runs, { now: new Date('2021-08-27T00:00:00Z'), vaultName: 'Rcm-Vault-4678', jobHistory: { days: 7, since } });

  it('leaves out the choices and the account, and says the job history cannot tell them', () => {
    for (const n of [1, 2]) {
      const run = section(md, n);
      assert.ok(run.includes('### What the job history cannot tell'), `run ${n}`);
      assert.ok(!run.includes('### Choices'), `run ${n} has no choices`);
      assert.ok(run.includes('- Started by: not in the job history'));
      assert.ok(!run.some((l) => l.startsWith('- Recovery point:')));
    }
    assert.match(md, /- Period: the vault's job history of the last 7 days/);
    assert.match(md, /The job history does not record who started it, nor the choices made/);
  });

  it('tells the test failover and its cleanup apart, oldest first, with their tasks', () => {
    assert.match(section(md, 1)[0], /^## 1\. Test failover: Rcm-W2K19-152 — succeeded$/);
    assert.match(section(md, 2)[0], /^## 2\. Test failover cleanup: Rcm-W2K19-152 — succeeded$/);
    const timeline = tables(section(md, 1).join('\n'))[0];
    assert.deepEqual(timeline[2].slice(1), ['Succeeded', '2021-08-26T06:35:54Z', '2021-08-26T06:43:46Z', '7 min 51 s']);
    assert.equal(timeline.length, 2 + 1 + 4, 'the job and its four tasks');
  });
});

describe('run report (Markdown): text from Azure and users cannot break it', () => {
  it('escapes pipes, line breaks, links and HTML in cells and lines', () => {
    const run = failbackRun();
    run.target = { kind: 'vms', vms: [{ name: 'web|01\n<b>x</b>' }] };
    run.outcomes = [{ vm: 'web|01\n<b>x</b>', outcome: 'failed', detail: 'a | b\r\n[click](javascript:alert(1)) *bold*' }];
    run.choices = { comments: 'line 1\nline 2 | with pipe' };
    const md = runReportMarkdown([run], { now: NOW, vaultName: 'vault|x' });
    tables(md); // every row keeps its cell count
    assert.ok(!md.includes('<b>'), 'no raw HTML');
    assert.ok(!md.includes('[click]('), 'no live link');
    assert.ok(md.includes('- Notes: line 1 line 2 \\| with pipe'));
    assert.equal(mdText('snake_case_name'), 'snake_case_name', 'an underscore inside a word stays as it is');
    assert.equal(mdText('_lead and trail_'), '\\_lead and trail\\_');
  });
});

// ---------------------------------------------------------------------------------------------
// JSON: validated against the JSON Schema in docs/run-report.md with a small validator for the
// subset it uses. Strict: an object may hold only documented properties, so a field the code
// writes but the document does not describe fails here.

type Schema = Record<string, any>;

function documentedSchema(): Schema {
  const doc = readFileSync(path.join(__dirname, '../../../../docs/run-report.md'), 'utf8');
  const block = doc.split('### JSON Schema')[1]?.match(/```json\n([\s\S]*?)\n```/)?.[1];
  assert.ok(block, 'docs/run-report.md holds the JSON Schema');
  return JSON.parse(block);
}

function validate(value: unknown, schema: Schema, root: Schema, where = '$'): string[] {
  if (schema.$ref) return validate(value, root.$defs[String(schema.$ref).replace('#/$defs/', '')], root, where);
  const errors: string[] = [];
  if ('const' in schema && value !== schema.const) errors.push(`${where}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (schema.type === 'integer' ? !Number.isInteger(value) : schema.type && schema.type !== type) errors.push(`${where}: expected ${schema.type}, got ${type}`);
  if (schema.format === 'date-time' && (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value))) errors.push(`${where}: not an ISO UTC time`);
  if (type === 'array' && schema.items) (value as unknown[]).forEach((v, i) => errors.push(...validate(v, schema.items, root, `${where}[${i}]`)));
  if (type === 'object' && schema.type === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in obj)) errors.push(`${where}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (!schema.properties?.[k]) errors.push(`${where}.${k}: not documented`);
      else errors.push(...validate(v, schema.properties[k], root, `${where}.${k}`));
    }
  }
  return errors;
}

describe('run report (JSON): the documented schema', () => {
  const schema = documentedSchema();

  it('holds every run, recorded and from the job history, as the schema says', () => {
    const history = runsFromJobHistory([recordedJob('classic/V2AFailoverJob.304.job-commit-succeeded.json')], { sinceMs: 0, now: NOW });
    const full = failbackRun();
    full.choices = {
      ...full.choices,
      processServer: { name: 'ps-01', id: 'ps-id' },
      masterTarget: { name: 'mt-01', id: 'mt-id' },
      datastore: { name: 'datastore1' },
      retentionDrive: 'F:\\',
      policy: { name: 'failback-policy', id: '/policies/p' },
      network: { name: 'vnet-test' },
      comments: 'tested',
      testSucceeded: true,
      shutdownSourceVms: false,
      perVm: [{ vm: 'V2A-W2K16-201', choices: { datastore: { name: 'ds2' } } }],
    };
    full.notes = ['a note'];
    const doc = JSON.parse(
      JSON.stringify(runReportJson([full, failedRun(), ...history], { now: NOW, vaultName: 'PwsTestVault', vaultId: VAULT_ID, jobHistory: { days: 7, since: new Date(0) } })),
    );
    assert.deepEqual(validate(doc, schema, schema), []);
    assert.equal(doc.schema, RUN_REPORT_SCHEMA);
    assert.equal(doc.runs.length, 3);
    assert.deepEqual(
      doc.runs.map((r: RunRecord) => [r.operation, r.source]),
      [
        ['failoverToAzure', 'extension'],
        ['commit', 'jobHistory'],
        ['failback', 'extension'],
      ],
      'oldest first',
    );
  });

  it('the validator catches what the schema forbids (a test that can fail)', () => {
    const doc = JSON.parse(JSON.stringify(runReportJson([failbackRun()], { now: NOW })));
    doc.runs[0].operation = 'deleteEverything';
    doc.runs[0].jobs[0].tasks[0].start = 'yesterday';
    doc.runs[0].token = 'x';
    delete doc.runs[0].outcomes;
    assert.deepEqual(validate(doc, schema, schema).length, 4);
  });
});
