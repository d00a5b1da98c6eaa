import { drillStatus } from '../domain/drills';
import { drillMaxAgeDays } from './itemNode';
import * as vscode from 'vscode';
import type { JobInfo, RecoveryPlanInfo, ReplicatedItem, VaultRef } from '../domain/model';
import { planActions } from '../domain/actions';
import { contextValue } from '../domain/contextValue';
import { describeError } from '../domain/errors';
import { describeItem, scenarioWords } from '../domain/itemState';
import { planFailoverBlock } from '../domain/prechecks';
import { sameId } from '../domain/armId';
import type { ItemOperation } from '../domain/operations';
import type { Scope } from '../scope';
import { ItemNode } from './itemNode';
import type { ItemsFolderNode } from './itemsFolder';
import type { VaultStore } from '../state/vaultStore';
import { errorNode, escapeMarkdown, MessageNode, TreeNode } from './node';

/** What plan rows read from the vault store: each VM's newest reading and what this window runs on it. */
export type PlanStates = Pick<VaultStore, 'current' | 'operation' | 'note'>;

export class PlansFolderNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly vault: VaultRef,
    private readonly items: ItemsFolderNode,
    /** The vault store (TreeContext.states), so a plan's VMs read as in the items folder. */
    private readonly states?: PlanStates,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/plans`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem('Recovery plans', vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    ti.iconPath = new vscode.ThemeIcon('list-ordered');
    ti.contextValue = contextValue('folder');
    return ti;
  }

  override async children(): Promise<TreeNode[]> {
    try {
      const plans = await this.planNodes();
      if (plans.length === 0) return [new MessageNode(this, `${this.id}/empty`, 'No recovery plans', { icon: 'info' })];
      return plans;
    } catch (e) {
      return [errorNode(this, describeError(e).message)];
    }
  }

  /** The vault's plans as Site Recovery lists them now; a failed read throws, for commands. */
  async planNodes(): Promise<PlanNode[]> {
    const plans = await this.scope.queries.listPlans(this.vault);
    return plans.map((p) => new PlanNode(this, this.scope, p, this.items, this.states));
  }
}

export class PlanNode extends TreeNode {
  constructor(
    parent: TreeNode,
    readonly scope: Scope,
    readonly plan: RecoveryPlanInfo,
    private readonly items: ItemsFolderNode,
    private readonly states?: PlanStates,
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/${this.plan.name}`;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(this.plan.friendlyName, vscode.TreeItemCollapsibleState.Collapsed);
    ti.id = this.id;
    const row = planRow(this.plan, this.loadedMembers());
    ti.description = row.description;
    ti.iconPath = new vscode.ThemeIcon(this.plan.currentOperation ? 'sync~spin' : 'list-ordered');
    ti.contextValue = contextValue('plan', planActions(this.plan));
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    md.appendMarkdown(`**${escapeMarkdown(this.plan.friendlyName)}**  \n`);
    md.appendMarkdown(`${escapeMarkdown(`${this.plan.primaryFabricFriendlyName ?? '?'} → ${this.plan.recoveryFabricFriendlyName ?? '?'}`)}  \n`);
    md.appendMarkdown(`Providers: ${escapeMarkdown(this.plan.replicationProviders.join(', ') || '—')}`);
    // A plan of VMs replicating to Azure is what a drill tests: when it last was, against the setting.
    if (this.plan.replicationProviders.some((p) => p === 'InMageAzureV2' || p === 'InMageRcm')) {
      const drill = drillStatus({ lastSuccessfulTestFailoverTime: this.plan.lastTestFailoverTime }, this.scope.clock.now(), drillMaxAgeDays());
      md.appendMarkdown(
        `  \n${drill.kind === 'recent' ? '' : '⚠ '}${escapeMarkdown(drill.kind === 'never' ? 'No test failover of this plan recorded by Site Recovery' : drill.text)}`,
      );
    }
    if (planActions(this.plan).includes('cleanupTestFailover')) ti.description = `Test failover · clean up when done · ${ti.description ?? ''}`;
    if (row.blocked) {
      md.appendMarkdown(`\n\n**Can't fail back now: ${escapeMarkdown(row.blocked.summary)}**\n\n`);
      for (const r of row.blocked.reasons) md.appendMarkdown(`- ${escapeMarkdown(r)}\n`);
    }
    ti.tooltip = md;
    return ti;
  }

  /** A loaded VM of the plan, as the store last read it. */
  private loaded(id: string): ReplicatedItem | undefined {
    const item = this.items.items.find((i) => sameId(i.id, id));
    return item && this.states ? this.states.current(item) : item;
  }

  /** The plan's VMs among the items loaded so far (a row must not send requests). */
  private loadedMembers(): ReplicatedItem[] {
    const ids = [...new Set(this.plan.groups.flatMap((g) => g.itemIds))];
    return ids.map((id) => this.loaded(id)).filter((i): i is ReplicatedItem => !!i);
  }

  /** Members resolved from the items already loaded, read one by one only when missing. */
  async members(): Promise<ReplicatedItem[]> {
    const ids = [...new Set(this.plan.groups.flatMap((g) => g.itemIds))];
    return Promise.all(ids.map((id) => this.loaded(id) ?? this.scope.queries.getItemById(this.plan.vault, id)));
  }

  override async children(): Promise<TreeNode[]> {
    let members: ReplicatedItem[];
    try {
      members = await this.members();
    } catch (e) {
      return [errorNode(this, describeError(e).message)];
    }
    // While the plan's job runs, each group shows how far its VMs are, from the job's tasks.
    const running = this.plan.currentOperation;
    const job = running?.jobName ? await this.scope.queries.getJob(this.plan.vault, running.jobName).catch(() => undefined) : undefined;
    let boot = 0;
    return this.plan.groups.map((g, index) => {
      const vms = members.filter((m) => g.itemIds.some((id) => sameId(id, m.id)));
      const bootNumber = /^boot$/i.test(g.groupType) ? ++boot : undefined;
      const progress = running && job ? new Map(vms.map((m) => [m.id, vmProgressInPlanJob(job, m.friendlyName, bootNumber)] as const)) : undefined;
      return new PlanGroupNode(this, index, g.groupType, vms, running ? { words: scenarioWords(running.scenarioName), progress } : undefined, this.states, this.scope.clock.now());
    });
  }
}

