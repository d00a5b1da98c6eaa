import { createHash, randomUUID } from 'node:crypto';

/** Deterministic GUID from a seed, so scenario objects keep their ids across runs. */
export function guidFrom(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newGuid(): string {
  return randomUUID();
}

/** ASR answers with `/Subscriptions/...` (capital S) for its own resources; ARM ones use lower case. */
export function vaultArmId(sub: string, rg: string, vault: string, asrCasing: boolean): string {
  const root = asrCasing ? 'Subscriptions' : 'subscriptions';
  return `/${root}/${sub}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${vault}`;
}

/** Virtual epoch ms → ARM date string. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** What ASR puts in date fields that have no value yet (unstarted tasks). */
export const UNSET_TIME = '0001-01-01T00:00:00';
/** currentScenario.startTime when nothing is running. */
export const NO_SCENARIO_TIME = '1753-01-01T01:01:01Z';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
