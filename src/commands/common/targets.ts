import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { ReplicatedItem } from '../../domain/model';
import { describeItem } from '../../domain/itemState';
import { itemActions, type ItemAction, ACTION_WORDS } from '../../domain/actions';
import { sameId, idKey } from '../../domain/armId';
import { isItemJobTarget, isPlanTarget, itemOfJobTarget, namesItem, planOfJobTarget, type NextStepTarget } from '../../domain/nextStepTarget';
import type { Scope } from '../../scope';
import { ItemNode } from '../../tree/itemNode';
import { PlanNode } from '../../tree/plansFolder';
import type { VaultNode } from '../../tree/vaultNode';
import { cancelled } from './ui';

export interface ItemTarget {
  scope: Scope;
  item: ReplicatedItem;
}

export type Target = { kind: 'items'; items: ItemTarget[] } | { kind: 'plan'; node: PlanNode };

/** The scope owning a node: walk up to the vault. */
export function scopeOf(node: { parent?: unknown } | undefined): Scope | undefined {
  let n = node as { parent?: unknown; scope?: Scope } | undefined;
  while (n) {
    if (n.scope) return n.scope;
    n = n.parent as typeof n;
  }
  return undefined;
}

/**
 * Items or a plan the command acts on: the plan or items a next-step button hands over (hint),
 * the clicked node plus the multi-selection, or, from the palette, a vault and items picked by the user.
 */
