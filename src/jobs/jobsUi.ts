// The VS Code side of job tracking: the "Site Recovery" log channel, a status-bar item
// while jobs run, progress notifications, and the final notification of each job.
import * as vscode from 'vscode';
import type { JobInfo } from '../domain/model';
import type { JobTracker } from './jobTracker';
import { notifyJobFinished } from './jobNotifications';
import { statusText, statusTooltip } from './jobMessages';
import { followWithProgress } from './jobProgress';
import type { LogSink, FollowedJob } from './types';

export { followWithProgress } from './jobProgress';

export const SHOW_JOB_OUTPUT_COMMAND = 'siteRecovery.showJobOutput';

export interface JobsUi extends vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  readonly statusBar: vscode.StatusBarItem;
  showJobOutput(): void;
  /** One progress notification for a user action; Cancel = stop watching. */
  followWithProgress(watched: FollowedJob[], title: string): Promise<JobInfo[]>;
}

/** The extension's log channel; create it before the tracker so the tracker can write to it. */
export function createJobsOutput(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Site Recovery', { log: true });
}

/** The tracker's sink for a log channel: job lines as info, poll trouble as warn/error. */
export function logSinkFor(output: vscode.LogOutputChannel): LogSink {
  return (line, level = 'info') => output[level](line);
}

/**
 * Wires the tracker to VS Code. Everything created here is registered on the context and
 * also released by the returned object's dispose().
 */
export interface JobsUiOptions {
  /**
   * Whether the final notification of a job should show. A command that started the job and
   * still follows it shows its own next step (verify, commit, reprotect), so it says no.
   */
  shouldNotify?(job: JobInfo, watch: FollowedJob): boolean;
}

export function createJobsUi(context: vscode.ExtensionContext, tracker: JobTracker, output: vscode.LogOutputChannel = createJobsOutput(), options: JobsUiOptions = {}): JobsUi {
  const statusBar = vscode.window.createStatusBarItem('siteRecovery.jobs', vscode.StatusBarAlignment.Left, 50);
  statusBar.name = 'Site Recovery Jobs';
  statusBar.command = SHOW_JOB_OUTPUT_COMMAND;
  const showJobOutput = (): void => output.show(true);

  const refreshStatus = (): void => {
    const running = tracker.running();
    if (running.length === 0) {
      statusBar.hide();
      return;
    }
    statusBar.text = statusText(running.length);
    statusBar.tooltip = statusTooltip(running);
    statusBar.show();
  };

  // One sign-in prompt per scope at a time, however many vaults of it paused.
  const askingSignIn = new Set<string>();
  const onAuthExpired = tracker.onAuthExpired(async (e) => {
    if (askingSignIn.has(e.scopeKey)) return;
    askingSignIn.add(e.scopeKey);
    try {
      const choice = await vscode.window.showWarningMessage(e.message, 'Sign In', 'Show Output');
      if (choice === 'Sign In') await vscode.commands.executeCommand('siteRecovery.signIn');
      else if (choice === 'Show Output') showJobOutput();
    } finally {
      askingSignIn.delete(e.scopeKey);
    }
  });

  const disposables: vscode.Disposable[] = [
    statusBar,
    output,
    tracker.onDidChange(refreshStatus),
    tracker.onFinished((job, watch) => {
      if (options.shouldNotify?.(job, watch) ?? true) void notifyJobFinished(job, watch, showJobOutput);
    }),
    onAuthExpired,
  ];
  refreshStatus();
  const ui: JobsUi = {
    output,
    statusBar,
    showJobOutput,
    followWithProgress: (watched, title) => followWithProgress(watched, title, output),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
  context.subscriptions.push(ui);
  return ui;
}
