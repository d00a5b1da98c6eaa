import * as vscode from 'vscode';
import type { Services } from '../services';
import { prepareFailover, preparePlanFailover } from '../workflows/failoverPrep';
import { onPremisesSite } from '../domain/sites';
import { planProvider } from '../azure/inputs';
import { isTerminal } from '../domain/jobs';
import { isAzureFabric } from '../domain/direction';
import { planActions } from '../domain/actions';
import { multiVmRecoveryPointOptions, recoveryPointOptions, recoveryPointPickerTitle, replicationGroupWarnings, type RecoveryPointOption } from '../domain/recoveryPoints';
import { resolveTargets, type ItemTarget } from './common/targets';
import { acceptPartial, cancelled, confirmDestructive, requireTypedName, showServiceError } from './common/ui';
import { startItemOperations, verifyFailover } from './common/runOperation';
import { plansOfReplicationGroups } from '../workflows/failoverPrep';
import type { PlanNode } from '../tree/plansFolder';
import { beginItemsRun, beginPlanRun, endRun, recordJob } from '../workflows/runRecording';
import { recoveryPointRecord } from '../domain/runs/choices';

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
    prepareFailover(
      scope.queries,
      chosen.map((t) => t.item),
    ),
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
  const names = ready.map((t) => t.item.friendlyName);
  const now = scope.clock.now();
  const option = await pickRecoveryPoint(
    ready.length === 1
      ? recoveryPointOptions(provider, fresh.points.get(ready[0].item.id) ?? [], now)
      : multiVmRecoveryPointOptions(
          ready.map((t) => ({ name: t.item.friendlyName, points: fresh.points.get(t.item.id) ?? [], group: t.item.multiVmGroupName })),
          { now },
        ),
    recoveryPointPickerTitle({ vms: names }),
  );
  const choice = option.choice;
  // VMs of a replication group failed over on their own lose the group's common point: say so.
  const grouped = ready.filter((t) => t.item.multiVmGroupName).map((t) => t.item);
  const groupWarnings = grouped.length ? replicationGroupWarnings(grouped, await plansOfReplicationGroups(scope.queries, grouped)) : [];
  const site = onPremisesSite(ready[0].item);
  await confirmDestructive(
    `Fail back ${names.length === 1 ? names[0] : `${names.length} VMs`} from Azure to on-premises?`,
    [
      `Direction: from Azure to on-premises: ${site}.`,
      'Site Recovery shuts down the Azure VMs and starts the on-premises VMs from the chosen recovery point.',
      `Recovery point: ${option.summary}.`,
      ...groupWarnings,
      `VMs: ${names.join(', ')}.`,
      'You commit afterwards, once you have verified the result.',
    ].join('\n'),
    'Fail Back',
    requireTypedName() ? (names.length === 1 ? names[0] : String(names.length)) : undefined,
  );
  const runId = await beginItemsRun(
    services,
    scope,
    ready.map((t) => t.item),
    { operation: 'failback', choices: { recoveryPoint: recoveryPointRecord(option) } },
  );
  const jobs = await startItemOperations(services, ready, 'Failover', (t) => t.scope.operations.failoverItem(t.item, choice), runId);
  if (jobs.length === 0) return endRun(services, runId, []);
  const finals = await services.withJobProgress(`Failing back ${names.length === 1 ? names[0] : `${names.length} VMs`}`, jobs);
  await endRun(services, runId, finals);
  if (finals.every((j) => isTerminal(j.state))) await verifyFailover(services, ready, finals);
}

/**
 * The recovery-point quick pick: short labels (the kind of point), the time with its age in the
 * description, the data loss in the detail, so nothing is cut off; classic single VMs add their
 * specific points below a separator.
 */
async function pickRecoveryPoint(options: readonly RecoveryPointOption[], title: string): Promise<RecoveryPointOption> {
  type Item = vscode.QuickPickItem & { option?: RecoveryPointOption };
  const toItem = (o: RecoveryPointOption): Item => ({ label: o.label, description: o.description, detail: o.detail, option: o });
  const specific = options.filter((o) => o.choice.kind === 'specific');
  const items: Item[] = [
    ...options.filter((o) => o.choice.kind !== 'specific').map(toItem),
    ...(specific.length ? [{ label: 'Specific recovery points', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...specific.map(toItem),
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Latest keeps the most data; app-consistent points are older',
    ignoreFocusOut: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return pick?.option ?? cancelled();
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
  if (!planActions(plan).includes('failover')) {
    await vscode.window.showErrorMessage(`Site Recovery does not allow a failover of recovery plan ${plan.friendlyName} now.`, { modal: true });
    return;
  }
  const provider = planProvider(
    plan,
    members.map((m) => m.item),
  );
  if (!provider) {
    await vscode.window.showErrorMessage(`${plan.friendlyName} does not replicate VMware VMs back to on-premises.`, { modal: true });
    return;
  }
  const option = await pickRecoveryPoint(
    multiVmRecoveryPointOptions(
      members.map((m) => ({ name: m.item.friendlyName, points: points.get(m.item.id) ?? [], group: m.item.multiVmGroupName })),
      { plan: true, now: scope.clock.now() },
    ),
    recoveryPointPickerTitle({ vms: members.map((m) => m.item.friendlyName), plan: plan.friendlyName }),
  );
  const choice = option.choice;
  await confirmDestructive(
    `Fail back recovery plan ${plan.friendlyName} from Azure to on-premises?`,
    [
      `Direction: from Azure to on-premises: ${[plan.primaryFabricFriendlyName, plan.recoveryFabricFriendlyName].find((n) => n && !isAzureFabric(n)) ?? 'the on-premises site'}.`,
      'Site Recovery shuts down the Azure VMs of the plan and starts them on-premises, group by group.',
      `Recovery point: ${option.summary}.`,
      `VMs: ${members.map((m) => m.item.friendlyName).join(', ')}.`,
    ].join('\n'),
    'Fail Back',
    requireTypedName() ? plan.friendlyName : undefined,
  );
  if (!services.inFlight.tryHold(plan.id)) {
    await vscode.window.showWarningMessage(`A request for ${plan.friendlyName} is already on its way.`);
    return;
  }
  const runId = await beginPlanRun(
    services,
    scope,
    plan,
    members.map((m) => m.item),
    { operation: 'failback', choices: { recoveryPoint: recoveryPointRecord(option) } },
  );
  try {
    const started = await scope.operations.failoverPlan(plan, provider, choice).catch((e: unknown) => {
      void endRun(services, runId, []);
      throw e;
    });
    if (!started.jobName) throw new Error('Site Recovery accepted the failover but named no job; see the Jobs folder.');
    recordJob(services, runId, started.jobName, 'Failover', plan.friendlyName);
    const job = services.followJob(scope, plan.vault, started.jobName, plan.friendlyName);
    services.tree.refresh();
    const finals = await services.withJobProgress(`Failing back plan ${plan.friendlyName}`, [job]);
    await endRun(services, runId, finals);
    if (finals.every((j) => isTerminal(j.state))) await verifyFailover(services, members, finals, node);
  } finally {
    services.inFlight.release(plan.id);
  }
}