export async function resolveTargets(services: Services, action: ItemAction, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<Target> {
  const planTarget = [hint, clicked].find(isPlanTarget);
  if (planTarget) return { kind: 'plan', node: await planFromJobTarget(services, planTarget) };
  const hinted = await itemsFromHint(services, hint, clicked);
  if (hinted.length) return { kind: 'items', items: hinted };
  const nodes = clickedNodes(clicked, selected);
  const plan = nodes.find((n): n is PlanNode => n instanceof PlanNode);
  if (plan) return { kind: 'plan', node: plan };
  const items = nodes.filter((n): n is ItemNode => n instanceof ItemNode).map((n) => ({ scope: scopeOf(n)!, item: n.item }));
  if (items.length) return { kind: 'items', items };
  return pickItems(services, action);
}

export async function pickVault(services: Services): Promise<VaultNode> {
  const vaults = services.roots.loadedVaults();
  if (vaults.length === 0) {
    const open = 'Open Practice Vault';
    const signIn = 'Sign In to Azure';
    const answer = await vscode.window.showInformationMessage(
      'No Site Recovery vault is loaded yet. Open the Site Recovery view, sign in, or open the practice vault.',
      open,
      signIn,
    );
    if (answer === open) await vscode.commands.executeCommand('siteRecovery.openPracticeVault');
    else if (answer === signIn) await vscode.commands.executeCommand('siteRecovery.signIn');
    cancelled();
  }
  if (vaults.length === 1) return vaults[0];
  const pick = await vscode.window.showQuickPick(
    vaults.map((v) => ({ label: v.vault.vaultName, description: `${v.vault.resourceGroup}${v.vault.practice ? ' · practice' : ''}`, v })),
    { title: 'Site Recovery: choose a vault', ignoreFocusOut: true },
  );
  return pick?.v ?? cancelled();
}

async function pickItems(services: Services, action: ItemAction): Promise<Target> {
  const vaultNode = await pickVault(services);
  const folder = vaultNode.items;
  await folder.loadAll();
  const candidates = folder.items.filter((i) => itemActions(i).includes(action));
  const others = folder.items.filter((i) => !itemActions(i).includes(action));
  if (folder.items.length === 0) {
    await vscode.window.showInformationMessage(`${vaultNode.vault.vaultName} has no replicated items.`);
    cancelled();
  }
  const picks = await vscode.window.showQuickPick(
    [
      ...candidates.map((item) => ({ label: item.friendlyName, description: describeItem(item), item })),
      ...(others.length ? [{ label: 'Not available for this action', kind: vscode.QuickPickItemKind.Separator }] : []),
      ...others.map((item) => ({ label: item.friendlyName, description: describeItem(item), item })),
    ] as Array<vscode.QuickPickItem & { item?: ReplicatedItem }>,
    { title: `Choose VMs: ${candidates.length} of ${folder.items.length} can ${ACTION_WORDS[action]} now`, canPickMany: true, ignoreFocusOut: true },
  );
  const chosen = (picks ?? []).filter((p) => p.item).map((p) => ({ scope: vaultNode.scope, item: p.item! }));
  if (chosen.length === 0) cancelled();
  return { kind: 'items', items: chosen };
}

/**
 * The plan a plan job's next-step button names, found among its vault's plans as listed now
 * (the command re-reads it again before sending). A plan that can't be found is said so: a
 * VM picker would act on something other than what the user clicked the button for.
 */
async function planFromJobTarget(services: Services, target: NextStepTarget): Promise<PlanNode> {
  const vault = services.roots.loadedVaults().find((v) => sameId(v.vault.id, target.vaultId));
  const nodes = vault ? await vault.plans.planNodes() : [];
  const plan = planOfJobTarget(
    nodes.map((n) => n.plan),
    target,
  );
  const node = nodes.find((n) => n.plan === plan);
  if (node) return node;
  const name = target.jobTargetName ?? target.jobTarget ?? 'of this job';
  void vscode.window.showErrorMessage(
    vault
      ? `Recovery plan ${name} is no longer in vault ${vault.vault.vaultName}.`
      : `Recovery plan ${name}: its vault is not loaded. Open it in the Site Recovery view and run the command on the plan.`,
  );
  return cancelled();
}

/** Re-reads items so a stale tree node never decides what is sent. */
export async function refreshItems(targets: ItemTarget[]): Promise<ItemTarget[]> {
  return Promise.all(targets.map(async (t) => ({ scope: t.scope, item: await t.scope.queries.getItem(t.item) })));
}

/**
 * Items named by a hint: `{ targets }` (our own next-step buttons), `{ itemIds }`, or
 * `{ jobTarget, jobTargetName, vaultId }` (a VM job's final notification).
 */
export async function itemsFromHint(services: Services, ...hints: unknown[]): Promise<ItemTarget[]> {
  for (const hint of hints) {
    const h = hint as { targets?: unknown; itemIds?: unknown } | undefined;
    // From our own next-step buttons: the items themselves, nothing to look up.
    if (Array.isArray(h?.targets) && h.targets.length) return h.targets as ItemTarget[];
    if (Array.isArray(h?.itemIds) && h.itemIds.length) {
      const ids = h.itemIds.map(String);
      const found = new Map<string, ItemTarget>();
      for (const v of services.roots.loadedVaults()) {
        for (const item of v.items.items.filter((i) => ids.some((id) => namesItem(i, id)))) found.set(idKey(item.id), { scope: v.scope, item });
      }
      if (found.size) return [...found.values()];
    } else if (isItemJobTarget(hint)) {
      const found = await itemOfJob(services, hint);
      if (found) return [found];
    }
  }
  return [];
}

/**
 * The VM a job acted on, among the vaults in the tree (only the job's vault when it names one).
 * The items loaded so far may do; if not, the rest of the job's vault is loaded first (its
 * folder may never have been expanded), which also lets a friendly name decide.
 */
async function itemOfJob(services: Services, target: Partial<NextStepTarget>): Promise<ItemTarget | undefined> {
  const vaults = services.roots.loadedVaults().filter((v) => !target.vaultId || sameId(v.vault.id, target.vaultId));
  const lookUp = (partial: boolean): ItemTarget | undefined => {
    for (const v of vaults) {
      const item = itemOfJobTarget(v.items.items, target, { partial });
      if (item) return { scope: v.scope, item };
    }
    return undefined;
  };
  const found = lookUp(true);
  if (found || !target.vaultId) return found;
  // A big vault takes a moment to load: say what the button is doing meanwhile.
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Finding ${target.jobTargetName ?? 'the VM'} in the vault…` }, () =>
    Promise.all(vaults.map((v) => v.items.loadAll())),
  );
  // A friendly name decides only over the whole vault: a load that stopped short could hide a namesake.
  return lookUp(vaults.some((v) => !v.items.complete));
}

/**
 * The nodes a context-menu command acts on: the selection when the clicked row is part of it (a
 * multi-select), else the clicked row alone. A selection left from before (even from a practice
 * vault since replaced) must not stand in for the row the user right-clicked.
 */
export function clickedNodes(clicked: unknown, selected: unknown): unknown[] {
  const list = Array.isArray(selected) ? (selected as unknown[]) : [];
  if (clicked === undefined) return list;
  return list.includes(clicked) ? list : [clicked];
}
