import type * as vscode from 'vscode';
import type { AzureAccount } from './auth/azureAccount';
import type { JobInfo, VaultRef } from './domain/model';
import type { PracticeMode } from './practice/practiceMode';
import type { Scope } from './scope';
import type { InFlight } from './workflows/inFlight';
import type { SiteRecoveryTreeProvider } from './tree/treeProvider';
import type { TreeRoots } from './tree/roots';
import type { TreeNode } from './tree/node';
import type { FollowedJob } from './jobs/types';
import type { ItemFilters } from './tree/itemFilters';
import type { ExtensionStore } from './storage';
import type { Walkthrough } from './walkthrough';
import type { VaultStore } from './state/vaultStore';
import type { RunLog } from './state/runLog';

export type { WalkthroughStep } from './walkthrough';

export type { FollowedJob };

/** The services commands and tree nodes share, built once by createServices(). */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly practice: PracticeMode;
  readonly account: AzureAccount;
  readonly tree: SiteRecoveryTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly roots: TreeRoots;
  readonly inFlight: InFlight;
  readonly filters: ItemFilters;
  readonly store: ExtensionStore;
  readonly walkthrough: Walkthrough;
  /** Items as last read and the operations running on them: what every view renders. */
  readonly states: VaultStore;
  /** Every operation this extension started, per vault: the run report's evidence. */
  readonly runs: RunLog;
  /** Scope by key: "practice" or an Azure scope. */
  scope(key: string): Scope | undefined;
  /**
   * Starts following a job (output channel, status bar, persisted across reloads). `owned`
   * (default): the calling command reports the outcome, so the tracker's notification stays quiet.
   */
  followJob(scope: Scope, vault: VaultRef, jobName: string, label: string, owned?: boolean, itemIds?: string[]): FollowedJob;
  /** One progress notification for a user action; Cancel = stop watching. */
  withJobProgress(title: string, jobs: FollowedJob[]): Promise<JobInfo[]>;
}
