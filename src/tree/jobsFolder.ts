import * as vscode from 'vscode';
import type { JobInfo, JobTask, VaultRef } from '../domain/model';
import { jobActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeError, errorDetail } from '../domain/errors';
import {
  compareJobRows,
  durationText,
  fresherJob,
  groupAgentRetries,
  isAgentWaitFailure,
  jobRowDescription,
  jobStateText,
  longLocalTime,
  rowTask,
  shortLocalTime,
  stateWords,
  utcTimeText,
} from '../domain/jobs';
import { jobsSinceFilter } from '../azure/jobFilters';
import type { Scope } from '../scope';
import type { TreeContext } from './context';
import { errorNode, escapeMarkdown, MessageNode, TreeNode } from './node';

const DAY_MS = 24 * 60 * 60_000;

/**
 * "Jobs": the last 24 hours, running first, each expandable to its tasks and errors. A job the
 * extension watches shows the tracker's latest reading; a reprotect's agent-wait retries are one
 * row (the latest attempt) with the earlier attempts under it.
 */
export class JobsFolderNode extends TreeNode {
  private shown: JobNode[] = [];

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
      this.shown = [];
      return [errorNode(this, describeError(e).message)];
    }
    if (jobs.length === 0) {
      this.shown = [];
      return [new MessageNode(this, `${this.id}/empty`, 'No jobs in the last 24 hours', { icon: 'info' })];
    }
    const fresh = jobs.map((j) => fresherJob(this.ctx.watchedJob(j.name), j));
    const groups = groupAgentRetries(fresh).sort((a, b) => compareJobRows(a.job, b.job));
    this.shown = groups.map((g) => new JobNode(this, this.scope, g.job, this.ctx, g.earlier));
    return this.shown;
  }

  /**
   * Redraws the rows of watched jobs whose reading changed since they were drawn, without
   * asking Site Recovery again. Call it when the tracker has a new reading (tracker.onDidChange).
   */
  refreshWatched(): void {
    for (const node of this.shown) if (node.changedSinceDrawn()) this.ctx.refresh(node);
  }
}

const STATE_ICON: Array<[RegExp, string, string?]> = [
  [/^(succeeded|completedwithinformation)$/i, 'pass', 'charts.green'],
  [/^failed$/i, 'error', 'list.errorForeground'],
  [/^cancel/i, 'circle-slash'],
  [/^suspended$/i, 'debug-pause', 'charts.yellow'],
  [/^inprogress$/i, 'sync~spin'],
  [/^(other|skipped)$/i, 'debug-step-over'],
  [/^notstarted$/i, 'clock'],
];

function stateIcon(state: string): vscode.ThemeIcon {
  const hit = STATE_ICON.find(([re]) => re.test(state));
  return new vscode.ThemeIcon(hit?.[1] ?? 'circle-outline', hit?.[2] ? new vscode.ThemeColor(hit[2]) : undefined);
}

/** A job's icon: an agent-wait attempt is a wait (yellow watch), not a red failure. */
function jobIcon(job: JobInfo): vscode.ThemeIcon {
  return isAgentWaitFailure(job) ? new vscode.ThemeIcon('watch', new vscode.ThemeColor('charts.yellow')) : stateIcon(String(job.state));
}

