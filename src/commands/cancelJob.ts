import * as vscode from 'vscode';
import type { Services } from '../services';
import { jobActions } from '../domain/actions';
import { resolveJob } from './common/jobTarget';
import { confirmDestructive, showServiceError } from './common/ui';

/** Cancels the Site Recovery job itself (unlike the progress notification's Cancel, which stops watching). */
export async function cancelJob(services: Services, node?: unknown): Promise<void> {
  try {
    const { scope, job } = await resolveJob(services, 'cancel', node);
    const fresh = await scope.queries.getJob(job.vault, job.name);
    if (!jobActions(fresh.allowedActions).includes('cancel')) {
      await vscode.window.showWarningMessage(`Site Recovery no longer allows cancelling "${fresh.friendlyName}" (${fresh.stateDescription ?? fresh.state}).`);
      return;
    }
    await confirmDestructive(
      `Cancel the Site Recovery job "${fresh.friendlyName}" on ${fresh.targetObjectName ?? 'its target'}?`,
      'Site Recovery stops the job where it is. Steps already done are not undone; the VM may need another operation to get back to a steady state.',
      'Cancel Job',
    );
    await scope.operations.cancelJob(fresh.vault, fresh.name);
    services.log.info(`[${fresh.targetObjectName ?? fresh.name}] Cancel requested for job ${fresh.name}.`);
    services.followJob(scope, fresh.vault, fresh.name, fresh.targetObjectName ?? fresh.name, false);
    services.tree.refresh();
  } catch (e) {
    await showServiceError(services.log, 'Cancel job', e);
  }
}
