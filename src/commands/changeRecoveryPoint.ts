import * as vscode from 'vscode';
import type { Services } from '../services';
import { actionRefusal } from '../domain/prechecks';
import { dataLossWording, isAppConsistent, minutesBetween } from '../domain/recoveryPoints';
import { refreshItems, resolveTargets } from './common/targets';
import { cancelled, confirmDestructive, showServiceError } from './common/ui';
import { startItemOperations } from './common/runOperation';

/**
 * Before commit, a failed-over VM can move to another recovery point (Site Recovery's
 * "Change recovery point", allowed as ChangePit). One VM at a time: points are per VM.
 */
export async function changeRecoveryPoint(services: Services, clicked?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'changeRecoveryPoint', clicked);
    if (target.kind !== 'items') {
      await vscode.window.showInformationMessage('Change the recovery point of one VM at a time.');
      return;
    }
    const [t] = await refreshItems(target.items.slice(0, 1));
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
    const newest = points[0].time;
    const pick = await vscode.window.showQuickPick(
      points.slice(0, 50).map((p) => ({
        label: p.time.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
        description: isAppConsistent(p) ? 'app-consistent' : 'crash-consistent',
        detail: dataLossWording(minutesBetween(p.time, newest)),
        point: p,
      })),
      { title: `Change the recovery point of ${t.item.friendlyName}`, ignoreFocusOut: true, matchOnDescription: true },
    );
    if (!pick) cancelled();
    await confirmDestructive(
      `Move ${t.item.friendlyName} to the recovery point of ${pick.label}?`,
      `Site Recovery restarts the on-premises VM from this point. ${pick.detail}`,
      'Change Recovery Point',
    );
    const jobs = await startItemOperations(services, [t], 'Change recovery point', (x) => x.scope.operations.changeRecoveryPoint(x.item, pick.point.id));
    if (jobs.length) await services.withJobProgress(`Changing the recovery point of ${t.item.friendlyName}`, jobs);
    services.tree.refresh();
  } catch (e) {
    await showServiceError(services.log, 'Change recovery point', e);
  }
}
