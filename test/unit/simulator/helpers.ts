import { SiteRecoveryManagementClient } from '@azure/arm-recoveryservices-siterecovery';
import { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { SiteRecoverySimulator, type SimulatorOptions } from '../../../src/simulator/index';

export const CLASSIC = {
  vault: 'contoso-dr-vault',
  rg: 'contoso-dr-rg',
  fabric: 'contoso-cs01',
  container: 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30',
  psAzure: 'b0a9e2e4-6f2e-4c1a-9d33-0c1f00000002',
  psOnPrem: 'b0a9e2e4-6f2e-4c1a-9d33-0c1f00000001',
  masterTarget: 'c7d1f3a2-1b2c-4d5e-8f90-0a1b00000003',
};

export const MODERN = {
  vault: 'fabrikam-dr-vault',
  rg: 'fabrikam-dr-rg',
  fabric: 'contoso-appliance01',
  container: 'cloud_8b4e3d2f-1e5c-4f9b-8d2a-3c8e6f0b2d41',
  // One replication appliance: its process server and reprotect agent share its id, as recorded.
  ps: 'd3e4f5a6-0b1c-4d2e-8f3a-5b6c00000011',
  agent: 'd3e4f5a6-0b1c-4d2e-8f3a-5b6c00000011',
};

export const MINUTE = 60_000;

/** core-lro ignores `Retry-After: 0` and would wait its 2 s default; poll every millisecond instead. */
export const FAST_POLL = { updateIntervalInMs: 1 };

export function createSim(options: SimulatorOptions = {}): SiteRecoverySimulator {
  return SiteRecoverySimulator.create({ clock: 'manual', retryAfterSeconds: 0, ...options });
}

/** Real SDK clients wired to the simulator; retries use short real delays so tests stay fast. */
export function clients(sim: SiteRecoverySimulator) {
  const common = { endpoint: sim.endpoint, httpClient: sim.httpClient, retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 } };
  return {
    asr: new SiteRecoveryManagementClient(sim.credential, sim.subscriptionId, common),
    vaults: new RecoveryServicesClient(sim.credential, sim.subscriptionId, common),
    subscriptions: new SubscriptionClient(sim.credential, common),
  };
}

/** Awaits `work` while moving the manual clock forward (the SDK's poller waits on virtual time). */
export async function whileAdvancing<T>(sim: SiteRecoverySimulator, work: Promise<T>, stepMs = 10_000): Promise<T> {
  let done = false;
  const tracked = work.finally(() => (done = true));
  tracked.catch(() => undefined);
  let seen = sim.requestLog.length;
  while (!done) {
    await new Promise((r) => setTimeout(r, 1));
    // Move time only after the poller asked again, so each poll sees one step of progress.
    if (!done && sim.requestLog.length !== seen) {
      seen = sim.requestLog.length;
      await sim.advance(stepMs);
    }
  }
  return tracked;
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
  }
  return out;
}

export function jobNameFrom(headerUrl: string): string {
  return new URL(headerUrl).pathname.split('/').pop() as string;
}

/** Sends a raw request through handle() with a token, for shapes the SDK would refuse to send. */
export async function raw(sim: SiteRecoverySimulator, method: string, path: string, body?: string, headers: Record<string, string> = { Authorization: 'Bearer t' }) {
  const res = await sim.handle({ method, url: `${sim.endpoint}${path}`, headers, body });
  return { ...res, json: res.body ? (JSON.parse(res.body) as Record<string, any>) : undefined };
}

export function vaultPath(sim: SiteRecoverySimulator, v = CLASSIC): string {
  return `/subscriptions/${sim.subscriptionId}/resourceGroups/${v.rg}/providers/Microsoft.RecoveryServices/vaults/${v.vault}`;
}

export function itemPath(sim: SiteRecoverySimulator, name: string, v: { rg: string; vault: string; fabric: string; container: string } = CLASSIC): string {
  return `${vaultPath(sim, v as typeof CLASSIC)}/replicationFabrics/${v.fabric}/replicationProtectionContainers/${v.container}/replicationProtectedItems/${name}`;
}

/** The job name behind an SDK poller (the operation id in Azure-AsyncOperation equals the job name). */
export function jobNameOf(poller: { getOperationState(): unknown }): string {
  const state = poller.getOperationState() as { config: { operationLocation: string } };
  return jobNameFrom(state.config.operationLocation);
}
