// npm run demo — builds the extension and opens it in a real VS Code workbench.
//
//   desktop  when `code` is on the PATH: code --extensionDevelopmentPath=<repo> <workspace>
//   web      otherwise (or with --web): the offline VS Code 1.100.3 host of the integration
//            tests (code-server on 127.0.0.1, installed by test/integration/host/install.sh);
//            prints the URL to open in a browser and keeps running until Ctrl+C.
//
// Options:
//   --screenshot <file.png>  (web) open the workbench in headless Chromium, show the Site
//                            Recovery view, run "Site Recovery: Open Practice Vault" (taking the
//                            scenario offered first), save a PNG of the window, then exit
//   --exit-after <s>         (web) stop after s seconds
//   --web                    use the web host even when `code` is on the PATH
//   --port <n>               (web) port for code-server (default: any free port)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = path.join(ROOT, 'test', 'integration', 'host');

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const screenshotFile = option('--screenshot') && path.resolve(option('--screenshot'));
const exitAfter = option('--exit-after') !== undefined ? Number(option('--exit-after')) : undefined;
const port = option('--port') !== undefined ? Number(option('--port')) : undefined;
if ([exitAfter, port].some((n) => n !== undefined && !(n >= 0))) usage('--exit-after and --port take a number');
for (const a of argv) {
  if (a.startsWith('--') && !['--screenshot', '--exit-after', '--web', '--port'].includes(a)) usage(`unknown option ${a}`);
}

function usage(why) {
  console.error(`demo: ${why}\nusage: npm run demo -- [--screenshot file.png] [--exit-after seconds] [--web] [--port n]`);
  process.exit(2);
}

const WHERE_TO_LOOK = [
  'Where to look:',
  '  1. the Site Recovery icon in the activity bar (left edge) opens the view;',
  '  2. "Open Practice Vault" (or F1 → "Site Recovery: Open Practice Vault") starts the simulated vault;',
  '  3. expand the vault, right-click a replicated item for failover / commit / reprotect;',
  '     jobs stream to the "Site Recovery" output channel.',
].join('\n');

console.log('demo: building (node esbuild.mjs)');
if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
  console.error('demo: build failed');
  process.exit(1);
}

const codeOnPath = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' }).status === 0;
if (codeOnPath && !argv.includes('--web') && !screenshotFile) {
  const workspace = path.join(ROOT, '.cache', 'demo-workspace');
  fs.mkdirSync(workspace, { recursive: true });
  const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    console.error('demo: `code` failed; try `npm run demo -- --web`');
    process.exit(1);
  }
  console.log(`demo: opened desktop VS Code with the extension from ${ROOT} (window title "[Extension Development Host]").\n${WHERE_TO_LOOK}`);
  process.exit(0);
}

const { installHost, startCodeServer, workbenchUrl, openBrowser, waitForWorkbench, sleep } = await import(path.join(HOST, 'workbench.mjs'));
const { WorkbenchUi } = await import(path.join(HOST, 'ui-bridge.mjs'));

installHost();
const server = await startCodeServer({ port });
let browser;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await browser?.close().catch(() => {});
  await server.stop();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

const url = workbenchUrl(server, { extensionDevelopmentPath: ROOT });
if (exitAfter !== undefined) setTimeout(() => stop(0), exitAfter * 1000);

if (screenshotFile) {
  let code = 1;
  try {
    let page;
    ({ browser, page } = await openBrowser());
    await page.goto(url);
    await waitForWorkbench(page);
    const ui = new WorkbenchUi(page, { screenshotDir: path.dirname(screenshotFile) });
    const container = page.locator('.part.activitybar .action-item a[aria-label^="Site Recovery"]').first();
    await container.waitFor({ state: 'visible', timeout: 60_000 }); // the extension host has scanned the extension
    await container.click();
    await ui.runFromCommandPalette({ title: 'Site Recovery: Open Practice Vault', timeoutMs: 30_000 });
    await ui.acceptQuickInput({ timeoutMs: 30_000 }); // the scenario offered first
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Widen the side bar so that item descriptions (state, recovery point) are readable.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 560, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    await sleep(1500); // let the tree settle
    await ui.screenshot({ name: path.basename(screenshotFile, '.png') });
    console.log(`demo: saved ${screenshotFile}`);
    code = 0;
  } catch (e) {
    console.error(`demo: screenshot failed: ${e.message}`);
    try {
      const failed = screenshotFile.replace(/\.png$/i, '') + '.failed.png';
      await browser?.contexts()[0]?.pages()[0]?.screenshot({ path: failed });
      console.error(`demo: page state saved to ${failed}`);
    } catch {
      // no page to save
    }
  }
  await stop(code);
} else {
  console.log(
    `\ndemo: VS Code 1.100.3 (offline web host) is running with the extension from ${ROOT}.\n` +
      `Open this URL in a browser on this machine (over SSH: forward the port first, ssh -L ${server.url.split(':').pop()}:127.0.0.1:${server.url.split(':').pop()} ...):\n\n  ${url}\n\n` +
      `${WHERE_TO_LOOK}\n\nCtrl+C stops it${exitAfter !== undefined ? ` (or it stops by itself after ${exitAfter} s)` : ''}.`,
  );
}
