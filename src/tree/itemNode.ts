import * as vscode from 'vscode';
import type { ReplicatedItem } from '../domain/model';
import { itemActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeItem, failbackPhase } from '../domain/itemState';
import { itemTooltipRows } from '../domain/itemTooltip';
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
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/${this.item.name}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.item.friendlyName, vscode.TreeItemCollapsibleState.None);
    ti.id = this.id;
    ti.description = describeItem(this.item);
    const phase = failbackPhase(this.item);
    const critical = /critical/i.test(this.item.replicationHealth ?? '');
    const [icon, color] = critical && phase !== 'operationRunning' ? ['error', 'list.errorForeground'] : PHASE_ICON[phase];
    ti.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    ti.contextValue = contextValue('item', itemActions(this.item));
    ti.tooltip = itemTooltip(this.item);
    return ti;
  }
}

export function itemTooltip(item: ReplicatedItem): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(item.friendlyName)}**  \n`);
  md.appendMarkdown(`${escapeMarkdown(describeItem(item))}\n\n`);
  for (const [k, v] of itemTooltipRows(item, Date.now())) md.appendMarkdown(`${escapeMarkdown(k)}: ${escapeMarkdown(v)}  \n`);
  if (item.healthIssues.length) {
    md.appendMarkdown('\n**Health issues**\n\n');
    for (const h of item.healthIssues) md.appendMarkdown(`- ${escapeMarkdown(`${h.code ? `${h.code}: ` : ''}${h.message}`)}\n`);
  }
  return md;
}
