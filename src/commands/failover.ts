import * as vscode from 'vscode';
import type { Services } from '../services';
import { prepareFailover, preparePlanFailover } from '../workflows/failoverPrep';
import { onPremisesSite } from '../domain/sites';
import { planProvider } from '../azure/inputs';
import { isTerminal } from '../domain/jobs';
import { isAzureFabric } from '../domain/direction';
import type { RecoveryPointChoice } from '../domain/recoveryPoints';
import { resolveTargets, type ItemTarget } from './common/targets';
import { acceptPartial, confirmDestructive, requireTypedName, showServiceError } from './common/ui';
import { pickRecoveryPoint } from './common/recoveryPointPick';
import { startItemOperations, verifyFailover } from './common/runOperation';
import type { PlanNode } from '../tree/plansFolder';

/** Failover from Azure back to on-premises, for VMs (single or multi-select) and recovery plans. */
export async function failover(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'failover', clicked, selected, hint);
    if (target.kind === 'plan') return await failoverPlan(services, target.node);
    await failoverItems(services, target.items);
  } catch (e) {
    await showServiceError(services.log, 'Failover', e);
  }
}

async function failoverItems(services: Services, chosen: ItemTarget[]): Promise<void> {
  const scope = chosen[0].scope;
  if (chosen.some((t) => t.scope !== scope)) {
    await vscode.window.showErrorMessage('Fail back VMs of one account or practice vault at a time.', { modal: true });
    return;
  }
  const prep = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Checking failover prerequisites…' }, () =>
    prepareFailover(scope.queries, chosen.map((t) => t.item)),
  );
  if (!(await acceptPartial('Fail back', prep.refused, prep.ready.length))) return;
  const fresh = { points: prep.points };
  const ready: ItemTarget[] = prep.ready.map((item) => ({ scope, item }));
  const providers = new Set(ready.map((t) => t.item.provider));
  if (providers.size > 1) {
    await vscode.window.showErrorMessage('Fail back classic and modernized VMs separately: they use different failover inputs.', { modal: true });
    return;
  }
  const provider = ready[0].item.provider!;
  const choice = await pickRecoveryPoint(
    provider,
    ready.map((t) => ({ name: t.item.friendlyName, points: fresh.points.get(t.item.id) ?? [] })),
    { hasReplicationGroup: ready.some((t) => !!t.item.multiVmGroupName) },
  );
  const names = ready.map((t) => t.item.friendlyName);
  const site = onPremisesSite(ready[0].item);
  await confirmDestructive(
    `Fail back ${names.length === 1 ? names[0] : `${names.length} VMs`} from Azure to on-premises?`,
    [
      `Direction: from Azure to on-premises: ${site}.`,
      'Site Recovery shuts down the Azure VMs and starts the on-premises VMs from the chosen recovery point.',
      `Recovery point: ${describeChoice(choice)}.`,
      `VMs: ${names.join(', ')}.`,
      'You commit afterwards, once you have verified the result.',
    ].join('\n'),
    'Fail Back',
    requireTypedName() ? (names.length === 1 ? names[0] : String(names.length)) : undefined,
  );
  const jobs = await startItemOperations(services, ready, 'Failover', (t) => t.scope.operations.failoverItem(t.item, choice));
  if (jobs.length === 0) return;
  const finals = await services.withJobProgress(`Failing back ${names.length === 1 ? names[0] : `${names.length} VMs`}`, jobs);
  if (finals.every((j) => isTerminal(j.state))) await verifyFailover(services, ready, finals);
}

function describeChoice(choice: RecoveryPointChoice): string {
  if (choice.kind === 'latest') return 'Latest (crash-consistent)';
  if (choice.kind === 'appConsistent') return 'Latest app-consistent';
  return `specific point ${choice.pointId.split('/').pop()}`;
}

async function failoverPlan(services: Services, node: PlanNode): Promise<void> {
  const scope = node.scope;
  const plan = await scope.queries.getPlan(node.plan.vault, node.plan.name);
  const prep = await preparePlanFailover(scope.queries, plan, await node.members());
  const { points, reasons } = prep;
  const members: ItemTarget[] = prep.members.map((item) => ({ scope, item }));
  if (reasons.length) {
    await vscode.window.showErrorMessage(`Recovery plan ${plan.friendlyName} can't fail back now.`, { modal: true, detail: reasons.map((r) => `• ${r}`).join('\n') });
    return;
  }
  const provider = planProvider(plan, members.map((m) => m.item));
  if (!provider) {
    await vscode.window.showErrorMessage(`${plan.friendlyName} does not replicate VMware VMs back to on-premises.`, { modal: true });
    return;
  }
  const hasGroup = members.some((m) => !!m.item.multiVmGroupName);
  const choice = await pickRecoveryPoint(provider, members.map((m) => ({ name: m.item.friendlyName, points: points.get(m.item.id) ?? [] })), { plan: true, hasReplicationGroup: hasGroup });
  await confirmDestructive(
    `Fail back recovery plan ${plan.friendlyName} from Azure to on-premises?`,
    [
      `Direction: from Azure to on-premises: ${[plan.primaryFabricFriendlyName, plan.recoveryFabricFriendlyName].find((n) => n && !isAzureFabric(n)) ?? 'the on-premises site'}.`,
      'Site Recovery shuts down the Azure VMs of the plan and starts them on-premises, group by group.',
      `Recovery point: ${describeChoice(choice)}. ${hasGroup ? (choice.kind === 'latest' ? 'Each VM recovers to its own latest point.' : 'Each replication group recovers to its common point.') : ''}`,
      `VMs: ${members.map((m) => m.item.friendlyName).join(', ')}.`,
    ].join('\n'),
    'Fail Back',
    requireTypedName() ? plan.friendlyName : undefined,
  );
  if (!services.inFlight.tryHold(plan.id)) {
    await vscode.window.showWarningMessage(`A request for ${plan.friendlyName} is already on its way.`);
    return;
  }
  try {
    const started = await scope.operations.failoverPlan(plan, provider, choice);
    if (!started.jobName) throw new Error('Site Recovery accepted the failover but named no job; see the Jobs folder.');
    const job = services.followJob(scope, plan.vault, started.jobName, plan.friendlyName);
    services.tree.refresh();
    const finals = await services.withJobProgress(`Failing back plan ${plan.friendlyName}`, [job]);
    if (finals.every((j) => isTerminal(j.state))) await verifyFailover(services, members, finals);
  } finally {
    services.inFlight.release(plan.id);
  }
}
