import type { SiteRecoverySimulator } from '../../../src/simulator/index';
import { MINUTE, raw, vaultPath } from './helpers';

/** Helpers of the drill / failover-to-Azure tests (raw ARM calls on the simulator). */

export const API = '2023-06-01';
export const NETWORK_API = '2023-09-01';
export const COMPUTE_API = '2024-03-01';

export function networkId(sim: SiteRecoverySimulator, rg: string, name: string): string {
  return `/subscriptions/${sim.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;
}

export async function get(sim: SiteRecoverySimulator, path: string): Promise<Record<string, any>> {
  const res = await raw(sim, 'GET', `${path}${path.includes('?') ? '&' : '?'}api-version=${API}`);
  if (res.status !== 200) {
    throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  }
  return res.json as Record<string, any>;
}

export async function post(sim: SiteRecoverySimulator, path: string, body?: unknown) {
  return raw(sim, 'POST', `${path}?api-version=${API}`, body === undefined ? undefined : JSON.stringify(body));
}

/** The job an accepted POST started (its Azure-AsyncOperation names it), after letting every job finish. */
export async function finished(sim: SiteRecoverySimulator, v: { rg: string; vault: string }, res: { status: number; headers: Record<string, string>; json?: Record<string, any> }) {
  if (res.status !== 202) {
    throw new Error(`expected 202, got ${res.status}: ${JSON.stringify(res.json)}`);
  }
  const name = new URL(res.headers['Azure-AsyncOperation']).pathname.split('/').pop();
  await sim.advance(60 * MINUTE);
  return get(sim, `${vaultPath(sim, v as never)}/replicationJobs/${name}`);
}

export async function jobCount(sim: SiteRecoverySimulator, v: { rg: string; vault: string }): Promise<number> {
  return (await get(sim, `${vaultPath(sim, v as never)}/replicationJobs`)).value.length;
}

/** The Azure VM of that name in the resource group, or the ARM error status. */
export async function azureVm(sim: SiteRecoverySimulator, rg: string, name: string, expand = false) {
  const q = expand ? `&$expand=instanceView` : '';
  return raw(sim, 'GET', `/subscriptions/${sim.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}?api-version=${COMPUTE_API}${q}`);
}

export async function azureVmNames(sim: SiteRecoverySimulator, rg: string): Promise<string[]> {
  const res = await raw(sim, 'GET', `/subscriptions/${sim.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines?api-version=${COMPUTE_API}`);
  return (res.json!.value as { name: string }[]).map((v) => v.name).sort();
}

/** A test failover body as the cmdlet sends it for one VM (TestV2ARCMTestFailover.012 / V2ATFOJob.012). */
export function tfoBody(network: string | undefined, details: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    properties: {
      failoverDirection: 'PrimaryToRecovery',
      networkType: 'VmNetworkAsInput',
      ...(network ? { networkId: network } : {}),
      providerSpecificDetails: details,
      ...extra,
    },
  };
}

/** The 161011 health warning ("No successful test failover ...") of an item, if it reports one. */
export function noDrillWarning(item: Record<string, any>): Record<string, any> | undefined {
  return (item.properties.healthErrors as Record<string, any>[]).find((e) => e.errorCode === '161011');
}
