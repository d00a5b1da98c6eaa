import * as vscode from 'vscode';
import { AzureAccount } from './auth/azureAccount';
import { InFlight } from './workflows/inFlight';
import { PracticeMode, PRACTICE_SCOPE_KEY } from './practice/practiceMode';
import type { Scope } from './scope';
import type { Services } from './services';
import { SiteRecoveryTreeProvider } from './tree/treeProvider';
import { TreeRoots } from './tree/roots';
import type { TreeNode } from './tree/node';
import { ItemFilters } from './tree/itemFilters';
import { JobTracker } from './jobs/jobTracker';
import { createJobsOutput, createJobsUi, logSinkFor } from './jobs/jobsUi';
import { CommandJobs } from './jobs/commandJobs';
import { notifyJobFinished } from './jobs/jobNotifications';
import { ExtensionStore } from './storage';
import { Walkthrough } from './walkthrough';
import { wallClock } from './workflows/clock';
import { VaultStore } from './state/vaultStore';
import { RunLog } from './state/runLog';
import { runJob } from './domain/runs/fromJobs';
import { sameId } from './domain/armId';
import { ChecklistPanel } from './checklist/checklistPanel';

/** The practice vault runs on a fast virtual clock; poll it often so the drill feels live. */
const PRACTICE_POLL_MS = 1500;

function pollInterval(practice: PracticeMode): number {
  if (practice.scope) return PRACTICE_POLL_MS;
  return 1000 * Math.max(5, vscode.workspace.getConfiguration('siteRecovery').get<number>('jobs.pollIntervalSeconds', 15));
}

/** Builds every service once; extension.ts registers the commands on what this returns. */
export function createServices(context: vscode.ExtensionContext): Services {
  const log = createJobsOutput();
  const store = new ExtensionStore(context.globalState);
  const practice = new PracticeMode();
  const account = new AzureAccount();
  const filters = new ItemFilters();
  const walkthrough = new Walkthrough(context.extension.id);
  const states = new VaultStore();
  const runs = new RunLog(store, { onWriteError: (e) => log.warn(`Run report: a run could not be saved (${e instanceof Error ? e.message : String(e)}).`) });

  let roots: TreeRoots | undefined;
  const scope = (key: string): Scope | undefined => (key === PRACTICE_SCOPE_KEY ? practice.scope : roots?.scopeByKey(key));
  // Practice jobs lived in a simulator that is gone after a reload: never resume them.
  void store.watchedJobs.set(store.watchedJobs.get().filter((w) => w.scopeKey !== PRACTICE_SCOPE_KEY));
  const tracker = new JobTracker({
    scopes: (key) => scope(key)?.queries,
    store: store.watchedJobs,
    log: logSinkFor(log),
    interval: () => pollInterval(practice),
    now: (key) => new Date((scope(key)?.clock ?? wallClock).now()),
  });
  let commandJobs: CommandJobs | undefined;
  const jobsUi = createJobsUi(context, tracker, log, { shouldNotify: (job) => commandJobs?.shouldAnnounce(job) ?? true });
  commandJobs = new CommandJobs({
    tracker,
    jobStarted: (jobName, itemIds) => states.jobStarted(jobName, itemIds),
    progress: (jobs, title) => jobsUi.followWithProgress(jobs, title),
    announce: (job, watch) => void notifyJobFinished(job, watch, () => log.show(true)),
  });

  let tree: SiteRecoveryTreeProvider | undefined;
  roots = new TreeRoots(practice, account, {
    refresh: (node) => tree?.refresh(node),
    states,
    itemFilter: (vaultId) => filters.get(vaultId),
    watchedJob: (jobName) => tracker.find(jobName)?.latest,
    seedDiskResourceGroups: (vault, items) =>
      store.recoveryGroups(vault.id, [
        `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}`,
        ...items.flatMap((i) => (i.recoveryResourceGroupId ? [i.recoveryResourceGroupId] : [])),
      ]),
  });
  const treeRoots = roots;
  tree = new SiteRecoveryTreeProvider(
    () => treeRoots.roots(),
    () => treeRoots.loadedVaults().forEach((v) => v.items.reset()),
  );
  const treeView = vscode.window.createTreeView<TreeNode>('siteRecovery.explorer', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const jobs = commandJobs;

  context.subscriptions.push(
    practice,
    account,
    tracker,
    roots,
    tree,
    treeView,
    states,
    ...wireEvents(practice, account, tracker, tree, scope),
    ...wireStore(states, tracker, treeRoots, tree, scope, practice),
    // A practice vault opened or reset is a new simulated world: its earlier runs go.
    practice.onDidChange(() => void runs.clearPractice()),
    // Each reading of a followed job updates the run that holds it, also after a reload.
    tracker.onDidChange(() => tracker.running().forEach((w) => w.latest && void runs.noteJob(w.latest.vault.id, runJob(w.latest)))),
    tracker.onFinished((job) => void runs.noteJob(job.vault.id, runJob(job))),
  );
  void tracker.resume();

  return {
    log,
    practice,
    account,
    tree,
    treeView,
    roots,
    inFlight: new InFlight(),
    filters,
    store,
    walkthrough,
    states,
    runs,
    scope,
    followJob: (s, vault, jobName, label, owned, itemIds) => jobs.follow(s, vault, jobName, label, owned, itemIds),
    withJobProgress: (title, watched) => jobs.withProgress(title, watched),
  };
}

/** What the tree and the tracker do when the practice vault, the account or a job changes. */
function wireEvents(
  practice: PracticeMode,
  account: AzureAccount,
  tracker: JobTracker,
  tree: SiteRecoveryTreeProvider,
  scope: (key: string) => Scope | undefined,
): vscode.Disposable[] {
  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => tree.refresh(), 300);
  };
  return [
    practice.onDidChange(() => {
      // A new or closed practice vault: the old simulator's jobs are gone with it.
      for (const w of tracker.running()) if (w.scopeKey === PRACTICE_SCOPE_KEY) w.stopFollowing({ forget: true });
      void vscode.commands.executeCommand('setContext', 'siteRecovery.practiceOpen', !!practice.scope);
      tree.refresh();
    }),
    account.onDidChange(() => {
      tree.refresh();
      void tracker.resume((key) => scope(key)?.queries);
      tracker.resumeAfterSignIn();
    }),
    tracker.onFinished(() => refreshSoon()),
    { dispose: () => clearTimeout(refreshTimer) },
  ];
}

