import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:https';
import { readFileSync } from 'node:fs';

describe('simulator: npm run simulator serves HTTPS', function () {
  this.timeout(60_000);

  it('prints the URL first, trusts its own CA and answers ARM requests', async () => {
    const child = spawn('npm', ['run', '--silent', 'simulator', '--', '--port', '0', '--scenario', 'failback-modernized'], {
      cwd: `${__dirname}/../../..`,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/NODE_EXTRA_CA_CERTS=\S+/.test(out)) resolve();
        });
        child.on('exit', (code) => reject(new Error(`simulator exited (${code}): ${out}`)));
      });
      const lines = out.split('\n');
      assert.match(lines[0], /^SIMULATOR_URL=https:\/\/127\.0\.0\.1:\d+$/);
      const url = lines[0].slice('SIMULATOR_URL='.length);
      const ca = readFileSync(/NODE_EXTRA_CA_CERTS=(\S+)/.exec(out)![1]);
      const get = (path: string, auth?: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(`${url}${path}`, { ca, headers: auth ? { Authorization: auth } : {} }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const subs = await get('/subscriptions?api-version=2022-12-01', 'Bearer x');
      assert.equal(subs.status, 200);
      assert.equal(JSON.parse(subs.body).value[0].subscriptionId, '22222222-3333-4444-5555-666666666666');
      const anonymous = await get('/subscriptions?api-version=2022-12-01');
      assert.equal(anonymous.status, 401);
    } finally {
      if (child.pid) {
        process.kill(-child.pid, 'SIGTERM');
      }
    }
  });
});
