import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The recorded live-vault traffic in test/fixtures/recorded/ (one request/response per file, see its
 * README), read once and sorted by session and entry so a test can find what came before a request.
 */
export interface Recording {
  file: string;
  generation: 'classic' | 'modernized';
  session: string;
  entry: number;
  request: { method: string; uri: string; body: any };
  response: { status: number; headers: Record<string, string>; body: any };
}

export type Provider = 'InMage' | 'InMageAzureV2' | 'InMageRcm' | 'InMageRcmFailback';
export const PROVIDERS: Provider[] = ['InMage', 'InMageAzureV2', 'InMageRcm', 'InMageRcmFailback'];

const ROOT = join(__dirname, '..', '..', '..', 'fixtures', 'recorded');

function load(): Recording[] {
  const out: Recording[] = [];
  for (const generation of ['classic', 'modernized'] as const) {
    let files: string[] = [];
    try {
      files = readdirSync(join(ROOT, generation)).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files) {
      const data = JSON.parse(readFileSync(join(ROOT, generation, f), 'utf8'));
      out.push({
        file: `${generation}/${f}`,
        generation,
        // One session record can exist in several versions (V2ATestReprotect rec2017 / rec2021).
        session: `${data.source?.path ?? f.split('.')[0]}@${data.source?.commit ?? ''}`,
        entry: Number(data.source?.entry ?? f.split('.')[1]),
        request: data.request,
        response: data.response,
      });
    }
  }
  return out.sort((a, b) => a.session.localeCompare(b.session) || a.entry - b.entry);
}

export const RECORDINGS = load();

/** The last path segment of the request (the operation of a POST), without the query. */
export function operationOf(r: Recording): string {
  return r.request.uri.split('?')[0].split('/').pop() ?? '';
}

export function isList(r: Recording): boolean {
  return Array.isArray(r.response.body?.value);
}

/** The resources a response carries (a list's values, or the one resource). */
export function resourcesOf(r: Recording): any[] {
  const body = r.response.body;
  if (!body || typeof body !== 'object') return [];
  return isList(r) ? body.value : [body];
}

const typeOf = (res: any): string => String(res?.type ?? '');

export interface RecordedItem {
  rec: Recording;
  item: any;
  provider: Provider;
  protectionState: string;
}

/** Every replicated item in a response of the four VMware providers. */
export const ITEMS: RecordedItem[] = RECORDINGS.flatMap((rec) =>
  resourcesOf(rec)
    .filter((res) => typeOf(res).endsWith('/replicationProtectedItems') && PROVIDERS.includes(res.properties?.providerSpecificDetails?.instanceType))
    .map((item) => ({ rec, item, provider: item.properties.providerSpecificDetails.instanceType, protectionState: item.properties.protectionState })),
);

/** Jobs; api-version 2018 polls answer with the job under `properties` and no `type` (V2ATFOJob.013). */
const isJob = (r: any): boolean => typeOf(r).endsWith('/replicationJobs') || (/\/replicationJobs\/[^/]+$/.test(String(r?.id)) && typeof r?.properties?.scenarioName === 'string');
export const JOBS = RECORDINGS.flatMap((rec) =>
  resourcesOf(rec)
    .filter(isJob)
    .map((job) => ({ rec, job })),
);
export const FABRICS = RECORDINGS.flatMap((rec) =>
  resourcesOf(rec)
    .filter((r) => typeOf(r).endsWith('/replicationFabrics'))
    .map((fabric) => ({ rec, fabric })),
);
export const POLICIES = RECORDINGS.flatMap((rec) =>
  resourcesOf(rec)
    .filter((r) => typeOf(r).endsWith('/replicationPolicies'))
    .map((policy) => ({ rec, policy })),
);
export const PLANS = RECORDINGS.flatMap((rec) =>
  resourcesOf(rec)
    .filter((r) => typeOf(r).endsWith('/replicationRecoveryPlans'))
    .map((plan) => ({ rec, plan })),
);

/** Item and plan operations the recordings POST (their bodies must be accepted). */
export const POSTS = RECORDINGS.filter((r) => r.request.method === 'POST' && /\/(replicationProtectedItems|replicationRecoveryPlans)\/[^/]+\/[^/?]+(\?|$)/.test(r.request.uri));

/** Name of the item (or plan) a request addresses. */
export function targetNameOf(r: Recording): string {
  const parts = r.request.uri.split('?')[0].split('/');
  return decodeURIComponent(parts[parts.length - 2]);
}

/** The last recorded state of an item before `rec` in the same session (a GET or a list that holds it). */
export function itemBefore(rec: Recording): RecordedItem | undefined {
  const name = targetNameOf(rec).toLowerCase();
  return ITEMS.filter((i) => i.rec.session === rec.session && i.rec.entry < rec.entry && String(i.item.name).toLowerCase() === name).sort((a, b) => b.rec.entry - a.rec.entry)[0];
}

/** The recorded POSTs of a session between two entries (what changed the item since its last recorded state). */
export function postsBetween(session: string, after: number, before: number): Recording[] {
  return POSTS.filter((p) => p.session === session && p.entry > after && p.entry < before);
}

/** Every value a key takes, per provider, across all recorded items (the enum spellings ASR uses). */
export function recordedValues(provider: Provider, level: 'properties' | 'details', key: string): Set<unknown> {
  const values = new Set<unknown>();
  for (const i of ITEMS.filter((x) => x.provider === provider)) {
    const obj = level === 'properties' ? i.item.properties : i.item.properties.providerSpecificDetails;
    if (obj && key in obj) values.add(obj[key]);
  }
  return values;
}

/** The instanceType of a recorded policy, by name (policies GET in any session). */
export function recordedPolicyType(name: string): string | undefined {
  const found = POLICIES.find((p) => String(p.policy.name).toLowerCase() === name.toLowerCase());
  return found?.policy.properties?.providerSpecificDetails?.instanceType;
}
