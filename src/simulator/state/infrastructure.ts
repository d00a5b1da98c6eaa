import type { FabricData } from '../scenarios/types';

/** Lookups into a fabric's customDetails (the config server / replication appliance inventory). */
type Entry = Record<string, unknown>;

function list(fabric: FabricData, key: string): Entry[] {
  const v = fabric.customDetails[key];
  return Array.isArray(v) ? (v as Entry[]) : [];
}

function byId(entries: Entry[], id: string | undefined, idKey = 'id'): Entry | undefined {
  if (typeof id !== 'string' || id === '') {
    return undefined;
  }
  const wanted = id.split('/').pop()?.toLowerCase();
  return entries.find((e) => String(e[idKey] ?? '').toLowerCase() === wanted);
}

export function findProcessServer(fabric: FabricData, id: string | undefined): Entry | undefined {
  return byId(list(fabric, 'processServers'), id);
}

export function findMasterTarget(fabric: FabricData, id: string | undefined): Entry | undefined {
  return byId(list(fabric, 'masterTargetServers'), id);
}

export function findRunAsAccount(fabric: FabricData, id: string | undefined): Entry | undefined {
  return byId(list(fabric, 'runAsAccounts'), id, 'accountId');
}

export function findReprotectAgent(fabric: FabricData, id: string | undefined): Entry | undefined {
  return byId(list(fabric, 'reprotectAgents'), id);
}

export function nameOf(entry: Entry | undefined): string | undefined {
  const n = entry?.['friendlyName'] ?? entry?.['name'];
  return typeof n === 'string' ? n : undefined;
}

export function datastoresOf(agent: Entry | undefined): string[] {
  const v = agent?.['accessibleDatastores'];
  return Array.isArray(v) ? v.map(String) : [];
}
