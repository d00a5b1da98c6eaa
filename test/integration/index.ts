// The integration-test module VS Code loads into the extension host (bundled by
// `node esbuild.mjs --tests` to out/integration/index.js, next to out/integration/suite/).
// run() is VS Code's standard entry; runSuite() also reports counts as tests finish, which
// test/integration/host/result-wrapper.cjs records so a lost extension host is never a pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { screenshot, ui } from './support/ui';

export interface SuiteCounts {
  passed: number;
  failed: number;
  pending: number;
}

export interface SuiteOptions {
  /** Called after every test with the counts so far. */
  onProgress?: (counts: SuiteCounts) => void;
  /** Where the reporter writes (default console.log). */
  log?: (...args: unknown[]) => void;
}

export function runSuite(options: SuiteOptions = {}): Promise<SuiteCounts> {
  const log = options.log ?? console.log;
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    rootHooks: {
      // After a failed test (web host only): keep the workbench as it was in
      // test-output/screenshots/failed-*.png, then close what it left open (a quick pick, a
      // menu, a dialog) so that the next test does not start under it.
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state !== 'failed' || !ui.available) return;
        await screenshot(`failed-${test.fullTitle()}`.slice(0, 120)).catch(() => undefined);
        for (let i = 0; i < 3; i++) await ui.pressKey('Escape').catch(() => undefined);
      },
    },
  });
  const grep = process.env.SITE_RECOVERY_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }
  const counts: SuiteCounts = { passed: 0, failed: 0, pending: 0 };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        log(`integration: ${counts.passed} passed, ${counts.failed} failed`);
        resolve(counts);
      });
      const progress = (key: keyof SuiteCounts) => () => {
        counts[key]++;
        options.onProgress?.({ ...counts });
      };
      runner.on('pass', progress('passed'));
      runner.on('fail', progress('failed'));
      runner.on('pending', progress('pending'));
    } catch (e) {
      reject(e);
    }
  });
}

export async function run(): Promise<void> {
  const { failed } = await runSuite();
  if (failed > 0) throw new Error(`${failed} integration tests failed`);
}
