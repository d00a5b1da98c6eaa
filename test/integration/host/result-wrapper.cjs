// result-wrapper.cjs — given to VS Code as extensionTestsPath instead of the suite itself.
//
// VS Code reports *any* end of a development window's extension host as exit code 0,
// including a lost connection or a killed server, so 0 alone proves nothing. This wrapper
// runs the real test module (SITE_RECOVERY_TESTS_MODULE) and records how far it got in
// SITE_RECOVERY_TESTS_RESULT; run.mjs only reports success when that file says "passed".
//
// The module may export runSuite({ onProgress, log }) => Promise<{ passed, failed, pending }>
// (test/integration/index.ts does; counts are then recorded as tests finish, and the
// reporter writes through `log` when the caller gives one), or the standard
// run(): Promise<void>, or the old run(testsRoot, callback(err, failures)).
const fs = require('fs');

const modulePath = process.env.SITE_RECOVERY_TESTS_MODULE;
const resultFile = process.env.SITE_RECOVERY_TESTS_RESULT;
let counts = { passed: 0, failed: 0, pending: 0 };

function record(status, detail) {
  try {
    fs.writeFileSync(resultFile, JSON.stringify({ status, ...counts, detail: detail === undefined ? undefined : String(detail) }));
  } catch (e) {
    console.error(`result-wrapper: cannot write ${resultFile}:`, e);
  }
}

/** VS Code calls run() (desktop route); runner/extension.cjs calls run({ log }) (web route). */
exports.run = function run(options) {
  const log = options && typeof options.log === 'function' ? options.log : undefined;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err, failures) => {
      if (settled) return;
      settled = true;
      if (!err && typeof failures === 'number' && failures > 0) err = new Error(`${failures} tests failed`);
      if (err) {
        record('failed', err.stack || err);
        reject(err);
      } else {
        record('passed');
        resolve();
      }
    };
    try {
      if (!modulePath || !resultFile) throw new Error('SITE_RECOVERY_TESTS_MODULE and SITE_RECOVERY_TESTS_RESULT must be set');
      record('started');
      const mod = require(modulePath);
      if (mod && typeof mod.runSuite === 'function') {
        const onProgress = (c) => {
          counts = { ...counts, ...c };
          record('running');
        };
        mod.runSuite({ onProgress, log }).then(
          (c) => {
            counts = { ...counts, ...c };
            finish(null, counts.failed);
          },
          (e) => finish(e || new Error('runSuite() rejected')),
        );
        return;
      }
      if (!mod || typeof mod.run !== 'function') throw new Error(`${modulePath} exports neither runSuite() nor run()`);
      const r = mod.run(modulePath, finish);
      if (r && typeof r.then === 'function')
        r.then(
          () => finish(null, 0),
          (e) => finish(e || new Error('run() rejected')),
        );
    } catch (e) {
      finish(e);
    }
  });
};
