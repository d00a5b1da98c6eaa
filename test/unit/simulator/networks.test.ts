import assert from 'node:assert/strict';
import { CLASSIC, createSim, MODERN, raw } from './helpers';
import { NETWORK_API, networkId } from './towards-azure-helpers';

const list = (sub: string, rg?: string) => `/subscriptions/${sub}${rg ? `/resourceGroups/${rg}` : ''}/providers/Microsoft.Network/virtualNetworks?api-version=${NETWORK_API}`;

describe('simulator: Azure virtual networks (Microsoft.Network)', function () {
  it('lists the subscription networks in ARM pages that follow nextLink, each with address space, subnets and peerings', async () => {
    const sim = createSim({ pageSize: 3 });
    const first = await raw(sim, 'GET', list(sim.subscriptionId));
    assert.equal(first.status, 200);
    assert.equal(first.json!.value.length, 3);
    assert.ok(first.json!.nextLink?.startsWith(sim.endpoint), 'a nextLink back to the service');
    const second = await raw(sim, 'GET', first.json!.nextLink.slice(sim.endpoint.length));
    assert.equal(second.json!.nextLink, undefined);
    const all = [...first.json!.value, ...second.json!.value] as Record<string, any>[];
    assert.deepEqual(all.map((n) => n.name).sort(), ['dr-vnet', 'hub-vnet', 'vnet-branch-eastus', 'vnet-dr-drill-isolated']);

    const byName = (n: string) => all.find((x) => x.name === n)!;
    const isolated = byName('vnet-dr-drill-isolated');
    assert.equal(isolated.id, networkId(sim, CLASSIC.rg, 'vnet-dr-drill-isolated'));
    assert.equal(isolated.type, 'Microsoft.Network/virtualNetworks');
    assert.equal(isolated.location, 'westeurope');
    assert.deepEqual(isolated.properties.addressSpace, { addressPrefixes: ['10.10.0.0/16'] });
    assert.deepEqual(
      isolated.properties.subnets.map((s: Record<string, any>) => [s.name, s.id, s.properties.addressPrefix]),
      [['default', `${isolated.id}/subnets/default`, '10.10.0.0/24']],
    );
    assert.deepEqual(isolated.properties.virtualNetworkPeerings, [], 'the drill network is connected to nothing');
    // Production: peered with the hub, both ways; the hub holds the gateway to on-premises.
    const prod = byName('dr-vnet');
    assert.deepEqual(
      prod.properties.virtualNetworkPeerings.map((p: Record<string, any>) => p.properties.remoteVirtualNetwork.id),
      [networkId(sim, CLASSIC.rg, 'hub-vnet')],
    );
    const hub = byName('hub-vnet');
    assert.deepEqual(
      hub.properties.virtualNetworkPeerings.map((p: Record<string, any>) => p.properties.remoteVirtualNetwork.id),
      [prod.id],
    );
    assert.ok(hub.properties.subnets.some((s: { name: string }) => s.name === 'GatewaySubnet'));
    assert.equal(byName('vnet-branch-eastus').location, 'eastus');
    sim.dispose();
  });

  it('lists a resource group, GETs one network case-insensitively, and answers missing ones with ARM errors', async () => {
    const sim = createSim({ scenario: 'failback-modernized' });
    const inGroup = await raw(sim, 'GET', list(sim.subscriptionId, MODERN.rg));
    assert.equal(inGroup.json!.value.length, 4);
    assert.ok(inGroup.json!.value.every((n: { location: string; name: string }) => n.location === (n.name === 'vnet-branch-eastus' ? 'eastus' : 'northeurope')));
    const one = await raw(sim, 'GET', `${networkId(sim, MODERN.rg, 'VNET-DR-DRILL-ISOLATED')}?api-version=${NETWORK_API}`);
    assert.equal(one.status, 200);
    assert.equal(one.json!.name, 'vnet-dr-drill-isolated');

    const missing = await raw(sim, 'GET', `${networkId(sim, MODERN.rg, 'nope')}?api-version=${NETWORK_API}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.json!.error.code, 'ResourceNotFound');
    assert.match(missing.json!.error.message, /Microsoft\.Network\/virtualNetworks\/nope/);
    const noGroup = await raw(sim, 'GET', list(sim.subscriptionId, 'no-such-rg'));
    assert.equal(noGroup.status, 404);
    assert.equal(noGroup.json!.error.code, 'ResourceGroupNotFound');
    const noSub = await raw(sim, 'GET', list('00000000-0000-0000-0000-000000000000'));
    assert.equal(noSub.json!.error.code, 'SubscriptionNotFound');
    const badVersion = await raw(sim, 'GET', list(sim.subscriptionId).replace(NETWORK_API, '2023-06-01-preview'));
    assert.equal(badVersion.status, 400);
    assert.equal(badVersion.json!.error.code, 'InvalidApiVersionParameter');
    sim.dispose();
  });
});
