import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contextValue } from '../../../src/domain/contextValue';
import { itemActions, jobActions, planActions, type ItemAction } from '../../../src/domain/actions';
import type { RecoveryPlanInfo } from '../../../src/domain/model';
import { item, STATES, vault } from './fixtures';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
const menus: Array<{ command: string; when: string; group?: string }> = pkg.contributes.menus['view/item/context'];

/** The regex of a `viewItem =~ /…/` clause, as VS Code reads it. */
function viewItemRegex(when: string): RegExp {
  const m = /viewItem =~ \/(.+)\/$/.exec(when);
  assert.ok(m, `menu clause without a viewItem regex: ${when}`);
  return new RegExp(m[1]);
}

/** Commands whose menu entry shows for this context value. */
function shownCommands(ctx: string): Set<string> {
  return new Set(menus.filter((m) => m.group !== 'inline' && viewItemRegex(m.when).test(ctx)).map((m) => m.command));
}

const ACTION_COMMAND: Record<ItemAction, string | undefined> = {
  failover: 'siteRecovery.failover',
  commit: 'siteRecovery.commitFailover',
  cancelFailover: 'siteRecovery.cancelFailover',
  reprotect: 'siteRecovery.reprotect',
  reprotectToOnPremises: 'siteRecovery.reprotectToOnPremises',
  changeRecoveryPoint: 'siteRecovery.changeRecoveryPoint',
  testFailover: 'siteRecovery.testFailover',
  cleanupTestFailover: 'siteRecovery.cleanupTestFailover',
  failoverToAzure: 'siteRecovery.failoverToAzure',
  disableProtection: undefined,
};
const STATE_COMMANDS = new Set(Object.values(ACTION_COMMAND).filter(Boolean) as string[]);

describe('context menus match what Site Recovery allows', () => {
  for (const state of Object.keys(STATES) as Array<keyof typeof STATES>) {
    it(`item in state ${state}`, () => {
      const i = item(state);
      const allowed = new Set(
        itemActions(i)
          .map((a) => ACTION_COMMAND[a])
          .filter(Boolean),
      );
      const shown = [...shownCommands(contextValue('item', itemActions(i)))].filter((c) => STATE_COMMANDS.has(c));
      assert.deepEqual(new Set(shown), allowed);
    });
  }

  it('recovery plans show failover/commit/reprotect only when allowed', () => {
    const plan = (ops: string[]): RecoveryPlanInfo => ({ id: 'p', name: 'p', friendlyName: 'p', vault, replicationProviders: [], allowedOperations: ops, groups: [] });
    for (const ops of [['UnplannedFailover'], ['Commit'], ['Reprotect'], [], ['PlannedFailover', 'CancelFailover'], ['TestFailoverCleanup']]) {
      const p = plan(ops);
      const allowed = new Set(
        planActions(p)
          .map((a) => ACTION_COMMAND[a])
          .filter(Boolean),
      );
      const shown = [...shownCommands(contextValue('plan', planActions(p)))].filter((c) => STATE_COMMANDS.has(c));
      assert.deepEqual(new Set(shown), allowed, `plan ops ${ops.join(',')}`);
    }
  });

  it('job menus follow the job allowedActions', () => {
    const cases: Array<[string[], string[]]> = [
      [['Cancel'], ['siteRecovery.cancelJob']],
      [['Restart'], ['siteRecovery.restartJob']],
      [
        ['Resume', 'Cancel'],
        ['siteRecovery.cancelJob', 'siteRecovery.resumeJob'],
      ],
      [[], []],
    ];
    for (const [allowed, commands] of cases) {
      const shown = [...shownCommands(contextValue('job', jobActions(allowed)))].filter((c) => /Job$/.test(c) && c !== 'siteRecovery.showJobOutput');
      assert.deepEqual(shown.sort(), commands.sort());
    }
  });

  it('a folder or vault never shows item actions', () => {
    for (const kind of ['vault', 'folder', 'practice', 'subscription'] as const) {
      const shown = shownCommands(contextValue(kind, ['filter']));
      for (const c of STATE_COMMANDS) assert.ok(!shown.has(c), `${kind} shows ${c}`);
    }
  });
});
