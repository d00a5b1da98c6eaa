import * as vscode from 'vscode';
import type { Services } from '../services';
import type { JobInfo } from '../domain/model';
import { precheckAction } from '../domain/prechecks';
import { isSuccess } from '../domain/jobs';
import { agentPolicy, reprotectOneVm } from '../workflows/reprotectSession';
import { refreshItems, resolveTargets, type ItemTarget } from './common/targets';
import { acceptPartial, showServiceError, cancelled } from './common/ui';
import { chooseReprotectInputs } from './common/reprotectChoices';
import { sameId } from '../domain/armId';

/** Reprotect on-premises → Azure (step 6), through the agent-registration window. */
export async function reprotect(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'reprotect', clicked, selected, hint);
    if (target.kind === 'plan') {
      // Site Recovery has no plan reprotect for VMware providers (the cmdlets refuse it with
      // "Unsupported replication provider … for reprotect"): a plan is reprotected as its VMs,
      // with the choices made once and one request per VM.
      const members = await target.node.members();
      if (members.length === 0) {
        await vscode.window.showInformationMessage(`Recovery plan ${target.node.plan.friendlyName} has no VMs to reprotect.`);
        return;
      }
      await reprotectItems(
        services,
        members.map((item) => ({ scope: target.node.scope, item })),
      );
      return;
    }
    await reprotectItems(services, target.items);
  } catch (e) {
    await showServiceError(services.log, 'Reprotect', e);
  }
}

async function reprotectItems(services: Services, chosen: ItemTarget[]): Promise<void> {
  const fresh = await refreshItems(chosen);
  const check = precheckAction(
    fresh.map((t) => t.item),
    'reprotect',
  );
  if (!(await acceptPartial('Reprotect', check.refused, check.ready.length))) return;
  const ready = fresh.filter((t) => check.ready.includes(t.item));
  const { scope } = ready[0];
  const vault = ready[0].item.vault;
  if (ready.some((t) => !sameId(t.item.vault.id, vault.id))) {
    await vscode.window.showErrorMessage('Reprotect VMs of one vault at a time.', { modal: true });
    return;
  }
  const inputs = await chooseReprotectInputs(
    services,
    scope,
    vault,
    ready.map((t) => t.item),
  );
  const start = 'Start Reprotect';
  const answer = await vscode.window.showInformationMessage(
    `Reprotect ${ready.length === 1 ? ready[0].item.friendlyName : `${ready.length} VMs`} from on-premises to Azure?`,
    {
      modal: true,
      detail: [
        `Process server: ${inputs.processServerName}${inputs.processServerState ? ` (${inputs.processServerState})` : ''}`,
        `Policy: ${inputs.policyName}`,
        ...(inputs.masterTargetName ? [`Master target: ${inputs.masterTargetName}`] : []),
        ...(inputs.runAsAccountId ? [`Run-as account: ${inputs.runAsAccountId.split('/').pop()}`] : []),
        `VMs: ${ready.map((t) => t.item.friendlyName).join(', ')}`,
        ...(ready.some((t) => t.item.provider === 'InMageRcmFailback' && /CommitPending/i.test(t.item.protectionState))
          ? ['Failovers not yet committed are committed by the reprotect.']
          : []),
        'If an on-premises VM started less than 15 minutes ago, its agent may not be registered yet: the extension waits and retries.',
      ].join('\n'),
    },
    start,
  );
  if (answer !== start) cancelled();
  const policy = agentPolicy();
  const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Reprotect', cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    try {
      // One VM failing must not hide the others: each settles on its own.
      const settled = await Promise.allSettled(ready.map((t) => reprotectOneVm(services, scope, t.item, inputs, policy, (message) => progress.report({ message }), abort.signal)));
      return settled.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
    } finally {
      cancel.dispose();
    }
  });
  services.tree.refresh();
  const done = results.filter((j): j is JobInfo => !!j && isSuccess(j.state));
  if (done.length === ready.length) {
    services.walkthrough.complete('reprotect');
    void vscode.window.showInformationMessage(`Reprotect done: ${done.length === 1 ? ready[0].item.friendlyName : `${done.length} VMs`} replicating to Azure again.`);
  } else {
    const show = 'Show Output';
    const a = await vscode.window.showWarningMessage(`Reprotect finished for ${done.length} of ${ready.length} VMs.`, show);
    if (a === show) services.log.show(true);
  }
}
