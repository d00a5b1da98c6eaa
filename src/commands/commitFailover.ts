import * as vscode from 'vscode';
import type { Services } from '../services';
import { precheckAction } from '../domain/prechecks';
import { refreshItems, resolveTargets, type ItemTarget } from './common/targets';
import { acceptPartial, confirmDestructive, requireTypedName, showServiceError } from './common/ui';
import { settle, startItemOperations } from './common/runOperation';
import type { PlanNode } from '../tree/plansFolder';
import { isSuccess } from '../domain/jobs';
import { runPlanOperation } from './common/planOperation';
import { beginItemsRun, endRun } from '../workflows/runRecording';
import { asProvider, replicatesToOnPremises } from '../domain/providers';

/** Commit finishes the failover and removes the failed-over Azure VM (step 4). */
export async function commitFailover(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'commit', clicked, selected, hint);
    if (target.kind === 'plan') return await commitPlan(services, target.node);
    await commitItems(services, target.items);
  } catch (e) {
    await showServiceError(services.log, 'Commit', e);
  }
}

async function commitItems(services: Services, chosen: ItemTarget[]): Promise<void> {
  const fresh = await refreshItems(chosen);
  const check = precheckAction(
    fresh.map((t) => t.item),
    'commit',
  );
  if (!(await acceptPartial('Commit', check.refused, check.ready.length))) return;
  const ready = fresh.filter((t) => check.ready.includes(t.item));
  const names = ready.map((t) => t.item.friendlyName);
  await confirmDestructive(
    `Commit the failover of ${names.length === 1 ? names[0] : `${names.length} VMs`}?`,
    `Commit finishes the failover and removes the failed-over Azure VM${names.length === 1 ? '' : 's'}. It cannot be undone: you can no longer change the recovery point.\nVMs: ${names.join(', ')}.`,
    'Commit',
    requireTypedName() ? (names.length === 1 ? names[0] : String(names.length)) : undefined,
  );
  const runId = await beginItemsRun(
    services,
    ready[0].scope,
    ready.map((t) => t.item),
    { operation: 'commit' },
  );
  const jobs = await startItemOperations(services, ready, 'Commit', (t) => t.scope.operations.commitItem(t.item), runId);
  if (jobs.length === 0) return endRun(services, runId, []);
  const finals = await services.withJobProgress(`Committing ${names.length === 1 ? names[0] : `${names.length} VMs`}`, jobs);
  await endRun(services, runId, finals);
  await settle(services, ready);
  if (finals.every((j) => isSuccess(j.state)))
    await afterCommit(
      services,
      ready.some((t) => !replicatesToOnPremises(t.item.provider)),
      { targets: ready },
    );
}

/** What comes next depends on the way the failover went: to Azure → reprotect home; home → reprotect to Azure. */
async function afterCommit(services: Services, inAzure: boolean, next: { targets: ItemTarget[] } | PlanNode): Promise<void> {
  services.walkthrough.complete(inAzure ? 'commitInAzure' : 'commit');
  const [text, button, command] = inAzure
    ? [
        'Failover committed: the VMs run in Azure and are not protected. Reprotect them to on-premises to prepare the failback.',
        'Reprotect to On-Premises',
        'siteRecovery.reprotectToOnPremises',
      ]
    : ['Failover committed: the VMs run on-premises and are not protected. Reprotect them to Azure next.', 'Reprotect', 'siteRecovery.reprotect'];
  const answer = await vscode.window.showInformationMessage(text, button, 'Later');
  if (answer !== button) return;
  if ('targets' in next) await vscode.commands.executeCommand(command, undefined, undefined, next);
  else await vscode.commands.executeCommand(command, next);
}

async function commitPlan(services: Services, node: PlanNode): Promise<void> {
  const finals = await runPlanOperation(
    services,
    node,
    'commit',
    'Commit',
    {
      message: (p) => `Commit the failover of recovery plan ${p.friendlyName}?`,
      detail: 'Commit finishes the failover of every VM in the plan and removes the failed-over Azure VMs. It cannot be undone.',
      button: 'Commit',
      typeName: requireTypedName(),
    },
    (p) => node.scope.operations.commitPlan(p),
    { operation: 'commit', members: await node.members() },
  );
  if (finals?.every((j) => isSuccess(j.state))) {
    const providers = node.plan.replicationProviders.map(asProvider);
    await afterCommit(services, providers.length > 0 && !providers.some(replicatesToOnPremises), node);
  }
}
