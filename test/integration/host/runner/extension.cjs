// The offline web host's test runner: a second development extension (see web.mjs).
//
// Why not VS Code's own test mode (extensionTestsPath)? In test mode the workbench's dialog
// service refuses every modal ("DialogService: refused to show dialog in tests"), so
// showWarningMessage({ modal: true }) rejects and flows that confirm with a modal cannot be
// tested. Without test mode the workbench behaves as for a user, and this extension starts
// the suite once startup has finished, through the same result-wrapper.cjs the desktop
// route uses (result file: run.mjs checks it). The suite's output (mocha's reporter) is
// appended to SITE_RECOVERY_TESTS_LOG, which web.mjs prints as it grows.
const fs = require('fs');
const util = require('util');
const path = require('path');

exports.activate = function activate() {
  const logFile = process.env.SITE_RECOVERY_TESTS_LOG;
  if (!logFile || !process.env.SITE_RECOVERY_TESTS_RESULT) return; // not started by web.mjs
  // The extension host's console cannot be redirected (VS Code pins console.* with
  // non-configurable getters), so the suite's reporter writes through this function.
  const log = (...args) => {
    try {
      fs.appendFileSync(logFile, `${util.format(...args)}\n`);
    } catch {
      // the driver has gone; nothing useful to do
    }
  };
  const wrapper = require(path.join(__dirname, '..', 'result-wrapper.cjs'));
  wrapper.run({ log }).catch(() => {
    // recorded in the result file; the reporter has printed the failures
  });
};

exports.deactivate = function deactivate() {};
