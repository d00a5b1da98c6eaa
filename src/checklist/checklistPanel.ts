import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { ReplicatedItem } from '../domain/model';
import { failbackChecklist } from '../domain/checklist';
import { describeItem } from '../domain/itemState';
import type { Scope } from '../scope';
import { checklistHtml, type ChecklistView } from './html';
import { sameId } from '../domain/armId';

const ALLOWED = new Set(['siteRecovery.failover', 'siteRecovery.commitFailover', 'siteRecovery.reprotect']);

/**
 * "Failback Checklist" for the selected VMs or plan: which preconditions hold and what
 * comes next, re-read from Site Recovery whenever jobs or the tree change.
 */
export class ChecklistPanel implements vscode.Disposable {
  private static current?: ChecklistPanel;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** Settles when the first reading of the VMs is on the page. */
  rendered: Promise<void> = Promise.resolve();

  static show(title: string, targets: Array<{ scope: Scope; item: ReplicatedItem }>, changes: vscode.Event<unknown>): ChecklistPanel {
    ChecklistPanel.current?.dispose();
    ChecklistPanel.current = new ChecklistPanel(title, targets, changes);
    return ChecklistPanel.current;
  }

  private constructor(
    private readonly title: string,
    private targets: Array<{ scope: Scope; item: ReplicatedItem }>,
    changes: vscode.Event<unknown>,
  ) {
    this.panel = vscode.window.createWebviewPanel('siteRecovery.checklist', `Failback Checklist: ${title}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      enableCommandUris: false,
    });
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage(
      (m: { command?: unknown; itemId?: unknown }) => {
        if (typeof m.command !== 'string' || !ALLOWED.has(m.command) || typeof m.itemId !== 'string') return;
        const target = this.targets.find((t) => sameId(t.item.id, String(m.itemId)));
        if (target) void vscode.commands.executeCommand(m.command, undefined, undefined, { targets: [target] });
      },
      undefined,
      this.disposables,
    );
    let timer: NodeJS.Timeout | undefined;
    changes(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.render(), 500);
    }, undefined, this.disposables);
    this.disposables.push({ dispose: () => clearTimeout(timer) });
    this.panel.webview.html = checklistHtml({ title: `Failback checklist: ${title}`, subtitle: 'Reading the VMs from Site Recovery…', vms: [] }, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
    this.rendered = this.render();
  }

  private disposed = false;
  private renders = 0;

  async render(): Promise<void> {
    // Renders overlap when the tree changes quickly: only the newest may write the page.
    const ticket = ++this.renders;
    const vms = await Promise.all(
      this.targets.map(async (t) => {
        let item = t.item;
        let points: number | undefined;
        try {
          item = await t.scope.queries.getItem(t.item);
          points = (await t.scope.queries.listRecoveryPoints(item)).length;
        } catch {
          // Show what we have; the next change renders again.
        }
        return { name: item.friendlyName, state: describeItem(item), steps: failbackChecklist(item, points), itemId: item.id };
      }),
    );
    if (this.disposed || ticket !== this.renders) return;
    const view: ChecklistView = { title: `Failback checklist: ${this.title}`, subtitle: 'Fail back VMware VMs from Azure: failover, verify, commit, reprotect.', vms };
    this.panel.webview.html = checklistHtml(view, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
  }

  /** The current panel's page, for tests. */
  static get html(): string | undefined {
    return ChecklistPanel.current?.panel.webview.html;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ChecklistPanel.current === this) ChecklistPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
