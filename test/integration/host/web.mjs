// web.mjs <extensionDevelopmentPath> — runs the integration suite in the offline host
// (code-server + headless Chromium). Started by run.mjs, which watches it (hard timeout,
// process groups) and reads the result file afterwards.
//
// The workbench opens with two development extensions: the extension under test and
// runner/ (which runs the suite once startup has finished, through result-wrapper.cjs).
// VS Code's test mode (extensionTestsPath) is not used because it refuses modal dialogs; see
// runner/extension.cjs. The end of the suite shows in the result file
// (SITE_RECOVERY_TESTS_RESULT); its output grows in a log file printed here as it comes.
// The UI bridge (ui-bridge.mjs) serves the tests' screenshot and click/type requests.
//
// Env: SITE_RECOVERY_TESTS_MODULE and SITE_RECOVERY_TESTS_RESULT (set by run.mjs),
// SITE_RECOVERY_TEST_TIMEOUT (s, default 900), SITE_RECOVERY_HOST_PGID_FILE (set by run.mjs),
// SITE_RECOVERY_SCREENSHOTS (default <repo>/test-output/screenshots), SITE_RECOVERY_HOST_LOGS
// (copy server and extension-host logs there), SITE_RECOVERY_HOST_VERBOSE=1 (page console
// and bridge steps too). Exit: 0 passed, 1 failed, 124 timed out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, log, openBrowser, sleep, startCodeServer, workbenchUrl } from './workbench.mjs';
import { startUiBridge } from './ui-bridge.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [devPath] = process.argv.slice(2);
const resultFile = process.env.SITE_RECOVERY_TESTS_RESULT;
const testsLog = path.join(path.dirname(resultFile), 'tests.log'); // run.mjs removes that dir
const timeoutS = Number(process.env.SITE_RECOVERY_TEST_TIMEOUT || 900);
const verbose = process.env.SITE_RECOVERY_HOST_VERBOSE === '1';
const screenshotDir = path.resolve(process.env.SITE_RECOVERY_SCREENSHOTS || path.join(REPO_ROOT, 'test-output', 'screenshots'));

let server;
let browser;
let bridge;
async function cleanup() {
  await browser?.close().catch(() => {});
  await bridge?.close();
  await server?.stop();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    log(`${signal}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

let exitCode = 1;
const started = Date.now();
try {
  for (const f of fs.existsSync(screenshotDir) ? fs.readdirSync(screenshotDir) : []) {
    if (/^failed-|^failure-last-state\.png$/.test(f)) fs.rmSync(path.join(screenshotDir, f)); // from an earlier run
  }
  bridge = await startUiBridge({ screenshotDir, onStep: (s) => verbose && log(`[ui] ${s}`) });
  server = await startCodeServer({
    workspace: process.env.SITE_RECOVERY_TEST_WORKSPACE,
    pgidFile: process.env.SITE_RECOVERY_HOST_PGID_FILE,
    // The extension host inherits these (and SITE_RECOVERY_TESTS_MODULE/RESULT from run.mjs).
    env: { SITE_RECOVERY_UI_BRIDGE: bridge.address, SITE_RECOVERY_TESTS_LOG: testsLog },
  });
  let page;
  ({ browser, page } = await openBrowser());
  bridge.attach(page);

  if (verbose) {
    page.on('console', (m) => log(`[page ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  }
  let settle;
  const ended = new Promise((resolve) => (settle = resolve));
  page.on('crash', () => settle({ code: 1, why: 'the workbench page crashed' }));
  page.on('close', () => settle({ code: 1, why: 'the workbench page closed before the tests finished' }));
  const timer = setTimeout(() => settle({ code: 124, why: `timed out after ${timeoutS} s (SITE_RECOVERY_TEST_TIMEOUT)` }), timeoutS * 1000);

  // Poll: print new suite output, stop when the result file says the suite ended, and notice
  // an extension host that exits without finishing (the server log says so).
  let printed = 0;
  const printNewOutput = () => {
    const text = fs.existsSync(testsLog) ? fs.readFileSync(testsLog, 'utf8') : '';
    if (text.length > printed) process.stdout.write(text.slice(printed));
    printed = text.length;
  };
  let hostExited;
  const watch = setInterval(() => {
    printNewOutput();
    const status = readStatus();
    if (status === 'passed' || status === 'failed') settle({ code: status === 'passed' ? 0 : 1 });
    const m = /Extension Host Process exited with code: (\d+|null), signal: (\w+)/.exec(fs.readFileSync(server.logFile, 'utf8'));
    if (m && !hostExited) {
      hostExited = true;
      setTimeout(() => settle({ code: 1, why: `the extension host exited (code ${m[1]}, signal ${m[2]}) before the suite finished` }), 3000);
    }
  }, 250);

  await page.goto(workbenchUrl(server, { extensionDevelopmentPath: developmentFolder(server.tmp) }));
  const outcome = await ended;
  clearInterval(watch);
  clearTimeout(timer);
  await sleep(300); // the last lines may land just after the result
  printNewOutput();
  exitCode = outcome.code;
  if (outcome.why) log(outcome.why);
  if (exitCode !== 0) {
    await page.screenshot({ path: path.join(screenshotDir, 'failure-last-state.png') }).catch(() => {});
  }
  if (process.env.SITE_RECOVERY_HOST_LOGS) copyLogs(path.resolve(process.env.SITE_RECOVERY_HOST_LOGS));
} catch (e) {
  log(`error: ${e.stack || e}`);
  exitCode = 1;
} finally {
  if (exitCode !== 0 && server) {
    try {
      const tail = fs.readFileSync(server.logFile, 'utf8').trimEnd().split('\n').slice(-15);
      process.stderr.write(tail.map((l) => `[server.log] ${l}\n`).join(''));
    } catch {
      // no server log: startCodeServer already reported why
    }
  }
  await cleanup();
  log(`web host finished (exit ${exitCode}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(exitCode);
}

/**
 * The web workbench keeps one extensionDevelopmentPath only (its payload becomes a Map), but a
 * development path without a package.json is scanned as a folder of extensions: link both in.
 */
function developmentFolder(tmp) {
  const dir = path.join(tmp, 'development-extensions');
  fs.mkdirSync(dir);
  fs.symlinkSync(path.resolve(devPath), path.join(dir, 'extension-under-test'), 'dir');
  fs.symlinkSync(path.join(HERE, 'runner'), path.join(dir, 'test-runner'), 'dir');
  return dir;
}

function readStatus() {
  try {
    return JSON.parse(fs.readFileSync(resultFile, 'utf8')).status;
  } catch {
    return undefined;
  }
}

function copyLogs(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(server.logFile, path.join(dir, 'server.log'));
  fs.cpSync(path.join(server.userData, 'logs'), path.join(dir, 'server-logs'), { recursive: true });
  log(`logs copied to ${dir}`);
}
