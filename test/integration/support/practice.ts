import * as vscode from 'vscode';
import type { SiteRecoveryApi } from '../../../src/extension';
import type { ReplicatedItem } from '../../../src/domain/model';
import type { TreeNode } from '../../../src/tree/node';

export const EXTENSION_ID = 'site-recovery-tools.vscode-site-recovery';

const logLines: string[] = [];
let recording = false;

/**
 * The lines the extension wrote to its output channel since the first openPractice() (VS Code
 * cannot read a channel back): the test wraps the channel's writers, the extension keeps no copy.
 */
export function outputLines(): readonly string[] {
  return logLines;
}

/** Starts recording the output channel (openPractice() does it; tests that activate by hand call it). */
export function recordOutput(api: SiteRecoveryApi): void {
  if (recording) return;
  recording = true;
  const log = api.services.log as unknown as Record<'info' | 'warn' | 'error', (line: string) => void>;
  for (const level of ['info', 'warn', 'error'] as const) {
    const write = log[level].bind(log);
    log[level] = (line: string) => {
      logLines.push(line);
      write(line);
    };
  }
}

/** Activates the extension and opens the practice vault at a speed that keeps tests short. */
export async function openPractice(scenario: 'failback-classic' | 'failback-modernized' | 'large', speed = 600): Promise<SiteRecoveryApi> {
  await vscode.workspace.getConfiguration('siteRecovery.practice').update('speed', speed, vscode.ConfigurationTarget.Global);
  const api = (await vscode.extensions.getExtension<SiteRecoveryApi>(EXTENSION_ID)!.activate()) as SiteRecoveryApi;
  recordOutput(api);
  await vscode.commands.executeCommand('siteRecovery.openPracticeVault', scenario);
  await vscode.commands.executeCommand('siteRecovery.explorer.focus');
  return api;
}

/** Walks the tree through the provider, as VS Code does, to the first node whose label matches. */
export async function findNode(api: SiteRecoveryApi, label: string | RegExp, from?: TreeNode, depth = 6): Promise<TreeNode | undefined> {
  const children = await api.services.tree.getChildren(from);
  for (const c of children) {
    const text = String(c.treeItem().label ?? '');
    if (typeof label === 'string' ? text === label : label.test(text)) return c;
  }
  if (depth === 0) return undefined;
  for (const c of children) {
    const state = c.treeItem().collapsibleState;
    if (state === vscode.TreeItemCollapsibleState.None) continue;
    const hit = await findNode(api, label, c, depth - 1);
    if (hit) return hit;
  }
  return undefined;
}

/** Reads an item's state straight from the practice simulator (through the SDK). */
export async function practiceItem(api: SiteRecoveryApi, friendlyName: string): Promise<ReplicatedItem> {
  const scope = api.services.practice.scope!;
  const vault = (await scope.queries.listVaults(api.services.practice.sim!.subscriptionId))[0];
  const page = await scope.queries.listItemsPage(vault);
  const item = page.items.find((i) => i.friendlyName === friendlyName);
  if (!item) throw new Error(`${friendlyName} is not in the practice vault`);
  return item;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The description the tree shows for the row labelled `label` now (state, or the running operation). */
export async function rowDescription(api: SiteRecoveryApi, label: string): Promise<string | undefined> {
  const node = await findNode(api, label);
  const description = node?.treeItem().description;
  return typeof description === 'string' ? description : undefined;
}
