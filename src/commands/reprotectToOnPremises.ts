import * as vscode from 'vscode';
import type { Services } from '../services';
import { precheckAction } from '../domain/prechecks';
import { isSuccess } from '../domain/jobs';
import { refreshItems, resolveTargets, type ItemTarget } from './common/targets';
import { acceptPartial, cancelled, showServiceError } from './common/ui';
import { settle, startItemOperations } from './common/runOperation';
import { beginItemsRun, endRun } from '../workflows/runRecording';
import { namedId } from '../domain/runs/choices';
import type { ReprotectToOnPremisesChoices } from '../azure/inputs';
import type { RunChoices } from '../domain/runs/types';

/** What the run report keeps of the reprotect's choices: each component by name (its id's last segment) and id. */
function reprotectToOnPremisesRunChoices(c: ReprotectToOnPremisesChoices): RunChoices {
  if (c.generation === 'classic') {
    return {
      processServer: namedId(c.processServerId),
      masterTarget: namedId(c.masterTargetId),
      retentionDrive: c.retentionDrive,
      datastore: { name: c.datastoreName },
      runAsAccount: c.runAsAccountId ? namedId(c.runAsAccountId) : undefined,
      policy: namedId(c.policyId),
    };
  }
  return { agent: namedId(c.reprotectAgentId), datastore: { name: c.datastoreName }, logStorageAccount: namedId(c.logStorageAccountId), policy: namedId(c.policyId) };
}
import { chooseReprotectToOnPremises } from './common/reprotectToOnPremisesChoices';
import { sameId } from '../domain/armId';

/**
 * Prepare for failback: a VM that runs in Azure starts replicating back to the on-premises site
 * (classic: master target and datastore; modernized: appliance and datastore). A recovery plan is
 * reprotected as its VMs: Site Recovery has no plan reprotect for VMware.
 */
export async function reprotectToOnPremises(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'reprotectToOnPremises', clicked, selected, hint);
    const chosen = target.kind === 'plan' ? (await target.node.members()).map((item) => ({ scope: target.node.scope, item })) : target.items;
    if (chosen.length === 0) {
      await vscode.window.showInformationMessage('The recovery plan has no VMs to reprotect.');
      return;
    }
    await reprotectItems(services, chosen);
  } catch (e) {
    await showServiceError(services.log, 'Reprotect to on-premises', e);
  }
}

async function reprotectItems(services: Services, chosen: ItemTarget[]): Promise<void> {
  const fresh = await refreshItems(chosen);
  const check = precheckAction(
    fresh.map((t) => t.item),
    'reprotectToOnPremises',
  );
  if (!(await acceptPartial('Reprotect to on-premises', check.refused, check.ready.length))) return;
  const ready = fresh.filter((t) => check.ready.includes(t.item));
  const vault = ready[0].item.vault;
  if (ready.some((t) => !sameId(t.item.vault.id, vault.id))) {
    await vscode.window.showErrorMessage('Reprotect VMs of one vault at a time.', { modal: true });
    return;
  }
  const { choices, summary } = await chooseReprotectToOnPremises(
    services,
    ready[0].scope,
    vault,
    ready.map((t) => t.item),
  );
  const start = 'Start Reprotect';
  const names = ready.map((t) => t.item.friendlyName);
  const answer = await vscode.window.showInformationMessage(
    `Reprotect ${names.length === 1 ? names[0] : `${names.length} VMs`} from Azure to on-premises?`,
    {
      modal: true,
      detail: [
        ...summary,
        `VMs: ${names.join(', ')}`,
        'The VMs keep running in Azure. Initial replication to on-premises runs first; the failback is possible once a recovery point exists.',
      ].join('\n'),
    },
    start,
  );
  if (answer !== start) cancelled();
  const runId = await beginItemsRun(
    services,
    ready[0].scope,
    ready.map((t) => t.item),
    { operation: 'reprotectToOnPremises', choices: reprotectToOnPremisesRunChoices(choices) },
  );
  const jobs = await startItemOperations(services, ready, 'Reprotect to on-premises', (t) => t.scope.operations.reprotectToOnPremises(t.item, choices), runId);
  if (jobs.length === 0) return endRun(services, runId, []);
  const finals = await services.withJobProgress(`Reprotecting ${names.length === 1 ? names[0] : `${names.length} VMs`} to on-premises`, jobs);
  await endRun(services, runId, finals);
  await settle(services, ready);
  const done = finals.filter((j) => isSuccess(j.state));
  if (done.length === ready.length) {
    services.walkthrough.complete('reprotectToOnPremises');
    void vscode.window.showInformationMessage(
      `Reprotect done: ${names.length === 1 ? names[0] : `${done.length} VMs`} replicate${names.length === 1 ? 's' : ''} to on-premises. Fail back once initial replication has made a recovery point.`,
    );
  } else if (done.length < finals.length) {
    const show = 'Show Output';
    const a = await vscode.window.showWarningMessage(`Reprotect to on-premises finished for ${done.length} of ${ready.length} VMs.`, show);
    if (a === show) services.log.show(true);
  }
}
