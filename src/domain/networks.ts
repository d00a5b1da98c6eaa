// Azure virtual networks a test failover can put its test VMs in. Site Recovery recommends a
// network isolated from production for a drill; Azure does not say "isolated", so it is read from
// what the network is connected to: peerings and a VPN/ExpressRoute gateway subnet.

export interface VirtualNetworkInfo {
  id: string;
  name: string;
  resourceGroup: string;
  location?: string;
  addressPrefixes: readonly string[];
  peeringCount: number;
  hasGatewaySubnet: boolean;
}

/** No peering and no gateway: test VMs there cannot reach production or the on-premises site. */
export function looksIsolated(n: VirtualNetworkInfo): boolean {
  return n.peeringCount === 0 && !n.hasGatewaySubnet;
}

export function networkConnections(n: VirtualNetworkInfo): string {
  if (looksIsolated(n)) return 'isolated: no peering, no gateway';
  const parts: string[] = [];
  if (n.peeringCount) parts.push(`${n.peeringCount} peering${n.peeringCount === 1 ? '' : 's'}`);
  if (n.hasGatewaySubnet) parts.push('gateway to on-premises');
  return `connected: ${parts.join(', ')}`;
}

/**
 * Networks for the picker: in the vault's region first (a test VM is created there), isolated
 * ones before connected ones, then by name.
 */
export function networkChoices(networks: readonly VirtualNetworkInfo[], location?: string): VirtualNetworkInfo[] {
  const region = (l?: string) => (l ?? '').toLowerCase().replace(/\s+/g, '');
  const here = region(location);
  const rank = (n: VirtualNetworkInfo) => (here && region(n.location) !== here ? 2 : 0) + (looksIsolated(n) ? 0 : 1);
  return [...networks].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
