import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { ReplicatedItem } from '../domain/model';
import { failbackChecklist } from '../domain/checklist';
import { describeItem } from '../domain/itemState';
import type { Scope } from '../scope';
import { checklistHtml, type ChecklistView } from './html';
import { sameId } from '../domain/armId';
import { operationText } from '../domain/operations';
import { drillMaxAgeDays } from '../tree/itemNode';
import type { VaultStore } from '../state/vaultStore';

/** How often an open checklist reads its VMs from Site Recovery again, at most. */
const REREAD_MS = 5000;

const ALLOWED = new Set([
  'siteRecovery.testFailover',
  'siteRecovery.cleanupTestFailover',
  'siteRecovery.reprotectToOnPremises',
  'siteRecovery.failover',
  'siteRecovery.commitFailover',
  'siteRecovery.reprotect',
]);

/** What a checklist shows: the VMs, and for a plan's checklist the plan its Run buttons act on. */
export interface ChecklistTargets {
  title: string;
  targets: Array<{ scope: Scope; item: ReplicatedItem }>;
  /** A recovery plan: Run acts on the plan (never on one VM outside it). */
  plan?: unknown;
}

/**
 * "Failback Checklist" for the selected VMs or plan: which preconditions hold and what comes
 * next. It renders from the vault store (the same readings and running operations as the tree)
 * and again whenever the store changes for one of its VMs; while an operation runs on a VM its
 * steps offer no Run button.
 */
export class ChecklistPanel implements vscode.Disposable {
  private static current?: ChecklistPanel;
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** Settles when the first reading of the VMs is on the page. */
  rendered: Promise<void> = Promise.resolve();

  static show(what: ChecklistTargets, states: VaultStore): ChecklistPanel {
    ChecklistPanel.current?.dispose();
    ChecklistPanel.current = new ChecklistPanel(what, states);
    return ChecklistPanel.current;
  }

  /** Closes the open checklist when its VMs are gone (Reset Practice Vault, another scenario). */
  static closeIf(gone: (scope: Scope) => boolean): void {
    const panel = ChecklistPanel.current;
    if (panel && panel.targets.some((t) => gone(t.scope))) panel.dispose();
  }

  private readonly title: string;
  private readonly targets: Array<{ scope: Scope; item: ReplicatedItem }>;

  private constructor(
    private readonly what: ChecklistTargets,
    private readonly states: VaultStore,
  ) {
    this.title = what.title;
    this.targets = what.targets;
    const title = what.title;
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
        if (!target) return;
        // A plan's checklist acts on the plan, as its context menu does.
        if (this.what.plan) void vscode.commands.executeCommand(m.command, this.what.plan);
        else void vscode.commands.executeCommand(m.command, undefined, undefined, { targets: [target] });
      },
      undefined,
      this.disposables,
    );
    let timer: NodeJS.Timeout | undefined;
    const mine = (ids: string[] | undefined) => !ids || ids.some((id) => this.targets.some((t) => sameId(t.item.id, id)));
    this.disposables.push(
      states.onDidChange((change) => {
        if (!mine(change.itemIds)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void this.render(), 100);
      }),
    );
    this.disposables.push({ dispose: () => clearTimeout(timer) });
    this.panel.webview.html = checklistHtml(
      { title: `Failback checklist: ${title}`, subtitle: 'Reading the VMs from Site Recovery…', vms: [] },
      randomBytes(16).toString('base64'),
      this.panel.webview.cspSource,
    );
    this.rendered = this.render();
  }

  private disposed = false;
  private renders = 0;
  private readonly readAt = new Map<string, number>();
  private readonly points = new Map<string, number>();

  async render(): Promise<void> {
    // Renders overlap when the tree changes quickly: only the newest may write the page.
    const ticket = ++this.renders;
    const vms = await Promise.all(
      this.targets.map(async (t) => {
        let item = this.states.current(t.item);
        let points = this.points.get(t.item.id);
        // The store changes every second during an agent wait (its countdown): Site Recovery is
        // read again at most every few seconds; in between the page renders from the store.
        if (Date.now() - (this.readAt.get(t.item.id) ?? 0) >= REREAD_MS) {
          try {
            item = await t.scope.queries.getItem(t.item);
            this.states.read([item]);
            points = (await t.scope.queries.listRecoveryPoints(item)).length;
            this.points.set(t.item.id, points);
            this.readAt.set(t.item.id, Date.now());
          } catch {
            // Show what we have; the next change renders again.
          }
        }
        const op = this.states.operation(item.id);
        const note = this.states.note(item.id);
        const drill = { now: t.scope.clock.now(), maxAgeDays: drillMaxAgeDays() };
        if (!op)
          return {
            name: item.friendlyName,
            state: note ? `${describeItem(item)} · ⚠ ${note}` : describeItem(item),
            steps: failbackChecklist(item, points, drill),
            itemId: item.id,
          };
        // An operation runs: its step shows as running and nothing can be started from here.
        const steps = failbackChecklist(item, points, drill).map((s) => ({ ...s, command: undefined, status: s.status === 'next' ? ('running' as const) : s.status }));
        return { name: item.friendlyName, state: operationText(op, t.scope.clock.now()), steps, itemId: item.id };
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
