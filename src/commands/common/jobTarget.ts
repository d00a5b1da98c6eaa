import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { JobInfo } from '../../domain/model';
import type { Scope } from '../../scope';
import { JobNode } from '../../tree/jobsFolder';
import { jobsSinceFilter } from '../../azure/jobFilters';
import { jobActions, type JobAction } from '../../domain/actions';
import { pickVault, scopeOf } from './targets';
import { cancelled } from './ui';

/** The job a job command acts on: the clicked node, or one picked from a vault's recent jobs. */
export async function resolveJob(services: Services, action: JobAction, node?: unknown): Promise<{ scope: Scope; job: JobInfo }> {
  if (node instanceof JobNode) return { scope: scopeOf(node)!, job: node.job };
  const vaultNode = await pickVault(services);
  const since = new Date(vaultNode.scope.clock.now() - 24 * 3600_000);
  const jobs = (await vaultNode.scope.queries.listJobs(vaultNode.vault, jobsSinceFilter(since))).filter((j) => jobActions(j.allowedActions).includes(action));
  if (jobs.length === 0) {
    await vscode.window.showInformationMessage(
      `No job in ${vaultNode.vault.vaultName} can be ${action === 'cancel' ? 'cancelled' : action === 'restart' ? 'restarted' : 'resumed'} now.`,
    );
    cancelled();
  }
  const pick = await vscode.window.showQuickPick(
    jobs.map((job) => ({ label: `${job.friendlyName}: ${job.targetObjectName ?? ''}`, description: job.stateDescription ?? String(job.state), detail: job.name, job })),
    { title: `Choose the job to ${action}`, ignoreFocusOut: true },
  );
  return { scope: vaultNode.scope, job: pick?.job ?? cancelled() };
}
