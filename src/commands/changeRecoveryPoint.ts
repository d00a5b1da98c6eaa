import * as vscode from 'vscode';
import type { Services } from '../services';
import { actionRefusal } from '../domain/prechecks';
import { replicatesToOnPremises } from '../domain/providers';
import { changeRecoveryPointOptions, pointInUseId, pointPhrase, type ChangePointOption } from '../domain/recoveryPoints';
import { refreshItems, resolveTargets } from './common/targets';
import { cancelled, confirmDestructive, showServiceError } from './common/ui';
import { settle, startItemOperations } from './common/runOperation';
import { beginItemsRun, endRun } from '../workflows/runRecording';

/**
 * Before commit, a VM failed over to Azure can move to another recovery point (Site Recovery's
 * "Change recovery point", allowed as ChangePit). Only InMageAzureV2 and InMageRcm have an input
 * for it (src/domain/actions.ts). One VM at a time: points are per VM.
 */
export async function changeRecoveryPoint(services: Services, clicked?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'changeRecoveryPoint', clicked);
    if (target.kind !== 'items') {
      await vscode.window.showInformationMessage('Change the recovery point of one VM at a time.');
      return;
    }
    const [t] = await refreshItems(target.items.slice(0, 1));
    if (replicatesToOnPremises(t.item.provider)) {
      await vscode.window.showErrorMessage(
        `${t.item.friendlyName} failed back to on-premises: Site Recovery has no input to change the recovery point of a failback (${t.item.provider}). To use another point, cancel the failover where Site Recovery allows it and fail back again.`,
        { modal: true },
      );
      return;
    }
    const refusal = actionRefusal(t.item, 'changeRecoveryPoint');
    if (refusal) {
      await vscode.window.showErrorMessage(refusal, { modal: true });
      return;
    }
    const points = await t.scope.queries.listRecoveryPoints(t.item);
    if (points.length === 0) {
      await vscode.window.showErrorMessage(`${t.item.friendlyName} has no recovery point to change to.`, { modal: true });
      return;
    }
    const now = t.scope.clock.now();
    const options = changeRecoveryPointOptions(points, pointInUseId(t.item), now);
    const current = options.find((o) => o.inUse);
    const pick = await vscode.window.showQuickPick(
      options.map((o) => ({ label: o.inUse ? `$(pass-filled) ${o.label}` : o.label, description: o.description, detail: o.detail, option: o })),
      {
        title: `Change the recovery point of ${t.item.friendlyName}`,
        placeHolder: current ? `In use now: ${current.description.replace(/ · in use$/, '')}` : 'Newest first; older points lose the writes made after them',
        ignoreFocusOut: true,
        matchOnDescription: true,
      },
    );
    if (!pick) cancelled();
    const chosen: ChangePointOption = pick.option;
    if (chosen.inUse) {
      await vscode.window.showInformationMessage(`${t.item.friendlyName} already runs from this recovery point.`);
      return;
    }
    await confirmDestructive(
      `Move ${t.item.friendlyName} to ${pointPhrase(chosen.point, now)}?`,
      [current ? `In use now: ${pointPhrase(current.point, now)}.` : undefined, `Site Recovery restarts the Azure VM from the chosen point. ${chosen.detail}`]
        .filter(Boolean)
        .join('\n'),
      'Change Recovery Point',
    );
    const runId = await beginItemsRun(services, t.scope, [t.item], {
      operation: 'changeRecoveryPoint',
      choices: {
        recoveryPoint: { label: pointPhrase(chosen.point, now), kind: 'specific', time: chosen.point.time.toISOString(), pointId: chosen.point.id, summary: chosen.detail },
      },
    });
    const jobs = await startItemOperations(services, [t], 'Change recovery point', (x) => x.scope.operations.changeRecoveryPoint(x.item, chosen.point.id), runId);
    if (jobs.length === 0) return endRun(services, runId, []);
    await endRun(services, runId, await services.withJobProgress(`Changing the recovery point of ${t.item.friendlyName}`, jobs));
    await settle(services, [t]);
  } catch (e) {
    await showServiceError(services.log, 'Change recovery point', e);
  }
}