/**
 * The plan row's description and why it can't fail back: the running operation; else the state
 * all its VMs share; else, when a VM stands in the way of the plan's failover, why ("can't fail
 * back: 1 of 3 VMs already failed back"); else its VM count.
 */
export function planRow(plan: RecoveryPlanInfo, members: readonly ReplicatedItem[]): { description: string; blocked?: { summary: string; reasons: string[] } } {
  const vmCount = new Set(plan.groups.flatMap((g) => g.itemIds)).size;
  const count = `${vmCount} VM${vmCount === 1 ? '' : 's'}`;
  if (plan.currentOperation) return { description: `${scenarioWords(plan.currentOperation.scenarioName)} in progress` };
  const blocked = planFailoverBlock(plan, members);
  const states = new Set(members.map((m) => describeItem(m)));
  if (vmCount > 0 && members.length === vmCount && states.size === 1) return { description: `${count} · ${[...states][0]}`, blocked };
  // A plan of VMs replicating to (or running in) Azure is not a failback plan: no "can't fail back".
  if (blocked && planActions(plan).includes('reprotectToOnPremises')) return { description: `${count} · ${[...states].join(' / ')}` };
  if (blocked) return { description: `can't fail back: ${blocked.summary}`, blocked };
  return { description: count };
}

export type PlanStage = 'waiting' | 'running' | 'done' | 'failed';

export interface VmPlanProgress {
  stage: PlanStage;
  /** The task running now, without the VM's name. */
  task?: string;
}

const DONE = /^(Succeeded|Completed|Other|Skipped)$/i;
const FAILED = /^(Failed|Cancelled|Canceled)$/i;

/**
 * How far a plan's job is with one VM, from the job's tasks: those that name the VM ("Start
 * failover (web-01)", as the practice vault writes them), or else those of its boot group
 * ("Group 2: Start"). Undefined when no task says.
 */
export function vmProgressInPlanJob(job: Pick<JobInfo, 'tasks'>, vmName: string, bootGroupNumber?: number): VmPlanProgress | undefined {
  const suffix = ` (${vmName.toLowerCase()})`;
  let tasks = job.tasks.filter((t) => t.friendlyName.toLowerCase().endsWith(suffix));
  if (tasks.length === 0 && bootGroupNumber !== undefined) {
    const prefix = new RegExp(`^Group ${bootGroupNumber}\\b`, 'i');
    tasks = job.tasks.filter((t) => prefix.test(t.friendlyName));
  }
  if (tasks.length === 0) return undefined;
  const states = tasks.map((t) => String(t.state));
  if (states.some((st) => FAILED.test(st))) return { stage: 'failed' };
  if (states.every((st) => DONE.test(st))) return { stage: 'done' };
  const now = tasks.find((t) => /^InProgress$/i.test(String(t.state)));
  if (now) return { stage: 'running', task: now.friendlyName.endsWith(`(${vmName})`) ? now.friendlyName.slice(0, -suffix.length) : now.friendlyName };
  return { stage: states.some((st) => DONE.test(st)) ? 'running' : 'waiting' };
}

