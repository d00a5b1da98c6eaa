import type * as vscode from 'vscode';
import type { AzureAccount } from './auth/azureAccount';
import type { JobInfo, VaultRef } from './domain/model';
import type { PracticeMode } from './practice/practiceMode';
import type { Scope } from './scope';
import type { InFlight } from './commands/common/inFlight';
import type { SiteRecoveryTreeProvider } from './tree/treeProvider';
import type { TreeRoots } from './tree/roots';
import type { TreeView } from 'vscode';
import type { TreeNode } from './tree/node';
import type { WorkflowClock } from './workflows/clock';
import type { WatchedJob } from './jobs/types';

export type WalkthroughStep = 'reprotectToOnPremises' | 'failover' | 'commit' | 'reprotect' | 'practice' | 'seedDisks' | 'checklist';

/** A job the extension follows; `done` settles with the job's final state. */
export type FollowedJob = WatchedJob;

/** The services every command and tree node shares, built once in activate(). */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** The last lines written to the output channel (the channel's text is not readable back). */
  readonly recentLog: readonly string[];
  readonly practice: PracticeMode;
  readonly account: AzureAccount;
  readonly tree: SiteRecoveryTreeProvider;
  readonly treeView: TreeView<TreeNode>;
  readonly roots: TreeRoots;
  readonly inFlight: InFlight;
  readonly itemFilters: Map<string, string>;
  /** The worker threads that parse big item lists (stopped on deactivation). */
  readonly itemPages: { readonly workers: number };
  /** Scope by key: "practice" or an Azure scope. */
  scope(key: string): Scope | undefined;
  /**
   * Starts following a job (output channel, status bar, persisted across reloads). `owned`
   * (default): the calling command reports the outcome, so the tracker's notification stays quiet.
   */
  followJob(scope: Scope, vault: VaultRef, jobName: string, label: string, owned?: boolean): FollowedJob;
  /** One progress notification for a user action; Cancel = stop watching. */
  withJobProgress(title: string, jobs: FollowedJob[]): Promise<JobInfo[]>;
  /** The clock workflows wait on: virtual time for the practice vault. */
  clockFor(scope: Scope): WorkflowClock;
  /** Fired after a command changed state, for the walkthrough and checklist. */
  stepCompleted(step: WalkthroughStep): void;
  /** Steps completed in this session (the walkthrough's completion context keys). */
  readonly completedSteps: ReadonlySet<WalkthroughStep>;
}
