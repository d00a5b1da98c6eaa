import * as vscode from 'vscode';
import type { ReplicatedItem } from '../domain/model';
import { itemActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeItem, failbackPhase, healthLevel, itemRowText } from '../domain/itemState';
import { operationText, type ItemOperation } from '../domain/operations';
import { DEFAULT_DRILL_MAX_AGE_DAYS, itemTooltipRows, type PointsReading, type TooltipExtras } from '../domain/itemTooltip';
import { replicationRpo } from '../domain/rpo';
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

/**
 * A replicated VM: description = state and direction, icon by health and state. Its tooltip is
 * left for the tree provider's resolveTreeItem, which adds the VM's recovery points on hover.
 */
export class ItemNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly item: ReplicatedItem,
    /** What this window is doing to the VM (from the vault store), and the scope's time for its countdown. */
    private readonly operation?: ItemOperation,
    private readonly now: number = Date.now(),
    /** What a job told about the VM that its reading cannot show (e.g. a cancelled failover). */
    private readonly note?: string,
    /** The RPO threshold of the VM's replication policy, in minutes; none for modernized policies. */
    readonly rpoThresholdMinutes?: number,
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
    ti.description = [itemRowText(this.item, op, this.now, this.rpoThresholdMinutes), this.note && !op ? `⚠ ${this.note}` : ''].filter(Boolean).join(' · ');
    const phase = failbackPhase(this.item);
    const health = healthLevel(this.item);
    const overRpo = !!replicationRpo(this.item, phase, this.rpoThresholdMinutes)?.over;
    const [icon, color] = op
      ? this.operation?.phase === 'waitingForAgent'
        ? ['watch']
        : ['sync~spin']
      : health === 'critical' && phase !== 'operationRunning'
        ? ['error', 'list.errorForeground']
        : (health === 'warning' && phase !== 'operationRunning') || overRpo
          ? ['warning', 'list.warningForeground']
          : PHASE_ICON[phase];
    ti.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    // While this window runs an operation on the VM, no other one is offered.
    ti.contextValue = contextValue('item', op ? [] : itemActions(this.item));
    // No tooltip here: VS Code asks resolveTreeItem only for what a tree item leaves undefined.
    return ti;
  }

  /** The row's tooltip, with the VM's recovery points once read; `now` is the scope's time at hover. */
  tooltip(points?: PointsReading, now = this.now): vscode.MarkdownString {
    const op = this.operation ? operationText(this.operation, now) : undefined;
    return itemTooltip(this.item, op, this.note, now, { rpoThresholdMinutes: this.rpoThresholdMinutes, points });
  }
}

/** Setting siteRecovery.drills.maxAgeDays: a VM last tested longer ago says so. */
export function drillMaxAgeDays(): number {
  return vscode.workspace.getConfiguration('siteRecovery').get<number>('drills.maxAgeDays', DEFAULT_DRILL_MAX_AGE_DAYS);
}

/** `now`: the scope's time (the practice vault's ages are in its own clock). */
export function itemTooltip(item: ReplicatedItem, operation?: string, note?: string, now = Date.now(), extras: TooltipExtras = {}): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(item.friendlyName)}**  \n`);
  md.appendMarkdown(`${escapeMarkdown(describeItem(item))}\n\n`);
  if (operation) md.appendMarkdown(`Running now: ${escapeMarkdown(operation)}\n\n`);
  if (note) md.appendMarkdown(`⚠ ${escapeMarkdown(note)}\n\n`);
  for (const [k, v] of itemTooltipRows(item, now, drillMaxAgeDays(), extras)) md.appendMarkdown(`${escapeMarkdown(k)}: ${escapeMarkdown(v)}  \n`);
  if (item.healthIssues.length) {
    md.appendMarkdown('\n**Health issues**\n\n');
    for (const h of item.healthIssues) md.appendMarkdown(`- ${escapeMarkdown(`${h.code ? `${h.code}: ` : ''}${h.message}`)}\n`);
  }
  return md;
}
