import { armError } from '../errors';
import type { Handler, HandlerContext, Params } from '../http-types';
import { ok } from '../http-types';
import { guidFrom } from '../ids';
import { page } from '../paging';
import { sameText } from './common';
import type { NetworkRecord } from '../state/model';
import { networkArmId, peersOf } from '../state/networks';

/**
 * Microsoft.Network virtualNetworks: the subscription-wide and resource-group lists (ARM pages with
 * nextLink) and a GET of one, in the shape Network's API returns them. Read-only: the simulator's
 * networks come from the scenario. Assumed (not recorded): no Network traffic is recorded; the shape
 * follows the Network REST API's VirtualNetwork model.
 */

const etag = (id: string) => `W/"${guidFrom(`${id}/etag`)}"`;

function networkView(hc: HandlerContext, n: NetworkRecord): Record<string, unknown> {
  const id = networkArmId(n);
  return {
    name: n.name,
    id,
    etag: etag(id),
    type: 'Microsoft.Network/virtualNetworks',
    location: n.location,
    tags: n.tags,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guidFrom(id),
      addressSpace: { addressPrefixes: n.addressPrefixes },
      subnets: n.subnets.map((s) => ({
        name: s.name,
        id: `${id}/subnets/${s.name}`,
        etag: etag(`${id}/subnets/${s.name}`),
        properties: {
          provisioningState: 'Succeeded',
          addressPrefix: s.addressPrefix,
          delegations: [],
          privateEndpointNetworkPolicies: 'Disabled',
          privateLinkServiceNetworkPolicies: 'Enabled',
        },
        type: 'Microsoft.Network/virtualNetworks/subnets',
      })),
      virtualNetworkPeerings: peersOf(hc.store, n).map((remote) => {
        const peeringId = `${id}/virtualNetworkPeerings/${n.name}-to-${remote.name}`;
        return {
          name: `${n.name}-to-${remote.name}`,
          id: peeringId,
          etag: etag(peeringId),
          properties: {
            provisioningState: 'Succeeded',
            peeringState: 'Connected',
            peeringSyncLevel: 'FullyInSync',
            remoteVirtualNetwork: { id: networkArmId(remote) },
            remoteAddressSpace: { addressPrefixes: remote.addressPrefixes },
            allowVirtualNetworkAccess: true,
            allowForwardedTraffic: false,
            allowGatewayTransit: false,
            useRemoteGateways: false,
          },
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        };
      }),
      enableDdosProtection: false,
    },
  };
}

export const listNetworksInSubscription: Handler = (hc, p, req) => {
  hc.store.subscription(p.sub);
  const all = hc.store.networks.filter((n) => sameText(n.subscriptionId, p.sub));
  return ok(
    page(
      req,
      all.map((n) => networkView(hc, n)),
      hc.config.pageSize,
    ),
  );
};

export const listNetworksInGroup: Handler = (hc, p, req) => {
  hc.store.resourceGroup(p.sub, p.rg);
  const all = hc.store.networks.filter((n) => sameText(n.subscriptionId, p.sub) && sameText(n.resourceGroup, p.rg));
  return ok(
    page(
      req,
      all.map((n) => networkView(hc, n)),
      hc.config.pageSize,
    ),
  );
};

function network(hc: HandlerContext, p: Params): NetworkRecord {
  hc.store.resourceGroup(p.sub, p.rg);
  const n = hc.store.networks.find((x) => sameText(x.subscriptionId, p.sub) && sameText(x.resourceGroup, p.rg) && sameText(x.name, p.network));
  if (!n) {
    throw armError(404, 'ResourceNotFound', `The Resource 'Microsoft.Network/virtualNetworks/${p.network}' under resource group '${p.rg}' was not found.`);
  }
  return n;
}

export const getNetwork: Handler = (hc, p) => ok(networkView(hc, network(hc, p)));
