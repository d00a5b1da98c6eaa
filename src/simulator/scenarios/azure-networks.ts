import type { NetworkData } from './types';

/**
 * The Azure virtual networks of a practice vault's subscription, as a DR site has them:
 * - `dr-vnet`, the production network VMs fail over into (the items' recovery network), with a VPN
 *   gateway subnet and peered with the hub: a test VM there could reach production;
 * - `hub-vnet`, the hub with the gateway to on-premises;
 * - `vnet-dr-drill-isolated`, no peering and no gateway: where test failovers belong;
 * - `vnet-branch-eastus`, in another region: no test VM of the vault can use it.
 */
export function drNetworks(resourceGroup: string): NetworkData[] {
  return [
    {
      resourceGroup,
      name: 'dr-vnet',
      addressPrefixes: ['10.10.0.0/16'],
      subnets: [
        { name: 'default', addressPrefix: '10.10.0.0/24' },
        { name: 'app', addressPrefix: '10.10.1.0/24' },
      ],
      peerings: ['hub-vnet'],
      tags: { environment: 'production' },
    },
    {
      resourceGroup,
      name: 'hub-vnet',
      addressPrefixes: ['10.100.0.0/16'],
      subnets: [
        { name: 'GatewaySubnet', addressPrefix: '10.100.255.0/27' },
        { name: 'AzureFirewallSubnet', addressPrefix: '10.100.0.0/26' },
      ],
      tags: { environment: 'production' },
    },
    {
      resourceGroup,
      name: 'vnet-dr-drill-isolated',
      addressPrefixes: ['10.10.0.0/16'],
      subnets: [{ name: 'default', addressPrefix: '10.10.0.0/24' }],
      tags: { purpose: 'dr-drill' },
    },
    {
      resourceGroup,
      name: 'vnet-branch-eastus',
      location: 'eastus',
      addressPrefixes: ['10.30.0.0/16'],
      subnets: [{ name: 'default', addressPrefix: '10.30.0.0/24' }],
    },
  ];
}
