// The package.json contract: what VS Code reads from the manifest must match the code.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../src/commands/commandIds';
import { REHEARSAL_WALKTHROUGH_ID, WALKTHROUGH_ID, WALKTHROUGH_STEP_IDS, walkthroughStepIds } from '../../src/walkthroughSteps';

interface MenuEntry {
  command?: string;
  alt?: string;
  submenu?: string;
  when?: string;
}

interface Manifest {
  publisher: string;
  name: string;
  main: string;
  engines: Record<string, string>;
  extensionKind: string[];
  activationEvents?: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title?: string; category?: string }[];
    menus?: Record<string, MenuEntry[]>;
    submenus?: { id: string }[];
    viewsContainers: Record<string, { id: string }[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome?: { view: string; contents: string }[];
    walkthroughs?: { id: string; steps: { id: string; completionEvents?: string[] }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;
const declared = contributes.commands.map((c) => c.command);

describe('package.json', () => {
  it('declares exactly the commands of COMMAND_IDS, once each', () => {
    assert.deepEqual([...declared].sort(), [...COMMAND_IDS].sort());
    assert.equal(new Set(declared).size, declared.length, 'a command is declared twice');
  });

  it('gives every command the "Site Recovery" category and a title', () => {
    for (const c of contributes.commands) {
      assert.equal(c.category, 'Site Recovery', `${c.command}: category`);
      assert.ok(c.title && c.title.trim().length > 0, `${c.command}: title`);
    }
  });

  it('refers only to declared commands and submenus from menus', () => {
    const submenus = new Set((contributes.submenus ?? []).map((s) => s.id));
    for (const [menu, entries] of Object.entries(contributes.menus ?? {})) {
      for (const entry of entries) {
        if (entry.submenu !== undefined) {
          assert.ok(submenus.has(entry.submenu), `${menu}: unknown submenu ${entry.submenu}`);
          continue;
        }
        assert.ok(entry.command && declared.includes(entry.command), `${menu}: unknown command ${entry.command}`);
        if (entry.alt !== undefined) assert.ok(declared.includes(entry.alt), `${menu}: unknown alt command ${entry.alt}`);
      }
    }
  });

  it('links only declared commands from the welcome view', () => {
    for (const welcome of contributes.viewsWelcome ?? []) {
      assert.equal(welcome.view, 'siteRecovery.explorer');
      for (const [, id] of welcome.contents.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(declared.includes(id!), `viewsWelcome links to unknown command ${id}`);
      }
    }
  });

  it('contributes the siteRecovery container with the siteRecovery.explorer view', () => {
    assert.deepEqual(Object.keys(contributes.viewsContainers), ['activitybar']);
    assert.deepEqual(
      contributes.viewsContainers.activitybar!.map((c) => c.id),
      ['siteRecovery'],
    );
    assert.deepEqual(Object.keys(contributes.views), ['siteRecovery']);
    assert.deepEqual(
      contributes.views.siteRecovery!.map((v) => v.id),
      ['siteRecovery.explorer'],
    );
  });

  it('targets VS Code 1.100 in engines and in @types/vscode', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '~1.100.0');
  });

  it('lists no activation event that the contributions already imply', () => {
    const implied = new Set([
      ...declared.map((id) => `onCommand:${id}`),
      ...Object.values(contributes.views)
        .flat()
        .map((v) => `onView:${v.id}`),
      ...(contributes.walkthroughs ?? []).map((w) => `onWalkthrough:${w.id}`),
    ]);
    const redundant = (manifest.activationEvents ?? []).filter((e) => implied.has(e));
    assert.deepEqual(redundant, []);
  });

  it('runs as a workspace extension from the bundle', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(`${manifest.publisher}.${manifest.name}`, 'site-recovery-tools.vscode-site-recovery');
  });

  for (const id of [WALKTHROUGH_ID, REHEARSAL_WALKTHROUGH_ID]) {
    it(`ticks each step of walkthrough ${id} from the action whose context key its completion event names`, () => {
      const walkthrough = (contributes.walkthroughs ?? []).find((w) => w.id === id);
      assert.ok(walkthrough, `walkthrough ${id}`);
      const ticked = new Map<string, string>(); // walkthrough step id → action
      for (const [action, ids] of Object.entries(WALKTHROUGH_STEP_IDS[id])) for (const stepId of ids ?? []) ticked.set(stepId, action);
      assert.deepEqual([...ticked.keys()].sort(), walkthrough.steps.map((s) => s.id).sort(), 'every step, and only steps, are ticked by some action');
      for (const step of walkthrough.steps) {
        // The two ways a step ticks must agree: markStepComplete for the action, and its context key.
        assert.deepEqual(step.completionEvents, [`onContext:siteRecovery.walkthrough.${ticked.get(step.id)}`], `${step.id}: completion event`);
      }
    });
  }

  it('marks the step of every walkthrough an action completes', () => {
    assert.deepEqual(walkthroughStepIds(`${manifest.publisher}.${manifest.name}`, 'failover'), [
      'site-recovery-tools.vscode-site-recovery#failback#failover',
      'site-recovery-tools.vscode-site-recovery#failback#verify',
      'site-recovery-tools.vscode-site-recovery#rehearse#failBack',
    ]);
  });
});
