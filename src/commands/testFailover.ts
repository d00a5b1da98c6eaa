import * as vscode from 'vscode';
import type { Services } from '../services';
import { isSuccess, isTerminal } from '../domain/jobs';
import { planTowardsAzurePointOptions } from '../domain/towardsAzurePoints';
import type { PlanNode } from '../tree/plansFolder';
import { resolveTargets, type ItemTarget } from './common/targets';
import { confirmDestructive, showServiceError } from './common/ui';
import { settle, startItemOperations } from './common/runOperation';
import { runPlanOperation } from './common/planOperation';
import { beginItemsRun, endRun } from '../workflows/runRecording';
import { recoveryPointRecord } from '../domain/runs/choices';
import { pickTestNetwork, pickTowardsAzurePoint, planTowardsAzure, selectTowardsAzure, vmsText } from './common/towardsAzure';

/**
 * Test failover (a disaster-recovery drill): test VMs start in an Azure network of the user's
 * choice from a recovery point while replication goes on; Clean Up Test Failover removes them.
 */
export async function testFailover(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'testFailover', clicked, selected, hint);
    if (target.kind === 'plan') return await testFailoverPlan(services, target.node);
    await testFailoverItems(services, target.items);
  } catch (e) {
    await showServiceError(services.log, 'Test failover', e);
  }
}

async function testFailoverItems(services: Services, chosen: ItemTarget[]): Promise<void> {
  const selection = await selectTowardsAzure(chosen, 'testFailover', 'Test failover');
  if (!selection) return;
  const { ready, option, choiceOf } = selection;
  const scope = ready[0].scope;
  const names = ready.map((t) => t.item.friendlyName);
  const vault = ready[0].item.vault;
  const network = await pickTestNetwork(scope, vault.subscriptionId, vault.location, `Test failover of ${vmsText(ready.map((t) => t.item))}: Azure network for the test VMs`);
  await confirmDestructive(
    `Start a test failover of ${vmsText(ready.map((t) => t.item))}?`,
    [
      `Direction: from on-premises to Azure, as a drill: replication goes on and the on-premises VMs keep running.`,
      `Test VMs start in network ${network.name} (${network.resourceGroup}) from: ${option.summary}.`,
      `VMs: ${names.join(', ')}.`,
      'When you have checked them, run Clean Up Test Failover to delete the test VMs.',
    ].join('\n'),
    'Start Test Failover',
  );
  const runId = await beginItemsRun(
    services,
    scope,
    ready.map((t) => t.item),
    { operation: 'testFailover', choices: { recoveryPoint: recoveryPointRecord(option, option.time), network: { name: network.name, id: network.id } } },
  );
  const jobs = await startItemOperations(services, ready, 'Test failover', (t) => t.scope.operations.testFailoverItem(t.item, choiceOf(t), network.id), runId);
  if (jobs.length === 0) return endRun(services, runId, []);
  const finals = await services.withJobProgress(`Test failover of ${vmsText(ready.map((t) => t.item))}`, jobs);
  await endRun(services, runId, finals);
  const settled = await settle(services, ready);
  if (!finals.every((j) => isTerminal(j.state))) return;
  await afterTestFailover(
    services,
    finals.every((j) => isSuccess(j.state)),
    settled,
    network.name,
  );
}

async function afterTestFailover(services: Services, ok: boolean, targets: ItemTarget[] | undefined, networkName: string, plan?: PlanNode): Promise<void> {
  services.walkthrough.complete('testFailover');
  const cleanUp = 'Clean Up Test Failover…';
  const answer = ok
    ? await vscode.window.showInformationMessage(
        `Test failover finished: the test VMs run in ${networkName}. Check them, then clean up.`,
        { detail: targets ? `Test VMs: ${targets.map((t) => `${t.item.friendlyName}-test`).join(', ')} (Site Recovery names a test VM after its VM).` : undefined },
        cleanUp,
        'Later',
      )
    : await vscode.window.showWarningMessage('Test failover finished with problems: see the job output. Clean up before the next drill.', cleanUp, 'Show Output');
  if (answer === cleanUp) {
    if (plan) await vscode.commands.executeCommand('siteRecovery.cleanupTestFailover', plan);
    else await vscode.commands.executeCommand('siteRecovery.cleanupTestFailover', undefined, undefined, { targets });
  }
  if (answer === 'Show Output') services.log.show(true);
}

async function testFailoverPlan(services: Services, node: PlanNode): Promise<void> {
  const scope = node.scope;
  const checked = await planTowardsAzure(node, 'testFailover', 'Test failover');
  if (!checked) return;
  const { plan, members, provider } = checked;
  const option = await pickTowardsAzurePoint(planTowardsAzurePointOptions(), `Test failover of recovery plan ${plan.friendlyName}: recovery point`);
  const network = await pickTestNetwork(scope, plan.vault.subscriptionId, plan.vault.location, `Test failover of ${plan.friendlyName}: Azure network for the test VMs`);
  const finals = await runPlanOperation(
    services,
    node,
    'testFailover',
    'Test failover',
    {
      message: (p) => `Start a test failover of recovery plan ${p.friendlyName}?`,
      detail: [
        'Direction: from on-premises to Azure, as a drill: replication goes on and the on-premises VMs keep running.',
        `Test VMs start in network ${network.name} (${network.resourceGroup}) from: ${option.summary}.`,
        `VMs: ${members.map((m) => m.friendlyName).join(', ')}.`,
      ].join('\n'),
      button: 'Start Test Failover',
    },
    (p) => scope.operations.testFailoverPlan(p, provider, option.choice, network.id),
    { operation: 'testFailover', members, choices: { recoveryPoint: recoveryPointRecord(option), network: { name: network.name, id: network.id } } },
  );
  if (finals && finals.every((j) => isTerminal(j.state)))
    await afterTestFailover(
      services,
      finals.every((j) => isSuccess(j.state)),
      undefined,
      network.name,
      node,
    );
}
