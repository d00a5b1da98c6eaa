import * as vscode from 'vscode';
import type { JobInfo } from '../domain/model';
import { isAgentWaitFailure, isSuccess, nextStepAfter, type NextStep } from '../domain/jobs';
import { nextStepTarget } from '../domain/nextStepTarget';
import { agentWaitText, failureText, successText } from './jobMessages';
import type { FollowedJob } from './types';

const SHOW_OUTPUT = 'Show Output';

/** The button that leads to the next failback step, and the command it runs. */
const NEXT_STEP_BUTTON: Partial<Record<NextStep, { title: string; command: string }>> = {
  verifyAndCommit: { title: 'Verify and Commit', command: 'siteRecovery.commitFailover' },
  verifyAndCommitInAzure: { title: 'Verify and Commit', command: 'siteRecovery.commitFailover' },
  reprotect: { title: 'Reprotect', command: 'siteRecovery.reprotect' },
};

/** The final notification of a job: success with the next step, or the errors. */
export async function notifyJobFinished(job: JobInfo, watch: FollowedJob, showOutput: () => void): Promise<void> {
  const target = job.targetObjectName ?? watch.label;
  if (isSuccess(job.state)) {
    const step = nextStepAfter(job);
    const next = NEXT_STEP_BUTTON[step];
    const choice = await vscode.window.showInformationMessage(successText(job, target, step), ...(next ? [next.title] : []), SHOW_OUTPUT);
    if (next && choice === next.title) {
      // Says whether the target is a plan or a VM, so a plan's job leads to the plan again.
      await vscode.commands.executeCommand(next.command, nextStepTarget(job));
    } else if (choice === SHOW_OUTPUT) showOutput();
    return;
  }
  if (/^cancel/i.test(String(job.state))) {
    const choice = await vscode.window.showWarningMessage(`${job.friendlyName} for ${target} was cancelled.`, SHOW_OUTPUT);
    if (choice === SHOW_OUTPUT) showOutput();
    return;
  }
  if (isAgentWaitFailure(job)) {
    // Part of the agent wait, not a failure of the VM: a warning that says what to do.
    const choice = await vscode.window.showWarningMessage(agentWaitText(job, target), SHOW_OUTPUT);
    if (choice === SHOW_OUTPUT) showOutput();
    return;
  }
  const choice = await vscode.window.showErrorMessage(failureText(job, target), SHOW_OUTPUT);
  if (choice === SHOW_OUTPUT) showOutput();
}
