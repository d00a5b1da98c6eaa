import * as vscode from 'vscode';
import type { JobInfo, JobTask, VaultRef } from '../domain/model';
import { jobActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeError, errorDetail } from '../domain/errors';
import { durationText, isTerminal } from '../domain/jobs';
import { jobsSinceFilter } from '../azure/jobFilters';
import type { Scope } from '../scope';
import type { TreeContext } from './context';
import { errorNode, escapeMarkdown, MessageNode, TreeNode } from './node';

const DAY_MS = 24 * 60 * 60_000;

/** "Jobs": the last 24 hours, running first, each expandable to its tasks and errors. */
export class JobsFolderNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly ctx: TreeContext,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/jobs`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Jobs (last 24 hours)', vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    ti.iconPath = new vscode.ThemeIcon('history');
    ti.contextValue = contextValue('folder');
    return ti;
  }

  override async children(): Promise<TreeNode[]> {
    let jobs: JobInfo[];
    try {
      jobs = await this.scope.queries.listJobs(this.vault, jobsSinceFilter(new Date(this.scope.clock.now() - DAY_MS)));
    } catch (e) {
      return [errorNode(this, describeError(e).message)];
    }
    if (jobs.length === 0) return [new MessageNode(this, `${this.id}/empty`, 'No jobs in the last 24 hours', { icon: 'info' })];
    const fresh = jobs.map((j) => this.ctx.watchedJob(j.name) ?? j);
    fresh.sort((a, b) => Number(isTerminal(a.state)) - Number(isTerminal(b.state)) || (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
    return fresh.map((j) => new JobNode(this, this.scope, j));
  }
}

const STATE_ICON: Array<[RegExp, string, string?]> = [
  [/^succeeded$/i, 'pass', 'charts.green'],
  [/^failed$/i, 'error', 'list.errorForeground'],
  [/^cancel/i, 'circle-slash'],
  [/^suspended$/i, 'debug-pause', 'charts.yellow'],
  [/^inprogress$/i, 'sync~spin'],
];

function stateIcon(state: string): vscode.ThemeIcon {
  const hit = STATE_ICON.find(([re]) => re.test(state));
  return new vscode.ThemeIcon(hit?.[1] ?? 'circle-outline', hit?.[2] ? new vscode.ThemeColor(hit[2]) : undefined);
}

export class JobNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly job: JobInfo,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/${this.job.name}`;
  }

  treeItem(): vscode.TreeItem {
    const j = this.job;
    const ti = new vscode.TreeItem(`${j.friendlyName}: ${j.targetObjectName ?? ''}`.replace(/: $/, ''), vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    const took = durationText(j.startTime, j.endTime);
    ti.description = `${j.stateDescription ?? j.state}${took ? ` · ${took}` : ''}`;
    ti.iconPath = stateIcon(String(j.state));
    ti.contextValue = contextValue('job', jobActions(j.allowedActions));
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.appendMarkdown(`**${escapeMarkdown(j.friendlyName)}** · ${escapeMarkdown(j.scenarioName)}  \n`);
    md.appendMarkdown(`Target: ${escapeMarkdown(j.targetObjectName ?? '—')}  \nStarted: ${escapeMarkdown(j.startTime?.toISOString() ?? '—')}  \nJob: ${escapeMarkdown(j.name)}`);
    ti.tooltip = md;
    return ti;
  }

  override children(): TreeNode[] {
    const nodes: TreeNode[] = this.job.tasks.map((t, i) => new TaskNode(this, t, i));
    this.job.errors.forEach((e, i) =>
      nodes.push(new MessageNode(this, `${this.id}/error${i}`, errorDetail(e).split('\n')[0], { icon: 'error', color: 'list.errorForeground', tooltip: errorDetail(e) })),
    );
    return nodes;
  }
}

class TaskNode extends TreeNode {
  constructor(
    parent: TreeNode,
    private readonly task: JobTask,
    private readonly index: number,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/task${this.index}`;
  }

  treeItem(): vscode.TreeItem {
    const t = this.task;
    const ti = new vscode.TreeItem(t.friendlyName, t.errors.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    ti.id = this.id;
    const took = durationText(t.startTime, t.endTime);
    ti.description = `${t.stateDescription ?? t.state}${took ? ` · ${took}` : ''}`;
    ti.iconPath = stateIcon(String(t.state));
    return ti;
  }

  override children(): TreeNode[] {
    return this.task.errors.map(
      (e, i) => new MessageNode(this, `${this.id}/error${i}`, errorDetail(e).split('\n')[0], { icon: 'error', color: 'list.errorForeground', tooltip: errorDetail(e) }),
    );
  }
}
