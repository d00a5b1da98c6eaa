import type { ScenarioData } from './types';

/** A subscription with an empty vault: nothing is replicated yet. */
export const empty: ScenarioData = {
  name: 'empty',
  description: 'One subscription with a vault that protects nothing.',
  subscriptions: [{ subscriptionId: '00000000-1111-2222-3333-444444444444', displayName: 'Empty (simulated)', tenantId: '72f988bf-0000-4000-8000-00000000c0de' }],
  vaults: [
    {
      subscriptionId: '00000000-1111-2222-3333-444444444444',
      resourceGroup: 'empty-rg',
      name: 'empty-vault',
      location: 'westeurope',
      fabrics: [],
      policies: [],
      items: [],
    },
  ],
};
