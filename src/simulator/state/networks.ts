import type { NetworkRecord } from './model';
import type { Store } from './store';

/** ARM ids of virtual networks: `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{name}`. */
const NETWORK_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)\/?$/i;

export function networkArmId(n: Pick<NetworkRecord, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${n.subscriptionId}/resourceGroups/${n.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${n.name}`;
}

/** Whether the string has the shape of a virtual network id at all. */
export function isNetworkId(id: string): boolean {
  return NETWORK_ID.test(id);
}

/** The network an ARM id names (names and ids are case-insensitive, like ARM). */
export function findNetwork(store: Store, id: string): NetworkRecord | undefined {
  const m = NETWORK_ID.exec(id);
  if (!m) {
    return undefined;
  }
  const [, sub, rg, name] = m.map((x) => x.toLowerCase());
  return store.networks.find((n) => n.subscriptionId.toLowerCase() === sub && n.resourceGroup.toLowerCase() === rg && n.name.toLowerCase() === name);
}

/** Peerings go both ways: a network is peered with those it names and those that name it. */
export function peersOf(store: Store, n: NetworkRecord): NetworkRecord[] {
  const same = (o: NetworkRecord) => o.subscriptionId === n.subscriptionId && o.resourceGroup.toLowerCase() === n.resourceGroup.toLowerCase();
  const named = new Set(n.peerings.map((p) => p.toLowerCase()));
  return store.networks.filter((o) => o !== n && same(o) && (named.has(o.name.toLowerCase()) || o.peerings.some((p) => p.toLowerCase() === n.name.toLowerCase())));
}

/**
 * The Azure network a VM replicating to Azure fails over into: `dr-vnet` in its recovery resource
 * group (what the item's details name as recovery / target network).
 */
export function recoveryNetworkId(subscriptionId: string, resourceGroup: string): string {
  return networkArmId({ subscriptionId, resourceGroup, name: 'dr-vnet' });
}