/** A group's stage from its VMs': failed, running, done when all are, else waiting. */
export function groupStage(progress: ReadonlyArray<VmPlanProgress | undefined>): PlanStage | undefined {
  const known = progress.filter((p): p is VmPlanProgress => !!p);
  if (known.length === 0) return undefined;
  if (known.some((p) => p.stage === 'failed')) return 'failed';
  if (known.some((p) => p.stage === 'running')) return 'running';
  if (known.length === progress.length && known.every((p) => p.stage === 'done')) return 'done';
  return known.some((p) => p.stage === 'done') ? 'running' : 'waiting';
}

/** The words of a stage: "Planned failover done", "Failover in progress · Start failover". */
export function stageText(words: string, stage: PlanStage, task?: string): string {
  switch (stage) {
    case 'done':
      return `${words} done`;
    case 'failed':
      return `${words} failed`;
    case 'running':
      return task ? `${words} in progress · ${task}` : `${words} in progress`;
    default:
      return `${words}: waiting for the groups before it`;
  }
}

/** A group of the plan (Shutdown, Failover, Boot 1…), listing its VMs and their replication groups. */
export class PlanGroupNode extends TreeNode {
  constructor(
    parent: TreeNode,
    private readonly index: number,
    private readonly groupType: string,
    private readonly members: ReplicatedItem[],
    /** The plan's running operation and, per VM id, how far its job is with the VM. */
    private readonly running?: { words: string; progress?: ReadonlyMap<string, VmPlanProgress | undefined> },
    private readonly states?: PlanStates,
    private readonly now: number = Date.now(),
  ) {
    super(parent);
  }

  get id(): string {
    return `${this.parent?.id}/group${this.index}`;
  }

  /** How far the plan's job is with this group; undefined when no job runs or its tasks don't say. */
  get stage(): PlanStage | undefined {
    const progress = this.running?.progress;
    return progress && this.members.length ? groupStage(this.members.map((m) => progress.get(m.id))) : undefined;
  }

  treeItem(): vscode.TreeItem {
    const ti = new vscode.TreeItem(
      `Group ${this.index + 1}: ${this.groupType}`,
      this.members.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    ti.id = this.id;
    ti.description = this.description();
    const stage = this.stage;
    // Layers, not a box: an empty square reads as an unticked checkbox.
    ti.iconPath =
      stage === 'running'
        ? new vscode.ThemeIcon('sync~spin')
        : stage === 'done'
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'))
          : stage === 'failed'
            ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
            : new vscode.ThemeIcon('layers');
    return ti;
  }

  /** The group's state: how far the plan's job is with it, else the state its VMs share, else their count. */
  description(): string {
    const groups = [...new Set(this.members.map((m) => m.multiVmGroupName).filter(Boolean))];
    const replication = groups.length ? `replication group: ${groups.join(', ')}` : undefined;
    if (this.members.length === 0) return /^boot$/i.test(this.groupType) ? 'no VMs' : 'all groups of the plan';
    const stage = this.stage;
    let state: string;
    if (this.running && stage) {
      const task = stage === 'running' ? this.members.map((m) => this.running?.progress?.get(m.id)?.task).find(Boolean) : undefined;
      state = stageText(this.running.words, stage, task);
    } else {
      const states = new Set(this.members.map((m) => describeItem(m)));
      state = states.size === 1 ? [...states][0] : `${this.members.length} VM${this.members.length === 1 ? '' : 's'}`;
    }
    return replication ? `${state} · ${replication}` : state;
  }

  override children(): TreeNode[] {
    return this.members.map(
      (m) => new PlanMemberNode(this, m, this.running?.words, this.running?.progress?.get(m.id), this.states?.operation(m.id), this.now, this.states?.note(m.id)),
    );
  }
}

/**
 * A VM of a plan group. While the plan's job runs, Site Recovery reports every VM of the plan
 * as busy until the whole job ends: the row says how far the job is with this VM instead, so a
 * VM whose group finished does not read "Failover in progress".
 */
export class PlanMemberNode extends ItemNode {
  constructor(
    parent: TreeNode,
    item: ReplicatedItem,
    private readonly words?: string,
    private readonly progress?: VmPlanProgress,
    operation?: ItemOperation,
    now?: number,
    note?: string,
  ) {
    super(parent, item, operation, now, note);
  }

  override treeItem(): vscode.TreeItem {
    const ti = super.treeItem();
    if (!this.words || !this.progress) return ti;
    const p = this.progress;
    ti.description = p.stage === 'done' ? `${this.words} done · commit once the plan's job ends` : stageText(this.words, p.stage, p.task);
    if (p.stage === 'done') ti.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
    else if (p.stage === 'waiting') ti.iconPath = new vscode.ThemeIcon('watch');
    else if (p.stage === 'failed') ti.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    return ti;
  }
}
