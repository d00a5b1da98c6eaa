// run.mjs — `npm run test:integration`: runs test/integration/suite in a real VS Code.
//
//   1. bundles the extension and the suite: node esbuild.mjs --tests (→ dist/, out/integration/)
//   2. picks the host:
//        desktop  VSCODE_EXECUTABLE is set, or a desktop VS Code is found (and a display
//                 is available on Linux): @vscode/test-electron runTests (desktop.mjs)
//        web      otherwise: the offline host, code-server + headless Chromium (web.mjs),
//                 installed/checked first by install.sh
//      SITE_RECOVERY_HOST=web|desktop forces one.
//   3. runs the suite through result-wrapper.cjs and reads its result file: VS Code reports
//      a lost extension host as exit 0, so success needs the driver's exit 0 AND a result
//      saying "passed".
//   4. prints `integration: N passed, M failed` and exits 0 / 1 (124 on timeout).
//
// Options: --grep <regexp> (only matching tests). Env: SITE_RECOVERY_TEST_TIMEOUT (s, default
// 900), SITE_RECOVERY_TEST_WORKSPACE, SITE_RECOVERY_SCREENSHOTS, SITE_RECOVERY_HOST_LOGS,
// SITE_RECOVERY_HOST_VERBOSE=1, SITE_RECOVERY_HOST_CACHE (see install.sh).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, installHost, killGroup, log } from './workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const timeoutS = Number(process.env.SITE_RECOVERY_TEST_TIMEOUT || 900);
const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.SITE_RECOVERY_TEST_GREP;

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

/** A desktop VS Code executable (the Electron binary, not the `code` CLI script), if any. */
function findDesktopVSCode() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  const candidates = [];
  const cli = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' }).stdout?.split(/\r?\n/)[0];
  if (cli) {
    const bin = path.dirname(fs.realpathSync(cli)); // <install>/bin
    if (process.platform === 'linux') candidates.push(path.join(bin, '..', 'code'));
    if (process.platform === 'darwin') candidates.push(path.join(bin, '..', '..', '..', 'MacOS', 'Electron'));
    if (process.platform === 'win32') candidates.push(path.join(bin, '..', 'Code.exe'));
  }
  candidates.push('/usr/share/code/code', '/snap/code/current/usr/share/code/code', '/opt/visual-studio-code/code', '/Applications/Visual Studio Code.app/Contents/MacOS/Electron');
  return candidates.map((c) => path.resolve(c)).find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

function chooseHost() {
  const forced = process.env.SITE_RECOVERY_HOST;
  if (forced && forced !== 'web' && forced !== 'desktop') throw new Error(`SITE_RECOVERY_HOST must be web or desktop, not "${forced}"`);
  if (forced === 'web') return { kind: 'web' };
  const executable = findDesktopVSCode();
  if (executable) return { kind: 'desktop', executable };
  if (forced === 'desktop') throw new Error('SITE_RECOVERY_HOST=desktop but no VS Code found; set VSCODE_EXECUTABLE');
  return { kind: 'web' };
}

function build() {
  fs.rmSync(path.join(REPO_ROOT, 'out', 'integration'), { recursive: true, force: true }); // no stale suites
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node esbuild.mjs --tests failed (exit ${r.status ?? r.signal})`);
}

/** Runs one driver (web.mjs or desktop.mjs) in its own process group, under a hard time limit. */
function runDriver(script, env) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'site-recovery-run-'));
  const pgidFile = path.join(scratch, 'code-server.pgid');
  const child = spawn(
    process.execPath,
    [path.join(HERE, script), REPO_ROOT, path.join(HERE, 'result-wrapper.cjs')], // web.mjs ignores the 2nd
    { cwd: REPO_ROOT, stdio: 'inherit', detached: true, env: { ...process.env, ...env, SITE_RECOVERY_HOST_PGID_FILE: pgidFile } },
  );
  // Backstop for a driver that hangs or is killed: end its group and code-server's group
  // (only the groups this run created).
  const killAll = async () => {
    await killGroup(child.pid);
    let server;
    try {
      server = JSON.parse(fs.readFileSync(pgidFile, 'utf8'));
    } catch {
      // the driver never started code-server
    }
    if (server?.pgid > 0) await killGroup(server.pgid);
    if (server?.tmp && !process.env.SITE_RECOVERY_HOST_KEEP_TMP) fs.rmSync(server.tmp, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = async (signal) => {
    log(`${signal}: stopping the VS Code host`);
    await killAll();
    fs.rmSync(resultDir, { recursive: true, force: true });
    process.exit(130);
  };
  signals.forEach((s) => process.on(s, onSignal));
  return new Promise((resolve) => {
    let timedOut = false;
    const hardLimit = setTimeout(
      () => {
        timedOut = true;
        log(`the driver did not end ${timeoutS + 60} s after start: killing it`);
        void killGroup(child.pid);
      },
      (timeoutS + 60) * 1000,
    );
    child.on('exit', async (code) => {
      clearTimeout(hardLimit);
      signals.forEach((s) => process.off(s, onSignal));
      await killAll();
      resolve(timedOut ? 124 : (code ?? 1));
    });
  });
}

function readResult(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let exitCode = 1;
let result;
const resultDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-recovery-result-'));
try {
  const host = chooseHost();
  if (host.kind === 'web') installHost();
  build();
  log(`build done at ${seconds()} s; running the suite in the ${host.kind === 'web' ? 'offline web host (code-server + Chromium)' : `desktop VS Code ${host.executable}`}`);
  const resultFile = path.join(resultDir, 'result.json');
  const env = {
    SITE_RECOVERY_TESTS_MODULE: path.join(REPO_ROOT, 'out', 'integration', 'index.js'),
    SITE_RECOVERY_TESTS_RESULT: resultFile,
    SITE_RECOVERY_TEST_TIMEOUT: String(timeoutS),
    ...(grep ? { SITE_RECOVERY_TEST_GREP: grep } : {}),
    ...(host.kind === 'desktop' ? { VSCODE_EXECUTABLE: host.executable } : {}),
  };
  const driverCode = await runDriver(host.kind === 'web' ? 'web.mjs' : 'desktop.mjs', env);
  result = readResult(resultFile);
  if (driverCode !== 0) exitCode = driverCode;
  else if (result?.status !== 'passed') {
    log(
      `VS Code reported success, but the suite ${result ? `stopped in state "${result.status}"` : 'never started'}: ` +
        'the extension host or its connection was lost. Counting this as a failure.',
    );
    exitCode = 1;
  } else exitCode = 0;
  if (result?.detail && result.status === 'failed') log(`suite error: ${result.detail.split('\n')[0]}`);
} catch (e) {
  log(`error: ${e.message || e}`);
  exitCode = 1;
} finally {
  fs.rmSync(resultDir, { recursive: true, force: true });
}
const { passed = 0, failed = 0, pending = 0 } = result || {};
const finished = result?.status === 'passed' || result?.status === 'failed';
log(`integration ${exitCode === 0 ? 'PASSED' : `FAILED (exit ${exitCode})`} in ${seconds()} s`);
if (pending) console.log(`integration: ${pending} skipped`);
console.log(`integration: ${passed} passed, ${failed} failed${finished ? '' : ' (the suite did not finish)'}`);
process.exit(exitCode);
