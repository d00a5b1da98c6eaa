import * as vscode from 'vscode';
import type { Scope } from '../../scope';
import type { RecoveryPlanInfo, ReplicatedItem } from '../../domain/model';
import { choiceForVm, towardsAzurePointOptions, type TowardsAzurePointChoice, type TowardsAzurePointOption } from '../../domain/towardsAzurePoints';
import { planActions } from '../../domain/actions';
import { towardsAzureRefusal } from '../../domain/prechecks';
import { planTowardsAzureProvider, type TowardsAzureProvider } from '../../azure/towardsAzureInputs';
import { prepareTowardsAzure } from '../../workflows/failoverPrep';
import type { PlanNode } from '../../tree/plansFolder';
import { acceptPartial } from './ui';
import { looksIsolated, networkChoices, networkConnections, type VirtualNetworkInfo } from '../../domain/networks';
import { cancelled } from './ui';
import type { ItemTarget } from './targets';

/** The recovery-point pick of a step towards Azure: kinds first, a VM's own points below a separator. */
export async function pickTowardsAzurePoint(options: readonly TowardsAzurePointOption[], title: string): Promise<TowardsAzurePointOption> {
  type Item = vscode.QuickPickItem & { option?: TowardsAzurePointOption };
  const toItem = (o: TowardsAzurePointOption): Item => ({ label: o.label, description: o.description, detail: o.detail, option: o });
  const specific = options.filter((o) => o.choice.kind === 'specific');
  const pick = await vscode.window.showQuickPick<Item>(
    [
      ...options.filter((o) => o.choice.kind !== 'specific').map(toItem),
      ...(specific.length ? [{ label: 'Specific recovery points', kind: vscode.QuickPickItemKind.Separator }] : []),
      ...specific.map(toItem),
    ],
    { title, placeHolder: 'Latest processed recovers fastest; app-consistent points are older', ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.option ?? cancelled();
}

/**
 * The Azure virtual network for the test VMs: isolated networks (no peering, no gateway) first
 * and recommended, so a drill does not reach production or the on-premises site.
 */
export async function pickTestNetwork(scope: Scope, subscriptionId: string, location: string | undefined, title: string): Promise<VirtualNetworkInfo> {
  const networks = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Reading Azure virtual networks…' }, () =>
    scope.queries.listVirtualNetworks(subscriptionId),
  );
  if (networks.length === 0) {
    await vscode.window.showErrorMessage('The subscription has no Azure virtual network for the test VMs.', {
      modal: true,
      detail: 'Create a virtual network isolated from production (no peering, no gateway) in the vault’s region, then run the test failover again.',
    });
    cancelled();
  }
  const sorted = networkChoices(networks, location);
  const anyIsolated = sorted.some(looksIsolated);
  type Item = vscode.QuickPickItem & { network: VirtualNetworkInfo };
  const pick = await vscode.window.showQuickPick<Item>(
    sorted.map((n, i) => ({
      label: n.name,
      description: `${n.resourceGroup}${n.location ? ` · ${n.location}` : ''}${i === 0 && looksIsolated(n) ? ' · recommended' : ''}`,
      detail: `${networkConnections(n)}${n.addressPrefixes.length ? ` · ${n.addressPrefixes.join(', ')}` : ''}`,
      network: n,
    })),
    {
      title,
      placeHolder: anyIsolated
        ? 'An isolated network is recommended: test VMs must not reach production or the on-premises site'
        : 'No isolated network found: test VMs in a connected network can reach production',
      ignoreFocusOut: true,
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  return pick?.network ?? cancelled();
}

/** One account or practice vault, one generation at a time: the inputs differ. */
export async function oneScopeOneProvider(chosen: readonly ItemTarget[], what: string): Promise<boolean> {
  const scope = chosen[0].scope;
  if (chosen.some((t) => t.scope !== scope)) {
    await vscode.window.showErrorMessage(`${what}: choose VMs of one account or practice vault at a time.`, { modal: true });
    return false;
  }
  if (new Set(chosen.map((t) => t.item.provider)).size > 1) {
    await vscode.window.showErrorMessage(`${what}: run classic and modernized VMs separately; they use different inputs.`, { modal: true });
    return false;
  }
  return true;
}

/** "erp-web-01" or "3 VMs". */
export function vmsText(items: readonly Pick<ReplicatedItem, 'friendlyName'>[]): string {
  return items.length === 1 ? items[0].friendlyName : `${items.length} VMs`;
}

export interface TowardsAzureSelection {
  ready: ItemTarget[];
  option: TowardsAzurePointOption;
  /** What is sent for each VM (its own point for "latest app-consistent"). */
  choiceOf(t: ItemTarget): TowardsAzurePointChoice;
}

/**
 * The VMs of a step towards Azure, re-read and checked (refusals listed, nothing sent for them),
 * and the recovery point picked; undefined when nothing can go or the user stopped.
 */
export async function selectTowardsAzure(chosen: ItemTarget[], action: 'testFailover' | 'failoverToAzure', what: string): Promise<TowardsAzureSelection | undefined> {
  if (!(await oneScopeOneProvider(chosen, what))) return undefined;
  const scope = chosen[0].scope;
  const prep = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking ${what.toLowerCase()} prerequisites…` }, () =>
    prepareTowardsAzure(
      scope.queries,
      chosen.map((t) => t.item),
      action,
    ),
  );
  if (!(await acceptPartial(what, prep.refused, prep.ready.length))) return undefined;
  const ready: ItemTarget[] = prep.ready.map((item) => ({ scope, item }));
  const pointsOf = (t: ItemTarget) => prep.points.get(t.item.id) ?? [];
  const option = await pickTowardsAzurePoint(
    towardsAzurePointOptions(ready.length === 1 ? pointsOf(ready[0]) : ready.flatMap(pointsOf), scope.clock.now(), { specific: ready.length === 1 }),
    `${what} of ${vmsText(ready.map((t) => t.item))}: recovery point`,
  );
  const missing = ready.filter((t) => !choiceForVm(option, pointsOf(t))).map((t) => t.item.friendlyName);
  if (missing.length) {
    await vscode.window.showErrorMessage(`No app-consistent recovery point yet for ${missing.join(', ')}.`, {
      modal: true,
      detail: 'Choose Latest processed, or wait for an app-consistent point.',
    });
    return undefined;
  }
  return { ready, option, choiceOf: (t) => choiceForVm(option, pointsOf(t))! };
}

/**
 * A plan's step towards Azure: the plan and its VMs re-read, Site Recovery allowing it and every
 * VM able to take part (a replication group goes with its plan, so the group rule does not apply).
 */
export async function planTowardsAzure(
  node: PlanNode,
  action: 'testFailover' | 'failoverToAzure',
  what: string,
): Promise<{ plan: RecoveryPlanInfo; members: ReplicatedItem[]; provider: TowardsAzureProvider } | undefined> {
  const scope = node.scope;
  const plan = await scope.queries.getPlan(node.plan.vault, node.plan.name);
  const members = await Promise.all((await node.members()).map((m) => scope.queries.getItem(m)));
  const provider = planTowardsAzureProvider(plan.replicationProviders, members);
  if (!provider || !planActions(plan).includes(action)) {
    await vscode.window.showErrorMessage(`Site Recovery does not allow a ${what.toLowerCase()} of recovery plan ${plan.friendlyName} now.`, { modal: true });
    return undefined;
  }
  const reasons = members.map((m) => towardsAzureRefusal(m, action, undefined, true)).filter(Boolean);
  if (reasons.length) {
    await vscode.window.showErrorMessage(`Recovery plan ${plan.friendlyName}: no ${what.toLowerCase()} now.`, { modal: true, detail: reasons.map((r) => `• ${r}`).join('\n') });
    return undefined;
  }
  return { plan, members, provider };
}