/**
 * The store of truth: job readings become their items' current task; a job's end re-reads its
 * items before their operation ends (so no view shows the old state as final); every change
 * redraws the item rows without another request; a new practice vault forgets the old one.
 */
function wireStore(
  states: VaultStore,
  tracker: JobTracker,
  roots: TreeRoots,
  tree: SiteRecoveryTreeProvider,
  scope: (key: string) => Scope | undefined,
  practice: PracticeMode,
): vscode.Disposable[] {
  let redraw: NodeJS.Timeout | undefined;
  const redrawSoon = () => {
    clearTimeout(redraw);
    redraw = setTimeout(() => roots.loadedVaults().forEach((v) => tree.refresh(v.items)), 100);
  };
  return [
    states.onDidChange(redrawSoon),
    tracker.onDidChange(() => tracker.running().forEach((w) => w.latest && states.jobReading(w.latest))),
    tracker.onFinished(async (job, watch) => {
      const ids = states.jobItemsOf(job.name);
      const s = scope(watch.scopeKey);
      const loaded = roots.loadedVaults().flatMap((v) => v.items.items);
      await Promise.all(
        ids.map(async (id) => {
          const item = loaded.find((i) => sameId(i.id, id));
          try {
            if (item && s) states.read([await s.queries.getItem(item)]);
          } catch {
            // The next tree refresh reads it.
          }
        }),
      );
      states.jobEnded(job.name);
      // A reprotect waiting for the agent keeps its operation until the runner is done.
      for (const id of ids) if (states.operation(id)?.phase !== 'waitingForAgent') states.end(id);
    }),
    // Jobs rows redraw with each new reading, without listing the jobs again.
    tracker.onDidChange(() => roots.loadedVaults().forEach((v) => v.jobs.refreshWatched())),
    practice.onDidChange(() => {
      states.clear((i) => !!i.vault.practice);
      // A checklist of the old practice vault would show VMs that no longer exist.
      ChecklistPanel.closeIf((s) => s.practice);
    }),
    { dispose: () => clearTimeout(redraw) },
  ];
}
