import type { ItemRecord, VmRecord } from './model';
import { recoveryNetworkId } from './networks';
import type { Store } from './store';

/**
 * The Azure VMs of replicated items, derived from their state so a cancelled or failed job (which
 * restores the item) also undoes them:
 * - the replica `<VM name>` while the VM runs in Azure (after a failover to Azure, or while it
 *   replicates back to on-premises), deallocated once a failback shut it down, gone after the
 *   failback was committed or the VM was reprotected to Azure again;
 * - the test VM `<VM name>-test` (recorded testVmName "Rcm-W2K19-152-test", TestV2ARCMTestFailover.1082)
 *   from the end of a test failover until its cleanup deletes it.
 * Assumed (not recorded): both live in the item's recovery resource group, in the vault's region,
 * and the replica a failback shut down reports PowerState/deallocated.
 */
export function vmsOfItem(store: Store, item: ItemRecord): VmRecord[] {
  const vault = store.vaults.get(item.vaultKey);
  if (!vault) {
    return [];
  }
  const m = item.mutable;
  const base = { subscriptionId: vault.subscriptionId, resourceGroup: item.recoveryResourceGroup, location: vault.location, osType: item.osType, itemName: item.name };
  const network = recoveryNetworkId(vault.subscriptionId, item.recoveryResourceGroup);
  const vms: VmRecord[] = [];
  if (m.azureVmPowerState === 'Running' || m.azureVmPowerState === 'Stopped') {
    vms.push({
      ...base,
      name: item.friendlyName,
      powerState: m.azureVmPowerState === 'Running' ? 'running' : 'deallocated',
      createdAt: m.recoveredVmStartedAt ?? m.replicationStartedAt,
      networkId: network,
      role: 'replica',
    });
  }
  if (m.testFailover === 'Completed') {
    vms.push({
      ...base,
      name: `${item.friendlyName}-test`,
      powerState: 'running',
      createdAt: m.testVmCreatedAt ?? m.replicationStartedAt,
      networkId: m.testNetworkId ?? network,
      role: 'test',
    });
  }
  return vms;
}

/** Every Azure VM the simulator holds: those of replicated items and those left without one. */
export function allAzureVms(store: Store): VmRecord[] {
  const owned = [...store.vaults.keys()].flatMap((key) => store.itemsOf(key).flatMap((i) => vmsOfItem(store, i)));
  return [...owned, ...store.standaloneVms];
}

/**
 * Disabling replication keeps a VM that runs in Azure (it becomes a plain Azure VM).
 * Assumed (not recorded): the test VM of a test failover not cleaned up goes with the replication.
 */
export function releaseVms(store: Store, item: ItemRecord): void {
  for (const vm of vmsOfItem(store, item).filter((v) => v.role === 'replica')) {
    store.standaloneVms.push({ ...vm, itemName: undefined });
  }
}
