// desktop.mjs <extensionDevelopmentPath> <extensionTestsPath> — runs the integration suite in
// a desktop VS Code with @vscode/test-electron (given an executable: nothing is downloaded).
// Started by run.mjs when VSCODE_EXECUTABLE is set or a desktop VS Code was found.
// The UI bridge does not exist here: tests see ui.available === false and skip those steps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const [extensionDevelopmentPath, extensionTestsPath] = process.argv.slice(2);
const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'site-recovery-desktop-'));
const workspace = process.env.SITE_RECOVERY_TEST_WORKSPACE || path.join(tmp, 'workspace');
fs.mkdirSync(workspace, { recursive: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    // Added to the inherited environment (which carries the tests module and result file).
    extensionTestsEnv: { SITE_RECOVERY_UI_BRIDGE: '' },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out of the way
      // (test-electron adds --skip-welcome, --skip-release-notes, --disable-workspace-trust)
      '--user-data-dir',
      path.join(tmp, 'user-data'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
    ],
  });
} catch (e) {
  console.error(`[desktop] ${e && e.message ? e.message : e}`);
  exitCode = typeof e?.code === 'number' && e.code !== 0 ? e.code : 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
