import { failbackClassic } from './failback-classic';
import type { ItemData, ItemPhase, ReplicationProvider, ScenarioData } from './types';

export interface LargeOptions {
  vaults?: number;
  fabrics?: number;
  containersPerFabric?: number;
  itemsPerContainer?: number;
}

/** A mix of failback states, cycled through the generated VMs. */
const MIX: [ReplicationProvider, ItemPhase][] = [
  ['InMage', 'Protected'],
  ['InMage', 'Protected'],
  ['InMage', 'Protected'],
  ['InMage', 'FailedOver'],
  ['InMage', 'Committed'],
  ['InMageAzureV2', 'Protected'],
  ['InMageAzureV2', 'Committed'],
];

/**
 * The 'large' scenario is generated: the classic scenario's infrastructure repeated over many
 * fabrics and containers, with VMs named vm-00001, vm-00002, ... (default 2 × 10 × 250 = 5,000).
 */
export function largeScenario(opts: LargeOptions = {}): ScenarioData {
  const template = failbackClassic.vaults[0];
  const sub = failbackClassic.subscriptions[0];
  const vaultCount = opts.vaults ?? 1;
  const fabricCount = opts.fabrics ?? 2;
  const containerCount = opts.containersPerFabric ?? 10;
  const perContainer = opts.itemsPerContainer ?? 250;
  let n = 0;
  const vaults = Array.from({ length: vaultCount }, (_, v) => {
    const fabrics = Array.from({ length: fabricCount }, (_, f) => ({
      ...template.fabrics[0],
      internalIdentifier: undefined,
      name: `cs-${String(f + 1).padStart(2, '0')}`,
      friendlyName: `cs-${String(f + 1).padStart(2, '0')}`,
      containers: Array.from({ length: containerCount }, (_, c) => ({
        name: `cloud_${String(f + 1).padStart(2, '0')}_${String(c + 1).padStart(3, '0')}`,
        friendlyName: `cs-${String(f + 1).padStart(2, '0')}`,
      })),
    }));
    const items: ItemData[] = fabrics.flatMap((fabric) =>
      fabric.containers.flatMap((container) =>
        Array.from({ length: perContainer }, () => {
          const [provider, phase] = MIX[n % MIX.length];
          n++;
          const name = `vm-${String(n).padStart(5, '0')}`;
          return {
            ...template.items[0],
            name,
            friendlyName: name,
            fabric: fabric.name,
            container: container.name,
            provider,
            phase,
            osType: n % 2 ? 'Linux' : 'Windows',
            multiVmGroupName: undefined,
            ipAddress: `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`,
            recoveryPoints: { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 4 },
          } satisfies ItemData;
        }),
      ),
    );
    return {
      ...template,
      name: vaultCount === 1 ? 'large-vault' : `large-vault-${v + 1}`,
      fabrics: [...fabrics, template.fabrics[1]],
      items,
      recoveryPlans: [],
      historicJobs: [],
      disks: [],
    };
  });
  return { name: 'large', description: 'Generated: many VMs in a mix of failback states.', subscriptions: [sub], vaults };
}
