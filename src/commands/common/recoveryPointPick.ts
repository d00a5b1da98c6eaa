import * as vscode from 'vscode';
import type { RecoveryPointInfo, ReplicationProvider } from '../../domain/model';
import { recoveryPointOptions, planRecoveryPointExplanation, type RecoveryPointChoice } from '../../domain/recoveryPoints';
import { cancelled } from './ui';

/**
 * Recovery point quick pick. One VM: its own options (classic adds specific points).
 * Several VMs or a plan: Latest or app-consistent, explained for replication groups.
 */
export async function pickRecoveryPoint(
  provider: ReplicationProvider,
  pointsPerVm: ReadonlyArray<{ name: string; points: readonly RecoveryPointInfo[] }>,
  opts: { plan?: boolean; hasReplicationGroup?: boolean } = {},
): Promise<RecoveryPointChoice> {
  const single = pointsPerVm.length === 1 && !opts.plan;
  let items: Array<vscode.QuickPickItem & { choice?: RecoveryPointChoice }>;
  if (single) {
    const options = recoveryPointOptions(provider, pointsPerVm[0].points);
    const specific = options.filter((o) => o.choice.kind === 'specific');
    items = [
      ...options.filter((o) => o.choice.kind !== 'specific').map((o) => ({ label: o.label, description: o.description, detail: o.detail, choice: o.choice })),
      ...(specific.length ? [{ label: 'Specific recovery points', kind: vscode.QuickPickItemKind.Separator }] : []),
      ...specific.map((o) => ({ label: o.label, description: o.description, detail: o.detail, choice: o.choice })),
    ];
  } else {
    const allHaveApp = pointsPerVm.every((v) => recoveryPointOptions(provider, v.points).some((o) => o.choice.kind === 'appConsistent'));
    const group = !!opts.hasReplicationGroup;
    items = [
      { label: 'Latest (crash-consistent)', description: 'recommended', detail: planRecoveryPointExplanation({ kind: 'latest' }, group), choice: { kind: 'latest' } },
      ...(allHaveApp
        ? [{ label: 'Latest app-consistent', description: 'older: data written after it is lost', detail: planRecoveryPointExplanation({ kind: 'appConsistent' }, group), choice: { kind: 'appConsistent' } as RecoveryPointChoice }]
        : []),
    ];
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Failover: choose the recovery point',
    placeHolder: 'Latest keeps the most data; app-consistent points are older',
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
  return pick?.choice ?? cancelled();
}
