import { walkthroughStepIds } from './walkthroughSteps';
import { itemsPageParser } from './azure/itemsPageParser';
import * as vscode from 'vscode';
import { AzureAccount } from './auth/azureAccount';
import { InFlight } from './commands/common/inFlight';
import { PracticeMode, PRACTICE_SCOPE_KEY } from './practice/practiceMode';
import type { Scope } from './scope';
import type { FollowedJob, Services, WalkthroughStep } from './services';
import { SiteRecoveryTreeProvider } from './tree/treeProvider';
import { TreeRoots } from './tree/roots';
import type { TreeNode } from './tree/node';
import { JobTracker } from './jobs/jobTracker';
import { createJobsOutput, createJobsUi, logSinkFor } from './jobs/jobsUi';
import type { PersistedWatch } from './jobs/types';
import { scaledClock, wallClock } from './workflows/clock';
import { isSuccess, isTerminal } from './domain/jobs';
import { notifyJobFinished } from './jobs/jobNotifications';

const WATCHES_KEY = 'siteRecovery.watchedJobs';
/** The practice vault runs on a fast virtual clock; poll it often so the drill feels live. */
const PRACTICE_POLL_MS = 1500;

/** Builds every service once; extension.ts only wires what this returns. */
export function createServices(context: vscode.ExtensionContext): Services {
  const log = createJobsOutput();
  const recentLog: string[] = [];
  const remember = (line: string) => {
    recentLog.push(line);
    if (recentLog.length > 500) recentLog.splice(0, recentLog.length - 500);
  };
  for (const level of ['info', 'warn', 'error'] as const) {
    const write = log[level].bind(log);
    (log as unknown as Record<string, (m: string) => void>)[level] = (m: string) => {
      remember(m);
      write(m);
    };
  }
  const practice = new PracticeMode();
  const account = new AzureAccount();
  const itemFilters = new Map<string, string>();
  const inFlight = new InFlight();
  const completedSteps = new Set<WalkthroughStep>();

  // Practice jobs lived in a simulator that is gone after a reload: never resume them.
  const stored = context.globalState.get<PersistedWatch[]>(WATCHES_KEY, []).filter((w) => w.scopeKey !== PRACTICE_SCOPE_KEY);
  void context.globalState.update(WATCHES_KEY, stored);

  let roots: TreeRoots;
  const scope = (key: string): Scope | undefined => {
    if (key === PRACTICE_SCOPE_KEY) return practice.scope;
    return roots?.scopeByKey(key);
  };
  const tracker = new JobTracker({
    scopes: (key) => scope(key)?.queries,
    store: { get: () => context.globalState.get<PersistedWatch[]>(WATCHES_KEY, []), set: (v) => context.globalState.update(WATCHES_KEY, v) },
    log: logSinkFor(log),
    interval: () => (practice.scope ? PRACTICE_POLL_MS : 1000 * Math.max(5, vscode.workspace.getConfiguration('siteRecovery').get<number>('jobs.pollIntervalSeconds', 15))),
    now: () => practice.sim?.now() ?? new Date(),
  });
  // Jobs a command started and still follows: the command shows the next step itself.
  const commandOwned = new Set<string>();
  const jobsUi = createJobsUi(context, tracker, log, { shouldNotify: (job) => !commandOwned.delete(job.name.toLowerCase()) });

  let tree: SiteRecoveryTreeProvider;
  roots = new TreeRoots(practice, account, {
    refresh: (node) => tree.refresh(node),
    itemFilter: (vaultId) => itemFilters.get(vaultId),
    watchedJob: (jobName) => tracker.find(jobName)?.latest,
    seedDiskResourceGroups: (vault, items) => {
      // A VM whose replication was disabled is gone from the vault, so the groups seen for
      // its Azure side are remembered per vault.
      const key = `siteRecovery.recoveryGroups:${vault.id.toLowerCase()}`;
      const seen = new Set(context.globalState.get<string[]>(key, []));
      const before = seen.size;
      seen.add(`/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}`.toLowerCase());
      for (const i of items) if (i.recoveryResourceGroupId) seen.add(i.recoveryResourceGroupId.toLowerCase());
      if (seen.size !== before) void context.globalState.update(key, [...seen]);
      return [...seen];
    },
  });
  tree = new SiteRecoveryTreeProvider(
    () => roots.roots(),
    () => roots.loadedVaults().forEach((v) => v.items.reset()),
  );
  const treeView = vscode.window.createTreeView<TreeNode>('siteRecovery.explorer', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });

  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => tree.refresh(), 300);
  };
  context.subscriptions.push(
    practice,
    account,
    tracker,
    roots,
    tree,
    treeView,
    practice.onDidChange(() => {
      // A new or closed practice vault: the old simulator's jobs are gone with it.
      for (const w of tracker.running()) if (w.scopeKey === PRACTICE_SCOPE_KEY) w.stopWatching({ forget: true });
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
    { dispose: () => itemsPageParser.dispose() },
  );
  void tracker.resume();

  const services: Services = {
    context,
    log,
    recentLog,
    practice,
    account,
    tree,
    treeView,
    get roots() {
      return roots;
    },
    inFlight,
    itemFilters,
    itemPages: itemsPageParser,
    scope,
    followJob(s, vault, jobName, label, owned = true): FollowedJob {
      if (owned) commandOwned.add(jobName.toLowerCase());
      return tracker.watch({ scopeKey: s.key, vault, jobName, label });
    },
    async withJobProgress(title, jobs) {
      const results = await jobsUi.trackWithProgress(jobs, title);
      for (const j of jobs) {
        // Stopped watching: the command will not see the end, so the tracker's notification will.
        if (!j.latest || !isTerminal(j.latest.state)) commandOwned.delete(j.jobName.toLowerCase());
        // A command goes on with its next step only after success; a failure is told here.
        else if (!isSuccess(j.latest.state)) void notifyJobFinished(j.latest, j, () => log.show(true));
      }
      return results;
    },
    clockFor(s) {
      const sim = practice.sim;
      if (!s.practice || !sim) return wallClock;
      const speed = Math.max(1, Number(vscode.workspace.getConfiguration('siteRecovery.practice').get<number>('speed', 60)) || 60);
      return scaledClock(() => sim.now().getTime(), speed);
    },
    completedSteps,
    stepCompleted(step) {
      completedSteps.add(step);
      // The walkthrough completes a step when its context expression turns true; going
      // through false first makes every completion such a change, even a repeated one.
      const key = `siteRecovery.walkthrough.${step}`;
      void vscode.commands.executeCommand('setContext', key, false).then(() => vscode.commands.executeCommand('setContext', key, true));
      for (const id of walkthroughStepIds(context.extension.id, step)) {
        // Best effort: a host without VS Code's welcome page has no such command.
        void Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', id)).catch(() => undefined);
      }
    },
  };
  return services;
}
