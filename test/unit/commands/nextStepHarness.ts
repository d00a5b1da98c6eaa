// What the next-step button tests share: the practice world as the tree loads it, the real
// command table, and a click on a job's final notification. Only VS Code's dialogs are
// answered by the test.
import type { Services } from '../../../src/services';
import type { JobInfo } from '../../../src/domain/model';
import type { FollowedJob } from '../../../src/jobs/types';
import { useFakeVscode, type Prompt } from '../support/fakeVscode';
import { practiceWorld } from '../azure/harness';

export const vscode = useFakeVscode();
const { registerCommands } = require('../../../src/commands/registerCommands') as typeof import('../../../src/commands/registerCommands');
const { notifyJobFinished } = require('../../../src/jobs/jobNotifications') as typeof import('../../../src/jobs/jobNotifications');
const { PracticeRootNode } = require('../../../src/tree/scopeNodes') as typeof import('../../../src/tree/scopeNodes');
const { ExtensionStore } = require('../../../src/storage') as typeof import('../../../src/storage');
const { VaultStore } = require('../../../src/state/vaultStore') as typeof import('../../../src/state/vaultStore');
const { InFlight } = require('../../../src/workflows/inFlight') as typeof import('../../../src/workflows/inFlight');

export type World = Awaited<ReturnType<typeof practiceWorld>>;

/**
 * Services over the practice world: the vault as the tree loads it (its folders not expanded),
 * jobs run to their end on the manual clock.
 */
export async function servicesFor(w: World, options: { vaultLoaded?: boolean; scenario?: string } = {}) {
  const states = new VaultStore();
  const ctx = { states, refresh: () => undefined, itemFilter: () => undefined, watchedJob: () => undefined, seedDiskResourceGroups: () => [] };
  const root = new PracticeRootNode(w.scope, ctx, w.sim.subscriptionId, options.scenario ?? 'failback-classic');
  if (options.vaultLoaded ?? true) await root.children();
  const followed: string[] = [];
  const steps: string[] = [];
  const memento = new Map<string, unknown>();
  const services = {
    states,
    store: new ExtensionStore({ get: <T>(k: string, d: T) => (memento.has(k) ? (memento.get(k) as T) : d), update: async (k: string, v: unknown) => void memento.set(k, v) }),
    log: vscode.vscode.window.createOutputChannel(),
    inFlight: new InFlight(),
    tree: { refresh: () => undefined },
    roots: { loadedVaults: () => root.vaults() },
    followJob: (_scope: unknown, _vault: unknown, jobName: string, label: string) => {
      followed.push(jobName);
      return { jobName, label, done: w.runJob(jobName) };
    },
    withJobProgress: (_title: string, jobs: Array<{ done: Promise<JobInfo> }>) => Promise.all(jobs.map((j) => j.done)),
    walkthrough: { complete: (step: string) => void steps.push(step) },
  } as unknown as Services;
  registerCommands({ subscriptions: [] } as never, services);
  return { followed, steps };
}

/** Clicks `button` in the job's final notification, and `confirm` in the modal that follows. */
/** Clicks `button` of the job's notification and `confirm` in the modal; `pickFirst` takes each quick pick's first item. */
export async function clickNextStep(job: JobInfo, button: string, confirm: string, pickFirst = false): Promise<void> {
  vscode.state.answer = (p: Prompt) =>
    p.items.includes(button) ? button : p.modal && p.items.includes(confirm) ? confirm : pickFirst && p.kind === 'quickPick' ? p.items[0] : undefined;
  await notifyJobFinished(job, { label: job.targetObjectName ?? job.name } as FollowedJob, () => undefined);
}

export const pickers = () => vscode.prompts.filter((p) => p.kind === 'quickPick');
