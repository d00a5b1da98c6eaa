// workbench.mjs — the offline VS Code host: a private code-server (VS Code 1.100.3 server and
// web workbench) on 127.0.0.1, opened in Debian's Chromium through playwright-core.
// Used by web.mjs (integration tests) and scripts/demo.mjs. install.sh puts everything into
// HOST_CACHE; nothing is downloaded at run time.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
export const HOST_CACHE = path.resolve(process.env.SITE_RECOVERY_HOST_CACHE || path.join(os.homedir(), '.cache', 'site-recovery-vscode-host'));
export const CHROMIUM = process.env.SITE_RECOVERY_HOST_CHROMIUM || '/usr/bin/chromium';
const CODE_SERVER = path.join(HOST_CACHE, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const MARKER = path.join(HOST_CACHE, '.site-recovery-host-ok');

export function log(...args) {
  process.stderr.write(`[host] ${util.format(...args)}\n`);
}

/** Runs install.sh (idempotent; about 0.2 s once installed). Throws when it fails. */
export function installHost() {
  const r = spawnSync('bash', [path.join(HERE, 'install.sh')], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`install.sh failed (exit ${r.status ?? r.signal})`);
}

function checkInstalled() {
  const missing = [MARKER, CODE_SERVER, CHROMIUM].filter((f) => !fs.existsSync(f));
  if (missing.length) throw new Error(`VS Code host not installed (missing ${missing.join(', ')}); run test/integration/host/install.sh`);
}

export function loadPlaywright() {
  // Only playwright-core, never `playwright`: it would download browsers. We always pass executablePath.
  return createRequire(path.join(HOST_CACHE, 'package.json'))('playwright-core');
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

/**
 * Starts code-server in its own process group with throw-away user-data, extensions and
 * XDG dirs. Resolves to { url, host, tmp, workspace, logFile, pgid, stop() }.
 * opts.workspace  folder to open (default: an empty temp folder)
 * opts.env        extra environment; the extension host inherits the server's environment
 * opts.settings   extra user settings
 * opts.port       fixed port (default 0: the OS picks one; read back from the server log)
 * opts.pgidFile   write { pgid, tmp } there (for a watchdog in another process)
 */
export async function startCodeServer(opts = {}) {
  checkInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'site-recovery-host-'));
  const dir = (name) => {
    const d = path.join(tmp, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  const userData = dir('user-data');
  const extensions = dir('extensions');
  const workspace = path.resolve(opts.workspace || dir('workspace'));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(opts.settings || {}), ...JSON.parse(process.env.SITE_RECOVERY_HOST_SETTINGS || '{}') }, null, 2),
  );
  const env = {
    ...process.env,
    // '{}' = no extension gallery: the workbench never tries to reach a marketplace.
    EXTENSIONS_GALLERY: '{}',
    ...(opts.env || {}),
    // Otherwise code-server writes ~/.config/code-server and ~/.local/share/code-server.
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
  };
  const logFile = path.join(tmp, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    CODE_SERVER,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${opts.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--config',
    path.join(tmp, 'config.yaml'),
    workspace,
  ];
  // detached: own process group, so stop() ends code-server and all its children at once.
  const proc = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env });
  fs.closeSync(out);
  const pgid = proc.pid;
  // For a watchdog in another process (run.mjs): what to kill and what to remove.
  if (opts.pgidFile) fs.writeFileSync(opts.pgidFile, JSON.stringify({ pgid, tmp }));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killGroup(pgid);
    if (!process.env.SITE_RECOVERY_HOST_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const started = Date.now();
  let url;
  while (!url) {
    const text = fs.readFileSync(logFile, 'utf8');
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}):\n${text}`);
    if (Date.now() - started > 60_000) {
      await stop();
      throw new Error(`code-server did not start within 60 s:\n${text}`);
    }
    url = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(text)?.[1];
    if (!url) await sleep(100);
  }
  log(`code-server ${url} up in ${Date.now() - started} ms (pgid ${pgid})`);
  return { url, host: url.slice('http://'.length), tmp, workspace, logFile, pgid, userData, stop };
}

/** SIGTERM, then SIGKILL, to one process group; resolves when it is gone. */
export async function killGroup(pgid) {
  for (const [signal, waitMs] of [
    ['SIGTERM', 3000],
    ['SIGKILL', 1000],
  ]) {
    try {
      process.kill(-pgid, signal);
    } catch {
      return; // no such group: already gone
    }
    for (const until = Date.now() + waitMs; Date.now() < until; await sleep(100)) {
      try {
        process.kill(-pgid, 0);
      } catch {
        return;
      }
    }
  }
}

/**
 * The workbench URL for a development window. The paths live on the server, so they go into
 * the payload as vscode-remote URIs. extensionDevelopmentPath may be a list (several development
 * extensions). With extensionTestsPath VS Code's test mode runs that module and reports the end
 * through window.codeAutomationExit(code) (web.mjs does not use it: see runner/extension.cjs).
 */
export function workbenchUrl(server, { extensionDevelopmentPath = [], extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://${server.host}${path.resolve(p)}`;
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  for (const p of [extensionDevelopmentPath].flat()) payload.push(['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const VIEWPORT = { width: 1280, height: 800 };

/** Headless Debian Chromium. Returns { browser, page }. */
export async function openBrowser() {
  const { chromium } = loadPlaywright();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: VIEWPORT });
  // code-server registers its own service worker at the origin's root; webviews served from
  // the same origin then wait forever for their own worker to take control (blank panels).
  // The workbench does not need code-server's worker (it only caches for offline PWA use).
  await page.route('**/_static/out/browser/serviceWorker.js', (route) => route.abort());
  return { browser, page };
}

/** Waits until the workbench shows the activity bar (the extension host may still be starting). */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
