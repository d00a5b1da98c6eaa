import * as vscode from 'vscode';
import type { Services } from '../services';
import { ChecklistPanel } from '../checklist/checklistPanel';
import { ItemNode } from '../tree/itemNode';
import { PlanNode } from '../tree/plansFolder';
import { scopeOf, pickVault } from './common/targets';
import { showServiceError, cancelled } from './common/ui';
import type { ReplicatedItem } from '../domain/model';
import { describeItem } from '../domain/itemState';

/** Opens the live failback checklist for the selected VM or recovery plan. */
export async function showChecklist(services: Services, node?: unknown): Promise<void> {
  try {
    let title: string;
    let targets: Array<{ scope: NonNullable<ReturnType<typeof scopeOf>>; item: ReplicatedItem }>;
    let plan: PlanNode | undefined;
    const selected = node ?? services.treeView.selection[0];
    if (selected instanceof ItemNode) {
      title = selected.item.friendlyName;
      targets = [{ scope: scopeOf(selected)!, item: selected.item }];
    } else if (selected instanceof PlanNode) {
      title = selected.plan.friendlyName;
      plan = selected;
      targets = (await selected.members()).map((item) => ({ scope: selected.scope, item }));
    } else {
      const vault = await pickVault(services);
      await vault.items.loadAll();
      const pick = await vscode.window.showQuickPick(
        vault.items.items.map((item) => ({ label: item.friendlyName, description: describeItem(item), item })),
        { title: 'Failback Checklist: choose a VM', ignoreFocusOut: true },
      );
      if (!pick) cancelled();
      title = pick.item.friendlyName;
      targets = [{ scope: vault.scope, item: pick.item }];
    }
    await ChecklistPanel.show({ title, targets, plan }, services.states).rendered;
    services.walkthrough.complete('checklist');
  } catch (e) {
    await showServiceError(services.log, 'Failback checklist', e);
  }
}
