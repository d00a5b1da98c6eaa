import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SiteRecoverySimulator, type SimulatorOptions } from '../../../src/simulator';
import { Scope } from '../../../src/scope';
import type { ReplicatedItem, VaultRef } from '../../../src/domain/model';
import type { JobInfo } from '../../../src/domain/model';
import { isTerminal } from '../../../src/domain/jobs';

/** The real SDK against an in-process simulator on a manual clock. */
export async function practiceWorld(options: SimulatorOptions = {}) {
  const sim = SiteRecoverySimulator.create({ scenario: 'failback-classic', clock: 'manual', retryAfterSeconds: 0, ...options });
  // The scope runs on the simulator's manual clock: a workflow's wait (the agent window) advances it.
  const clock = { now: () => sim.now().getTime(), sleep: async (ms: number) => void (await sim.advance(ms)) };
  const scope = new Scope('practice', 'Practice', { credential: sim.credential, endpoint: sim.endpoint, httpClient: sim.httpClient, practice: true }, clock);
  const vaults = await scope.queries.listVaults(sim.subscriptionId);
  const vault: VaultRef = vaults[0];
  const items = async (): Promise<ReplicatedItem[]> => {
    const out: ReplicatedItem[] = [];
    let token: string | undefined;
    do {
      const page = await scope.queries.listItemsPage(vault, token);
      out.push(...page.items);
      token = page.continuationToken;
    } while (token);
    return out;
  };
  /** Advances virtual time until the job ends (bounded). */
  const runJob = async (jobName: string, stepMs = 30_000, maxSteps = 200): Promise<JobInfo> => {
    for (let i = 0; i < maxSteps; i++) {
      const job = await scope.queries.getJob(vault, jobName);
      if (isTerminal(job.state)) return job;
      await sim.advance(stepMs);
    }
    throw new Error(`job ${jobName} did not end`);
  };
  const posts = () => sim.requestLog.filter((r) => r.method === 'POST');
  return { sim, scope, vault, items, runJob, posts };
}

export function byName(items: ReplicatedItem[], re: RegExp): ReplicatedItem {
  const found = items.find((i) => re.test(i.friendlyName));
  if (!found) throw new Error(`no item matches ${re}: ${items.map((i) => i.friendlyName).join(', ')}`);
  return found;
}

/**
 * Every page of an ARM list as the simulator sends it (the JSON text), nextLink followed: the
 * bytes the item-list parsers read. `pathAndQuery` starts at the ARM path ("/subscriptions/…?api-version=…").
 */
export async function rawPages(sim: SiteRecoverySimulator, pathAndQuery: string): Promise<string[]> {
  const pages: string[] = [];
  for (let url: string | undefined = `${sim.endpoint}${pathAndQuery}`; url;) {
    const res = await sim.handle({ method: 'GET', url, headers: { authorization: 'Bearer simulator-token' } });
    if (res.status !== 200 || res.body === undefined) throw new Error(`GET ${url} answered ${res.status}`);
    pages.push(res.body);
    url = (JSON.parse(res.body) as { nextLink?: string }).nextLink;
  }
  return pages;
}

/** The item-list worker started from its TypeScript source (the extension starts the bundled dist/itemListsWorker.js). */
export function sourceWorker(): Worker {
  const source = path.join(__dirname, '../../../src/azure/itemLists/worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
}
