import * as vscode from 'vscode';
import type { Services } from '../services';
import { isSuccess, isTerminal } from '../domain/jobs';
import { planTowardsAzurePointOptions } from '../domain/towardsAzurePoints';
import type { PlanNode } from '../tree/plansFolder';
import { resolveTargets, type ItemTarget } from './common/targets';
import { cancelled, confirmDestructive, requireTypedName, showServiceError } from './common/ui';
import { settle, startItemOperations } from './common/runOperation';
import { runPlanOperation } from './common/planOperation';
import { beginItemsRun, endRun } from '../workflows/runRecording';
import { recoveryPointRecord } from '../domain/runs/choices';
import { pickTowardsAzurePoint, planTowardsAzure, selectTowardsAzure, vmsText } from './common/towardsAzure';

/** Failover from on-premises to Azure (a disaster, or its rehearsal), for VMs and recovery plans. */
export async function failoverToAzure(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'failoverToAzure', clicked, selected, hint);
    if (target.kind === 'plan') return await failoverPlanToAzure(services, target.node);
    await failoverItemsToAzure(services, target.items);
  } catch (e) {
    await showServiceError(services.log, 'Failover to Azure', e);
  }
}

/** Shut the on-premises VMs down first (they still run), or not (the site is down). */
async function pickShutdown(what: string): Promise<boolean> {
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: 'Shut down the on-premises VMs first',
        description: 'recommended when they still run',
        detail: 'Site Recovery shuts them down and syncs the last changes: no split brain.',
        shut: true,
      },
      { label: "Don't shut down", description: 'the on-premises site is down', detail: 'Site Recovery does not touch the on-premises VMs.', shut: false },
    ],
    { title: `Failover of ${what} to Azure: the on-premises VMs`, ignoreFocusOut: true },
  );
  return pick?.shut ?? cancelled();
}

async function failoverItemsToAzure(services: Services, chosen: ItemTarget[]): Promise<void> {
  const selection = await selectTowardsAzure(chosen, 'failoverToAzure', 'Failover to Azure');
  if (!selection) return;
  const { ready, option, choiceOf } = selection;
  const scope = ready[0].scope;
  const what = vmsText(ready.map((t) => t.item));
  const shutDown = await pickShutdown(what);
  const names = ready.map((t) => t.item.friendlyName);
  await confirmDestructive(
    `Fail over ${what} from on-premises to Azure?`,
    [
      `Direction: from on-premises (${ready[0].item.primaryFabricFriendlyName ?? 'the VMware site'}) to Azure.`,
      shutDown ? 'Site Recovery shuts the on-premises VMs down first, then starts the Azure VMs.' : 'Site Recovery starts the Azure VMs; the on-premises VMs are not touched.',
      `Recovery point: ${option.summary}.`,
      `VMs: ${names.join(', ')}.`,
      'You commit afterwards, once you have verified the Azure VMs.',
    ].join('\n'),
    'Fail Over to Azure',
    requireTypedName() ? (names.length === 1 ? names[0] : String(names.length)) : undefined,
  );
  const runId = await beginItemsRun(
    services,
    scope,
    ready.map((t) => t.item),
    { operation: 'failoverToAzure', choices: { recoveryPoint: recoveryPointRecord(option, option.time), shutdownSourceVms: shutDown } },
  );
  const jobs = await startItemOperations(services, ready, 'Failover to Azure', (t) => t.scope.operations.failoverItemToAzure(t.item, choiceOf(t), shutDown), runId);
  if (jobs.length === 0) return endRun(services, runId, []);
  const finals = await services.withJobProgress(`Failing over ${what} to Azure`, jobs);
  await endRun(services, runId, finals);
  const settled = await settle(services, ready);
  if (finals.every((j) => isTerminal(j.state)))
    await afterFailover(
      services,
      finals.every((j) => isSuccess(j.state)),
      { targets: settled },
    );
}

async function afterFailover(services: Services, ok: boolean, commitArgs: { targets: ItemTarget[] } | PlanNode): Promise<void> {
  if (!ok) {
    const answer = await vscode.window.showWarningMessage('Failover to Azure finished with problems: check the job output before committing.', 'Show Output');
    if (answer) services.log.show(true);
    return;
  }
  services.walkthrough.complete('failoverToAzure');
  const commit = 'Commit';
  const answer = await vscode.window.showInformationMessage('Failover to Azure finished: the Azure VMs run. Verify them, then commit.', commit, 'Later');
  if (answer !== commit) return;
  if ('targets' in commitArgs) await vscode.commands.executeCommand('siteRecovery.commitFailover', undefined, undefined, commitArgs);
  else await vscode.commands.executeCommand('siteRecovery.commitFailover', commitArgs);
}

async function failoverPlanToAzure(services: Services, node: PlanNode): Promise<void> {
  const scope = node.scope;
  const checked = await planTowardsAzure(node, 'failoverToAzure', 'Failover to Azure');
  if (!checked) return;
  const { plan, members, provider } = checked;
  const option = await pickTowardsAzurePoint(planTowardsAzurePointOptions(), `Failover of recovery plan ${plan.friendlyName} to Azure: recovery point`);
  const shutDown = await pickShutdown(`recovery plan ${plan.friendlyName}`);
  const finals = await runPlanOperation(
    services,
    node,
    'failoverToAzure',
    'Failover to Azure',
    {
      message: (p) => `Fail over recovery plan ${p.friendlyName} from on-premises to Azure?`,
      detail: [
        `Direction: from on-premises (${plan.primaryFabricFriendlyName ?? 'the VMware site'}) to Azure.`,
        shutDown
          ? 'Site Recovery shuts the on-premises VMs down first, then starts the Azure VMs group by group.'
          : 'Site Recovery starts the Azure VMs group by group; the on-premises VMs are not touched.',
        `Recovery point: ${option.summary}.`,
        `VMs: ${members.map((m) => m.friendlyName).join(', ')}.`,
      ].join('\n'),
      button: 'Fail Over to Azure',
      typeName: requireTypedName(),
    },
    (p) => scope.operations.failoverPlanToAzure(p, provider, option.choice, shutDown),
    { operation: 'failoverToAzure', members, choices: { recoveryPoint: recoveryPointRecord(option), shutdownSourceVms: shutDown } },
  );
  if (finals && finals.every((j) => isTerminal(j.state)))
    await afterFailover(
      services,
      finals.every((j) => isSuccess(j.state)),
      node,
    );
}