export class JobNode extends TreeNode {
  private drawn?: JobInfo;
  private latest: JobInfo;

  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    listed: JobInfo,
    private readonly ctx?: Pick<TreeContext, 'watchedJob'>,
    /** Earlier agent-wait attempts of the same reprotect, oldest first. */
    readonly earlier: readonly JobInfo[] = [],
  ) {
    super(parent);
    this.latest = listed;
  }

  /**
   * The job as last read: the tracker's reading while the extension watches it, else the
   * newest reading this row has seen (a job the tracker stopped following keeps its last one).
   */
  get job(): JobInfo {
    this.latest = fresherJob(this.ctx?.watchedJob(this.latest.name), this.latest);
    return this.latest;
  }

  /** True when the tracker has a reading this row has not drawn yet. */
  changedSinceDrawn(): boolean {
    return this.drawn !== undefined && this.job !== this.drawn;
  }

  get id(): string {
    return `${this.parent?.id}/${this.latest.name}`;
  }

  treeItem(): vscode.TreeItem {
    const j = this.job;
    this.drawn = j;
    const now = new Date(this.scope.clock.now());
    const attempt = this.earlier.length ? this.earlier.length + 1 : undefined;
    const ti = new vscode.TreeItem(`${j.friendlyName}: ${j.targetObjectName ?? ''}`.replace(/: $/, ''), vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    ti.description = jobRowDescription(j, now, attempt);
    ti.iconPath = jobIcon(j);
    ti.contextValue = contextValue('job', [...jobActions(j.allowedActions), 'output']);
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    const task = rowTask(j);
    const lines = [
      `**${escapeMarkdown(j.friendlyName)}** · ${escapeMarkdown(j.scenarioName)}`,
      `Target: ${escapeMarkdown(j.targetObjectName ?? '—')}`,
      `State: ${escapeMarkdown(jobStateText(j))}${task ? ` · ${escapeMarkdown(task.friendlyName)}` : ''}`,
      `Started: ${j.startTime ? `${longLocalTime(j.startTime)} local (${utcTimeText(j.startTime)})` : '—'}`,
      ...(j.endTime ? [`Ended: ${longLocalTime(j.endTime)} local (${utcTimeText(j.endTime)})`] : []),
      ...(attempt
        ? [`Attempt ${attempt}: the earlier ${this.earlier.length === 1 ? 'attempt' : `${this.earlier.length} attempts`} waited for the on-premises agent to register.`]
        : []),
      `Job: ${escapeMarkdown(j.name)}`,
    ];
    md.appendMarkdown(lines.join('  \n'));
    ti.tooltip = md;
    return ti;
  }

  override children(): TreeNode[] {
    const job = this.job;
    const nodes: TreeNode[] = job.tasks.map((t, i) => new TaskNode(this, t, i));
    job.errors.forEach((e, i) => {
      const waiting = isAgentWaitFailure(job);
      nodes.push(
        new MessageNode(this, `${this.id}/error${i}`, errorDetail(e).split('\n')[0], {
          icon: waiting ? 'info' : 'error',
          color: waiting ? undefined : 'list.errorForeground',
          tooltip: errorDetail(e),
        }),
      );
    });
    if (this.earlier.length) nodes.push(new EarlierAttemptsNode(this, this.scope, this.earlier));
    return nodes;
  }
}

/** "Earlier attempts (2)": the agent-wait attempts before a reprotect's latest one. */
class EarlierAttemptsNode extends TreeNode {
  constructor(
    parent: JobNode,
    private readonly scope: Scope,
    private readonly attempts: readonly JobInfo[],
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/earlier`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(`Earlier attempts (${this.attempts.length})`, vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    ti.description = 'waiting for the on-premises agent';
    ti.iconPath = new vscode.ThemeIcon('watch');
    return ti;
  }

  override children(): TreeNode[] {
    const now = new Date(this.scope.clock.now());
    return this.attempts
      .map(
        (job, i) =>
          new MessageNode(this, `${this.id}/${job.name}`, `Attempt ${i + 1}`, {
            icon: 'watch',
            description: jobRowDescription(job, now),
            tooltip: [
              `Job: ${job.name}`,
              ...(job.startTime ? [`Started: ${shortLocalTime(job.startTime, now)} local (${utcTimeText(job.startTime)})`] : []),
              ...job.errors.map((e) => errorDetail(e)),
            ].join('\n'),
          }),
      )
      .reverse();
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
    ti.description = `${stateWords(t.state, t.stateDescription)}${took ? ` · ${took}` : ''}`;
    ti.iconPath = stateIcon(/^skipped$/i.test(t.stateDescription ?? '') && !/^succeeded$/i.test(String(t.state)) ? 'Skipped' : String(t.state));
    return ti;
  }

  override children(): TreeNode[] {
    return this.task.errors.map(
      (e, i) => new MessageNode(this, `${this.id}/error${i}`, errorDetail(e).split('\n')[0], { icon: 'error', color: 'list.errorForeground', tooltip: errorDetail(e) }),
    );
  }
}
