import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { describeError, errorDetail, redact } from '../../../src/domain/errors';
import { failbackPhase } from '../../../src/domain/itemState';
import { JobTracker } from '../../../src/jobs/jobTracker';
import { Scope } from '../../../src/scope';
import { SiteRecoverySimulator } from '../../../src/simulator';
import { prepareFailover } from '../../../src/workflows/failoverPrep';
import { ManualTimers } from '../jobs/manualTimers';
import { MemoryStore } from '../jobs/memoryStore';

// A JWT-shaped access token; each of its parts is distinctive, so a partial leak shows too.
const HEADER = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9';
const PAYLOAD = 'eyJjYW5hcnkiOiJDQU5BUlkifQ';
const SIGNATURE = 'CANARY_c4n4ry_s1gnature';
const CANARY = `${HEADER}.${PAYLOAD}.${SIGNATURE}`;

function assertNoCanary(where: string, text: string): void {
  for (const part of [CANARY, PAYLOAD, SIGNATURE]) assert.ok(!text.includes(part), `the token leaks into ${where}`);
}

type Failure = Error & { request?: { headers: { get(name: string): string | undefined } }; response?: unknown };

async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected a failure');
}

describe('security: the access token never leaks', function () {
  this.timeout(20_000);

  it('not into the request log, snapshot, job log, watch store, errors or their messages', async () => {
    const sim = SiteRecoverySimulator.create({ scenario: 'failback-modernized', clock: 'manual', retryAfterSeconds: 0 });
    const credential: TokenCredential = { getToken: async () => ({ token: CANARY, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const sent: string[] = [];
    const httpClient: HttpClient = {
      sendRequest: (req) => {
        sent.push(req.headers.get('authorization') ?? '');
        return sim.httpClient.sendRequest(req);
      },
    };
    const scope = new Scope('canary', 'Canary', { credential, endpoint: sim.endpoint, httpClient, practice: true });
    const timers = new ManualTimers((ms) => sim.advance(ms));
    const store = new MemoryStore();
    const log: string[] = [];
    const tracker = new JobTracker({ scopes: () => scope.queries, store, log: (line) => log.push(line), interval: () => 30_000, timers, now: () => sim.now() });
    try {
      const [vault] = await scope.queries.listVaults(sim.subscriptionId);
      const items = (await scope.queries.listItemsPage(vault)).items;
      const [first, second] = (
        await prepareFailover(
          scope.queries,
          items.filter((i) => failbackPhase(i) === 'readyToFailBack'),
        )
      ).ready;
      assert.ok(first && second, 'two VMs ready to fail back');

      // Errors the Azure layer throws: 401, refused 500 and reset on the POST, malformed JSON.
      sim.injectFault({ kind: 'expiredToken', method: 'GET', pathIncludes: `/replicationProtectedItems/${first.name}` });
      const expired = await failure(scope.queries.getItem(first));
      sim.injectFault({ kind: 'serverError', method: 'POST' });
      const serverError = await failure(scope.operations.failoverItem(first, { kind: 'latest' }));
      sim.injectFault({ kind: 'reset', method: 'POST' });
      const reset = await failure(scope.operations.failoverItem(first, { kind: 'latest' }));
      sim.injectFault({ kind: 'malformedJson', method: 'GET', pathIncludes: `/replicationProtectedItems/${first.name}` });
      const malformed = await failure(scope.queries.getItem(first));
      assert.deepEqual([expired.name, serverError.name, reset.name, malformed.name], ['RestError', 'RestError', 'RestError', 'RestError']);

      // A job followed through an outage and an expired sign-in: the tracker logs both.
      const started = await scope.operations.failoverItem(second, { kind: 'latest' });
      const watched = tracker.follow({ scopeKey: 'canary', vault, jobName: started.jobName!, label: second.friendlyName });
      await timers.advance(0);
      sim.injectFault({ kind: 'unavailable', method: 'GET', pathIncludes: '/replicationJobs', times: 4, retryAfterSeconds: 0 });
      await timers.advance(timers.nextDelay()!);
      sim.injectFault({ kind: 'expiredToken', method: 'GET', pathIncludes: '/replicationJobs', times: Infinity });
      for (let i = 0; i < 5 && timers.nextDelay() !== undefined; i++) await timers.advance(timers.nextDelay()!);
      sim.clearFaults();
      tracker.resumeAfterSignIn('canary');
      for (let i = 0; i < 200 && tracker.running().length; i++) await timers.advance(timers.nextDelay() ?? 30_000);
      assert.equal((await watched.done).state, 'Succeeded');
      assert.ok(log.some((l) => /ServiceUnavailable/.test(l)) && log.some((l) => /ExpiredAuthenticationToken/.test(l)), 'the faults were logged');

      assert.ok(sent.length > 10 && sent.every((h) => h === `Bearer ${CANARY}`), 'every request carried the canary');
      assertNoCanary('the request log', JSON.stringify(sim.requestLog));
      assertNoCanary('the snapshot', JSON.stringify(sim.snapshot()));
      assertNoCanary('the job log', log.join('\n'));
      assertNoCanary('the watch store', JSON.stringify(store.value));

      for (const [what, e] of Object.entries({ expired, serverError, reset, malformed })) {
        assertNoCanary(`String(${what})`, String(e));
        assertNoCanary(`${what}.stack`, String(e.stack));
        assertNoCanary(`JSON.stringify(${what})`, JSON.stringify(e));
        assertNoCanary(`inspect(${what})`, inspect(e, { depth: 10 })); // the SDK's sanitizer
        assertNoCanary(`errorDetail(${what})`, errorDetail(describeError(e)));
        // The SDK keeps the request, Authorization header included, on the error (non-enumerable):
        // whoever serializes it in full gets the token, which is why our code logs only describeError().
        assert.equal(e.request?.headers.get('authorization'), `Bearer ${CANARY}`, `${what} carries the request`);
        const full = JSON.stringify({ ...e, message: e.message, request: e.request, response: e.response });
        assert.ok(full.includes(CANARY));
        assertNoCanary(`redact(full ${what})`, redact(full));
      }
    } finally {
      tracker.dispose();
      sim.dispose();
    }
  });

  it('redact() strips tokens in every shape they take in serialized requests and errors', () => {
    const shapes = [
      `{"authorization":"Bearer ${CANARY}"}`,
      `{"Authorization": "Bearer ${CANARY}", "x": 1}`,
      `Authorization: Bearer ${CANARY}`,
      `authorization=${CANARY}`,
      `{"access_token":"${CANARY}","refresh_token":"${SIGNATURE}"}`,
      `token ${CANARY} in a sentence`,
    ];
    for (const s of shapes) assertNoCanary(`redact(${s.slice(0, 30)})`, redact(s));
  });

  it('our code never logs or shows an error object itself, only describeError() of it', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== 'simulator') walk(path); // the simulator has no token to leak: it accepts any
        } else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(__dirname, '../../../src'));
    const risky = [
      /\b(?:log|channel|output)\w*\.(?:error|warn|info|debug|trace|appendLine|append)\(\s*(?:e|err|error|ex)\s*[,)]/,
      /\bconsole\./,
      /\binspect\(/,
      /JSON\.stringify\(\s*(?:e|err|error|ex)\s*[,)]/,
      /\$\{\s*(?:e|err|error|ex)\s*\}/,
    ];
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => risky.some((r) => r.test(line))),
    );
    assert.ok(files.length > 30);
    assert.deepEqual(hits, []);
  });
});
