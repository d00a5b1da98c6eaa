// Every command the extension contributes. package.json and registerCommands() are both
// checked against this list (unit test: test/unit/manifest.test.ts), so they cannot drift.
export const COMMAND_IDS = [
  'siteRecovery.refresh',
  'siteRecovery.signIn',
  'siteRecovery.selectSubscriptions',
  'siteRecovery.openPracticeVault',
  'siteRecovery.resetPracticeVault',
  'siteRecovery.failover',
  'siteRecovery.commitFailover',
  'siteRecovery.cancelFailover',
  'siteRecovery.changeRecoveryPoint',
  'siteRecovery.reprotect',
  'siteRecovery.reprotectToOnPremises',
  'siteRecovery.testFailover',
  'siteRecovery.cleanupTestFailover',
  'siteRecovery.failoverToAzure',
  'siteRecovery.exportRunReport',
  'siteRecovery.cancelJob',
  'siteRecovery.restartJob',
  'siteRecovery.resumeJob',
  'siteRecovery.showJobOutput',
  'siteRecovery.openInPortal',
  'siteRecovery.copyId',
  'siteRecovery.viewProperties',
  'siteRecovery.filterItems',
  'siteRecovery.deleteSeedDisks',
  'siteRecovery.showChecklist',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
