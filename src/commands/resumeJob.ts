import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveJob } from './common/jobTarget';
import { showServiceError } from './common/ui';

/** Resumes a job that waits for a manual action (Suspended), with an optional comment. */
export async function resumeJob(services: Services, node?: unknown): Promise<void> {
  try {
    const { scope, job } = await resolveJob(services, 'resume', node);
    const comments = await vscode.window.showInputBox({ title: `Resume "${job.friendlyName}"`, prompt: 'Comment recorded with the job (optional)', ignoreFocusOut: true });
    if (comments === undefined) return;
    const started = await scope.operations.resumeJob(job.vault, job.name, comments || undefined);
    const label = job.targetObjectName ?? job.name;
    await services.withJobProgress(`Resuming "${job.friendlyName}" on ${label}`, [services.followJob(scope, job.vault, started.jobName ?? job.name, label)]);
  } catch (e) {
    await showServiceError(services.log, 'Resume job', e);
  }
}
