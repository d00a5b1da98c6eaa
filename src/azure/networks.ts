import { restPipeline } from './restPipeline';
import { checkResponse } from './responses';
import type { AzureClients } from './clients';
import type { VirtualNetworkInfo } from '../domain/networks';
import { parseArmId } from '../domain/armId';

/** Network api-version for virtual networks. */
export const NETWORK_API_VERSION = '2023-09-01';

interface VnetJson {
  id?: string;
  name?: string;
  location?: string;
  properties?: {
    addressSpace?: { addressPrefixes?: string[] };
    subnets?: Array<{ name?: string }>;
    virtualNetworkPeerings?: unknown[];
  };
}

/**
 * The subscription's virtual networks, for a test failover's test VMs. Networks are plain
 * Microsoft.Network resources, read through the SDK pipeline (auth, retries, throttling) with
 * Network's api-version, following nextLink.
 */
export async function listVirtualNetworks(clients: AzureClients, subscriptionId: string): Promise<VirtualNetworkInfo[]> {
  const { createPipelineRequest } = await restPipeline();
  const client = await clients.siteRecovery(subscriptionId);
  const endpoint = clients.connection.endpoint.replace(/\/$/, '');
  const origin = new URL(endpoint).origin;
  const out: VirtualNetworkInfo[] = [];
  let url: string | undefined = `${endpoint}/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Network/virtualNetworks?api-version=${NETWORK_API_VERSION}`;
  while (url) {
    // A nextLink elsewhere than the signed-in cloud would receive the token: refused.
    if (new URL(url).origin !== origin) throw new Error('The network list named a next page outside the signed-in cloud; stopped reading.');
    const response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
    const page = JSON.parse(checkResponse(response, 'Reading virtual networks') || '{}') as { value?: VnetJson[]; nextLink?: string };
    for (const n of page.value ?? []) {
      if (!n.id || !n.name) continue;
      out.push({
        id: n.id,
        name: n.name,
        resourceGroup: parseArmId(n.id).resourceGroup ?? '',
        location: n.location,
        addressPrefixes: n.properties?.addressSpace?.addressPrefixes ?? [],
        peeringCount: n.properties?.virtualNetworkPeerings?.length ?? 0,
        hasGatewaySubnet: (n.properties?.subnets ?? []).some((s) => /^GatewaySubnet$/i.test(s.name ?? '')),
      });
    }
    url = page.nextLink || undefined;
  }
  return out;
}
