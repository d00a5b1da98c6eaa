import * as vscode from 'vscode';
import type { JobInfo } from '../domain/model';
import { isSuccess, nextStepAfter, type NextStep } from '../domain/jobs';
import { failureText, successText } from './jobMessages';
import type { WatchedJob } from './types';

const SHOW_OUTPUT = 'Show Output';

/** The button that leads to the next failback step, and the command it runs. */
const NEXT_STEP_BUTTON: Partial<Record<NextStep, { title: string; command: string }>> = {
  verifyAndCommit: { title: 'Verify and Commit', command: 'siteRecovery.commitFailover' },
  reprotect: { title: 'Reprotect', command: 'siteRecovery.reprotect' },
};

/**
 * What a next-step command receives from a final notification. A job names its target
 * (an item or a plan) by ARM id only; the command resolves it to a tree node or an item.
 */
export interface JobTargetArgument {
  jobTarget: string | undefined;
  vaultId: string;
}

/** The final notification of a job: success with the next step, or the errors. */
export async function notifyJobFinished(job: JobInfo, watch: WatchedJob, showOutput: () => void): Promise<void> {
  const target = job.targetObjectName ?? watch.label;
  if (isSuccess(job.state)) {
    const step = nextStepAfter(job);
    const next = NEXT_STEP_BUTTON[step];
    const choice = await vscode.window.showInformationMessage(successText(job, target, step), ...(next ? [next.title] : []), SHOW_OUTPUT);
    if (next && choice === next.title) {
      const arg: JobTargetArgument = { jobTarget: job.targetObjectId, vaultId: job.vault.id };
      await vscode.commands.executeCommand(next.command, arg);
    } else if (choice === SHOW_OUTPUT) showOutput();
    return;
  }
  if (/^cancel/i.test(String(job.state))) {
    const choice = await vscode.window.showWarningMessage(`${job.friendlyName} for ${target} was cancelled.`, SHOW_OUTPUT);
    if (choice === SHOW_OUTPUT) showOutput();
    return;
  }
  const choice = await vscode.window.showErrorMessage(failureText(job, target), SHOW_OUTPUT);
  if (choice === SHOW_OUTPUT) showOutput();
}
