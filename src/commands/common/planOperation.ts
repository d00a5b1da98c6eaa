import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { JobInfo, RecoveryPlanInfo, ReplicatedItem } from '../../domain/model';
import { beginPlanRun, endRun, recordJob, recordNote, type RunStart } from '../../workflows/runRecording';
import { planActions, type ItemAction } from '../../domain/actions';
import type { StartedOperation } from '../../azure/operations';
import type { PlanNode } from '../../tree/plansFolder';
import { confirmDestructive } from './ui';

/**
 * A recovery-plan operation the way every plan command runs it: re-read the plan (the tree
 * may be stale), check Site Recovery allows the action, confirm, hold the plan so a double
 * click sends nothing twice, then follow the job with progress.
 */
export async function runPlanOperation(
  services: Services,
  node: PlanNode,
  action: ItemAction,
  what: string,
  confirm: { message: (plan: RecoveryPlanInfo) => string; detail: string; button: string; typeName?: boolean },
  send: (plan: RecoveryPlanInfo) => Promise<StartedOperation>,
  run?: RunStart & { members?: readonly ReplicatedItem[] },
): Promise<JobInfo[] | undefined> {
  const plan = await node.scope.queries.getPlan(node.plan.vault, node.plan.name);
  if (!planActions(plan).includes(action)) {
    await vscode.window.showErrorMessage(`Site Recovery does not allow ${what.toLowerCase()} of ${plan.friendlyName} now.`, { modal: true });
    return undefined;
  }
  await confirmDestructive(confirm.message(plan), confirm.detail, confirm.button, confirm.typeName ? plan.friendlyName : undefined);
  if (!services.inFlight.tryHold(plan.id)) {
    await vscode.window.showWarningMessage(`A request for ${plan.friendlyName} is already on its way.`);
    return undefined;
  }
  const runId = run ? await beginPlanRun(services, node.scope, plan, run.members ?? [], run) : undefined;
  try {
    const started = await send(plan).catch((e: unknown) => {
      recordNote(services, runId, `${what} could not start: ${e instanceof Error ? e.message : String(e)}`);
      void endRun(services, runId, []);
      throw e;
    });
    if (!started.jobName) throw new Error(`Site Recovery accepted the ${what.toLowerCase()} but named no job; see the Jobs folder.`);
    recordJob(services, runId, started.jobName, what, plan.friendlyName);
    const finals = await services.withJobProgress(`${what}: ${plan.friendlyName}`, [services.followJob(node.scope, plan.vault, started.jobName, plan.friendlyName)]);
    await endRun(services, runId, finals);
    return finals;
  } finally {
    services.inFlight.release(plan.id);
    services.tree.refresh();
  }
}
