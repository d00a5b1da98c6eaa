import { armError, asrError, ASR_ERROR_CODES } from '../errors';
import type { FabricData, PolicyData, ScenarioData } from '../scenarios/types';
import type { DiskRecord, ItemRecord, JobRecord, NetworkRecord, PlanRecord, VaultRecord, VmRecord } from './model';

/** An LRO the service accepted; its id is the job name for item/plan actions. */
export interface OperationRecord {
  id: string;
  vaultKey: string;
  jobName: string;
  /** What the Location URL returns once done. */
  result: { kind: 'item'; itemName: string } | { kind: 'plan'; planName: string } | { kind: 'job' } | { kind: 'none' };
}

export function vaultKeyOf(sub: string, rg: string, vault: string): string {
  return `${sub}/${rg}/${vault}`.toLowerCase();
}

export function notFound(kind: string, name: string): Error {
  return asrError(404, {
    code: ASR_ERROR_CODES.notFound,
    message: `The ${kind} '${name}' was not found in the vault.`,
    possibleCauses: `The ${kind} doesn't exist, was deleted, or the name is misspelt.`,
    recommendedAction: `Check the ${kind} name (list the ${kind}s of the vault) and retry.`,
  });
}

/** All simulated resources, keyed the way ARM addresses them (names are case-insensitive). */
export class Store {
  readonly subscriptions: ScenarioData['subscriptions'];
  readonly resourceGroups = new Set<string>();
  readonly vaults = new Map<string, VaultRecord>();
  readonly fabrics = new Map<string, FabricData[]>();
  readonly policies = new Map<string, PolicyData[]>();
  readonly items = new Map<string, ItemRecord[]>();
  readonly plans = new Map<string, PlanRecord[]>();
  readonly jobs = new Map<string, JobRecord[]>();
  readonly disks: DiskRecord[] = [];
  readonly networks: NetworkRecord[] = [];
  /** Azure VMs left without a replicated item (see state/azure-vms.ts for the others). */
  readonly standaloneVms: VmRecord[] = [];
  readonly operations = new Map<string, OperationRecord>();

  constructor(subscriptions: ScenarioData['subscriptions']) {
    this.subscriptions = subscriptions;
  }

  subscription(sub: string): ScenarioData['subscriptions'][number] {
    const found = this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === sub.toLowerCase());
    if (!found) {
      throw armError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
    }
    return found;
  }

  resourceGroup(sub: string, rg: string): void {
    this.subscription(sub);
    if (!this.resourceGroups.has(`${sub}/${rg}`.toLowerCase())) {
      throw armError(404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
    }
  }

  vault(sub: string, rg: string, name: string): VaultRecord {
    this.resourceGroup(sub, rg);
    const v = this.vaults.get(vaultKeyOf(sub, rg, name));
    if (!v) {
      throw armError(404, 'ResourceNotFound', `The Resource 'Microsoft.RecoveryServices/vaults/${name}' under resource group '${rg}' was not found.`);
    }
    return v;
  }

  fabric(vaultKey: string, name: string): FabricData {
    const f = (this.fabrics.get(vaultKey) ?? []).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!f) {
      throw notFound('fabric', name);
    }
    return f;
  }

  container(vaultKey: string, fabric: string, name: string): { fabric: FabricData; name: string; friendlyName: string } {
    const f = this.fabric(vaultKey, fabric);
    const c = f.containers.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!c) {
      throw notFound('protection container', name);
    }
    return { fabric: f, ...c };
  }

  itemsOf(vaultKey: string): ItemRecord[] {
    return this.items.get(vaultKey) ?? [];
  }

  findItem(vaultKey: string, name: string): ItemRecord | undefined {
    return this.itemsOf(vaultKey).find((i) => i.name.toLowerCase() === name.toLowerCase());
  }

  /** Item addressed through its fabric and container, as the SDK does. */
  item(vaultKey: string, fabric: string, container: string, name: string): ItemRecord {
    this.container(vaultKey, fabric, container);
    const item = this.findItem(vaultKey, name);
    if (!item || item.fabric.toLowerCase() !== fabric.toLowerCase() || item.container.toLowerCase() !== container.toLowerCase()) {
      throw notFound('replication protected item', name);
    }
    return item;
  }

  removeItem(item: ItemRecord): void {
    const list = this.itemsOf(item.vaultKey);
    const at = list.indexOf(item);
    if (at >= 0) {
      list.splice(at, 1);
    }
  }

  plan(vaultKey: string, name: string): PlanRecord {
    const p = (this.plans.get(vaultKey) ?? []).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!p) {
      throw notFound('recovery plan', name);
    }
    return p;
  }

  policy(vaultKey: string, nameOrId: string): PolicyData | undefined {
    const name = nameOrId.split('/').pop() ?? '';
    return (this.policies.get(vaultKey) ?? []).find((p) => p.name.toLowerCase() === name.toLowerCase());
  }

  jobsOf(vaultKey: string): JobRecord[] {
    let list = this.jobs.get(vaultKey);
    if (!list) {
      list = [];
      this.jobs.set(vaultKey, list);
    }
    return list;
  }

  job(vaultKey: string, name: string): JobRecord {
    const j = this.jobsOf(vaultKey).find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!j) {
      throw notFound('job', name);
    }
    return j;
  }

  allJobs(): JobRecord[] {
    return [...this.jobs.values()].flat();
  }
}
