import * as vscode from 'vscode';
import type { Scope } from '../../scope';
import type { ReplicatedItem } from '../../domain/model';
import type { TowardsAzurePointOption } from '../../domain/towardsAzurePoints';
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
