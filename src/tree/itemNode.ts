import * as vscode from 'vscode';
import type { ReplicatedItem } from '../domain/model';
import { itemActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeItem, failbackPhase, healthLevel, itemRowText } from '../domain/itemState';
import { operationText, type ItemOperation } from '../domain/operations';
import { DEFAULT_DRILL_MAX_AGE_DAYS, itemTooltipRows } from '../domain/itemTooltip';
import { escapeMarkdown, TreeNode } from './node';

const PHASE_ICON: Record<ReturnType<typeof failbackPhase>, [string, string?]> = {
  operationRunning: ['sync~spin'],
  readyToFailBack: ['debug-step-back', 'charts.blue'],
  awaitingCommit: ['warning', 'charts.yellow'],
  needsReprotect: ['shield', 'charts.orange'],
  replicatingToAzure: ['pass', 'charts.green'],
  failedOverToAzure: ['warning', 'charts.yellow'],
  runningInAzure: ['cloud', 'charts.orange'],
  notReady: ['circle-slash'],
  unsupported: ['circle-outline'],
};

/** A replicated VM: description = state and direction, icon by health and state. */
export class ItemNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly item: ReplicatedItem,
    /** What this window is doing to the VM (from the vault store), and the scope's time for its countdown. */
    private readonly operation?: ItemOperation,
    private readonly now: number = Date.now(),
    /** What a job told about the VM that its reading cannot show (e.g. a cancelled failover). */
    private readonly note?: string,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/${this.item.name}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.item.friendlyName, vscode.TreeItemCollapsibleState.None);
    ti.id = this.id;
    const op = this.operation ? operationText(this.operation, this.now) : undefined;
    ti.description = [itemRowText(this.item, op, this.now), this.note && !op ? `⚠ ${this.note}` : ''].filter(Boolean).join(' · ');
    const phase = failbackPhase(this.item);
    const health = healthLevel(this.item);
    const [icon, color] = op
      ? this.operation?.phase === 'waitingForAgent'
        ? ['watch']
        : ['sync~spin']
      : health === 'critical' && phase !== 'operationRunning'
        ? ['error', 'list.errorForeground']
        : health === 'warning' && phase !== 'operationRunning'
          ? ['warning', 'list.warningForeground']
          : PHASE_ICON[phase];
    ti.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    // While this window runs an operation on the VM, no other one is offered.
    ti.contextValue = contextValue('item', op ? [] : itemActions(this.item));
    ti.tooltip = itemTooltip(this.item, op, this.note, this.now);
    return ti;
  }
}

/** Setting siteRecovery.drills.maxAgeDays: a VM last tested longer ago says so. */
export function drillMaxAgeDays(): number {
  return vscode.workspace.getConfiguration('siteRecovery').get<number>('drills.maxAgeDays', DEFAULT_DRILL_MAX_AGE_DAYS);
}

/** `now`: the scope's time (the practice vault's ages are in its own clock). */
export function itemTooltip(item: ReplicatedItem, operation?: string, note?: string, now = Date.now()): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(item.friendlyName)}**  \n`);
  md.appendMarkdown(`${escapeMarkdown(describeItem(item))}\n\n`);
  if (operation) md.appendMarkdown(`Running now: ${escapeMarkdown(operation)}\n\n`);
  if (note) md.appendMarkdown(`⚠ ${escapeMarkdown(note)}\n\n`);
  for (const [k, v] of itemTooltipRows(item, now, drillMaxAgeDays())) md.appendMarkdown(`${escapeMarkdown(k)}: ${escapeMarkdown(v)}  \n`);
  if (item.healthIssues.length) {
    md.appendMarkdown('\n**Health issues**\n\n');
    for (const h of item.healthIssues) md.appendMarkdown(`- ${escapeMarkdown(`${h.code ? `${h.code}: ` : ''}${h.message}`)}\n`);
  }
  return md;
}
