// Recorded live-vault exchanges (test/fixtures/recorded/) and a transport that answers the real
// Azure SDK with them, so the extension's own code reads and writes against what Azure sent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { Scope } from '../../../src/scope';
import type { VaultRef } from '../../../src/domain/model';
import { parseArmId } from '../../../src/domain/armId';

export interface Recorded {
  file: string;
  source: { repository: string; path: string; commit: string; entry: number };
  request: { method: string; uri: string; body: unknown };
  response: { status: number; headers?: Record<string, string>; body: any };
}

const ROOT = path.join(__dirname, '../../fixtures/recorded');

export function allRecorded(): Recorded[] {
  return ['classic', 'modernized'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => ({ file: `${dir}/${f}`, ...JSON.parse(readFileSync(path.join(ROOT, dir, f), 'utf8')) }) as Recorded),
  );
}

export function recorded(file: string): Recorded {
  const found = allRecorded().find((r) => r.file === file || r.file.endsWith(`/${file}`));
  if (!found) throw new Error(`no recorded fixture ${file}`);
  return found;
}

/** ARM resources in a recorded response: the body itself or its `value` list. */
export function resourcesOf(r: Recorded): any[] {
  const body = r.response.body;
  if (!body || typeof body !== 'object') return [];
  return Array.isArray(body.value) ? body.value : [body];
}

/** By the resource's collection, the last but one segment of its id. */
export const kindOf = (resource: any): 'item' | 'job' | 'plan' | 'fabric' | 'recoveryPoint' | 'policy' | 'other' => {
  const collection = String(resource?.id ?? '')
    .split('/')
    .filter(Boolean)
    .slice(-2, -1)[0]
    ?.toLowerCase();
  const kinds: Record<string, ReturnType<typeof kindOf>> = {
    replicationprotecteditems: 'item',
    replicationjobs: 'job',
    replicationrecoveryplans: 'plan',
    replicationfabrics: 'fabric',
    recoverypoints: 'recoveryPoint',
    replicationpolicies: 'policy',
  };
  return kinds[collection ?? ''] ?? 'other';
};

export function vaultOf(id: string): VaultRef {
  const p = parseArmId(id);
  return { subscriptionId: p.subscriptionId ?? '', resourceGroup: p.resourceGroup ?? '', vaultName: p.segments['vaults'] ?? '', id: id.split(/\/replication/i)[0] };
}

export interface Sent {
  method: string;
  path: string;
  apiVersion: string | null;
  body: unknown;
}

/**
 * A transport for the real SDK: GETs are answered from `resources` by path (lists with every
 * resource whose id lies below the path); a POST is captured and answered as Azure answered the
 * recorded one (202 and its headers), with the job left to the caller.
 */
export function recordedScope(resources: any[], post?: Recorded): { scope: Scope; sent: Sent[] } {
  const sent: Sent[] = [];
  const byPath = (p: string) => resources.filter((r) => typeof r.id === 'string' && r.id.toLowerCase() === p.toLowerCase());
  const below = (p: string) => resources.filter((r) => typeof r.id === 'string' && r.id.toLowerCase().startsWith(`${p.toLowerCase()}/`));
  const respond = (request: PipelineRequest, status: number, body: unknown, headers: Record<string, string> = {}): PipelineResponse => ({
    request,
    status,
    headers: createHttpHeaders({ 'content-type': 'application/json', ...headers }),
    bodyAsText: body === undefined ? '' : JSON.stringify(body),
  });
  const httpClient: HttpClient = {
    async sendRequest(request) {
      const url = new URL(request.url);
      const p = decodeURIComponent(url.pathname).replace(/\/$/, '');
      if (request.method === 'POST') {
        sent.push({ method: 'POST', path: p, apiVersion: url.searchParams.get('api-version'), body: request.body ? JSON.parse(String(request.body)) : null });
        if (!post) return respond(request, 500, { error: { code: 'NotRecorded', message: 'no POST was recorded for this test' } });
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(post.response.headers ?? {})) headers[k] = v.replace(/^https:\/\/[^/]+/, url.origin);
        return respond(request, post.response.status, post.response.body ?? undefined, headers);
      }
      const one = byPath(p);
      if (one.length === 1) return respond(request, 200, one[0]);
      const vaultWide = /\/vaults\/[^/]+\/replicationProtectedItems$/i.exec(p);
      const list = vaultWide
        ? below(p.replace(/\/replicationProtectedItems$/i, '')).filter((r) => kindOf(r) === 'item')
        : below(p).filter((r) => r.id.slice(p.length + 1).split('/').length === 1);
      if (list.length || /\/(replicationProtectedItems|replicationRecoveryPlans|replicationJobs|replicationFabrics|replicationPolicies)$/i.test(p))
        return respond(request, 200, { value: list });
      return respond(request, 404, { error: { code: 'NotFound', message: `not recorded: ${p}` } });
    },
  };
  const scope = new Scope('recorded', 'Recorded', {
    credential: { getToken: async () => ({ token: 'recorded-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    endpoint: 'https://management.azure.com',
    httpClient,
    practice: true,
  });
  return { scope, sent };
}

/** Ids aside: GUID-like names and ARM names differ between a recording and a replay. */
export function withoutIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
}
