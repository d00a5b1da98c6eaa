import { SiteRecoveryManagementClient } from '@azure/arm-recoveryservices-siterecovery';
import { AzureClients } from '../../../src/azure/clients';
import type { ArmConnection } from '../../../src/azure/connection';
import { SiteRecoveryOperations } from '../../../src/azure/operations';
import { SiteRecoveryQueries } from '../../../src/azure/queries';
import type { ReprotectChoices } from '../../../src/azure/inputs';
import { listOnPremisesInfrastructure } from '../../../src/azure/infrastructure';
import { policiesFor } from '../../../src/domain/policies';
import { failbackPhase } from '../../../src/domain/itemState';
import { isTerminal } from '../../../src/domain/jobs';
import type { JobInfo, ReplicatedItem } from '../../../src/domain/model';
import { generationOf } from '../../../src/domain/providers';
import { JobTracker } from '../../../src/jobs/jobTracker';
import type { LogLevel } from '../../../src/jobs/types';
import { SiteRecoverySimulator } from '../../../src/simulator';
import { prepareFailover } from '../../../src/workflows/failoverPrep';
import { ManualTimers } from '../jobs/manualTimers';
import { MemoryStore } from '../jobs/memoryStore';

export type Generation = 'classic' | 'modernized';
export const SCOPE_KEY = 'practice';
export const POLL_INTERVAL_MS = 30_000;

/**
 * The extension's clients, except that the readers' SDK retry waits 1–4 ms instead of
 * 0.5–64 s: the SDK's own retry logic runs unchanged, only its real-time sleeps shrink (the
 * manual clock cannot reach them). The writer client is the extension's own, untouched:
 * no retry but 429, Retry-After honoured in real time.
 */
class QuickRetryClients extends AzureClients {
  private readonly quick = new Map<string, SiteRecoveryManagementClient>();

  override siteRecovery(subscriptionId: string): Promise<SiteRecoveryManagementClient> {
    let client = this.quick.get(subscriptionId);
    if (!client) {
      const c = this.connection;
      client = new SiteRecoveryManagementClient(c.credential, subscriptionId, {
        endpoint: c.endpoint,
        httpClient: c.httpClient,
        retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 4 },
      });
      this.quick.set(subscriptionId, client);
    }
    return Promise.resolve(client);
  }
}

/** One simulator on a manual clock, the real SDK on top, and a job tracker on manual timers. */
export async function reliabilityWorld(generation: Generation, connection?: Partial<ArmConnection>) {
  const sim = SiteRecoverySimulator.create({ scenario: `failback-${generation}`, clock: 'manual', retryAfterSeconds: 0 });
  const clients = new QuickRetryClients({ credential: sim.credential, endpoint: sim.endpoint, httpClient: sim.httpClient, practice: true, ...connection });
  const queries = new SiteRecoveryQueries(clients);
  const operations = new SiteRecoveryOperations(clients, queries);
  const [vault] = await queries.listVaults(sim.subscriptionId);
  const timers = new ManualTimers((ms) => sim.advance(ms));
  const store = new MemoryStore();
  const log: Array<{ line: string; level: LogLevel }> = [];
  const tracker = new JobTracker({
    scopes: (key) => (key === SCOPE_KEY ? queries : undefined),
    store,
    log: (line, level = 'info') => log.push({ line, level }),
    interval: () => POLL_INTERVAL_MS,
    timers,
    now: () => sim.now(),
  });
  /** Final reports per job name (onFinished must fire exactly once per job). */
  const reports = new Map<string, number>();
  tracker.onFinished((job) => reports.set(job.name.toLowerCase(), (reports.get(job.name.toLowerCase()) ?? 0) + 1));

  const items = async (): Promise<ReplicatedItem[]> => {
    const out: ReplicatedItem[] = [];
    let token: string | undefined;
    do {
      const page = await queries.listItemsPage(vault, token);
      out.push(...page.items);
      token = page.continuationToken;
    } while (token);
    return out;
  };

  /** Runs a job to its end on the simulator's clock alone (setting the stage, no tracker). */
  const runJob = async (jobName: string): Promise<JobInfo> => {
    for (let i = 0; i < 400; i++) {
      const job = await queries.getJob(vault, jobName);
      if (isTerminal(job.state)) return job;
      await sim.advance(30_000);
    }
    throw new Error(`job ${jobName} did not end`);
  };

  /** A VM of this generation that passes the failover prechecks. */
  const readyItem = async (): Promise<ReplicatedItem> => {
    const candidates = (await items()).filter((i) => failbackPhase(i) === 'readyToFailBack' && i.provider && generationOf(i.provider) === generation);
    const prep = await prepareFailover(queries, candidates);
    if (!prep.ready.length) throw new Error(`no ${generation} VM is ready to fail back`);
    return prep.ready[0];
  };

  /** The VM failed over, awaiting commit. */
  const awaitingCommit = async (): Promise<ReplicatedItem> => {
    const item = await readyItem();
    const started = await operations.failoverItem(item, { kind: 'latest' });
    await runJob(started.jobName!);
    return queries.getItem(item);
  };

  /** The VM committed, and its on-premises agent registered (the 15-minute window is over). */
  const needsReprotect = async (): Promise<ReplicatedItem> => {
    const item = await awaitingCommit();
    const started = await operations.commitItem(item);
    await runJob(started.jobName!);
    await sim.advance(16 * 60_000);
    return queries.getItem(item);
  };

  /** What the reprotect picker offers (process server, policy, master target, run-as account). */
  const reprotectChoices = async (): Promise<ReprotectChoices> => {
    const infra = await listOnPremisesInfrastructure(clients, vault);
    const modernized = (await items()).some((i) => i.provider === 'InMageRcmFailback');
    const onPrem = infra.processServers.find((s) => s.location !== 'azure') ?? infra.processServers[0];
    // Modernized reprotect names the VMware site's run-as account its InMageRcm items carry.
    const siteAccount = (await items()).find((i) => i.runAsAccountId)?.runAsAccountId;
    const policy = policiesFor(infra.policies, modernized ? 'modernized' : 'classic', 'toAzure')[0];
    return { processServerId: onPrem.id, policyId: policy.id, masterTargetId: infra.masterTargets[0]?.id, runAsAccountId: modernized ? siteAccount : infra.runAsAccounts[0]?.id };
  };

  const dispose = (): void => {
    tracker.dispose();
    sim.dispose();
  };

  return { sim, clients, queries, operations, vault, timers, store, log, tracker, reports, items, runJob, readyItem, awaitingCommit, needsReprotect, reprotectChoices, dispose };
}

export type ReliabilityWorld = Awaited<ReturnType<typeof reliabilityWorld>>;
