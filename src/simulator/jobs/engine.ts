import type { SimContext } from '../context';
import { newGuid } from '../ids';
import type { ItemMutable, ItemRecord, JobRecord, TaskRecord } from '../state/model';
import { agentRegisteredAt } from '../state/agent';
import { itemId } from '../state/item-view';
import { finishAction, runEffect } from './effects';
import { QUEUE_DELAY_MS, type EffectName, type TaskTemplate } from './templates';
import { jobArmId } from './job-view';

/** One lane = tasks run one after another for one item; a stage = lanes run side by side. */
export interface Lane {
  itemName?: string;
  tasks: TaskTemplate[];
}

export interface JobSpec {
  vaultKey: string;
  scenarioName: string;
  friendlyName: string;
  action: string;
  items: ItemRecord[];
  planName?: string;
  stages: Lane[][];
  target: { id: string; name: string; type: 'ProtectionEntity' | 'RecoveryPlan' };
  customDetails: Record<string, unknown>;
  input: Record<string, unknown>;
  /** Names of tasks the request made unnecessary: reported as skipped ("Other"). */
  skip?: string[];
}

type Pending = { at: number; job: JobRecord; apply: () => void };

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Runs jobs on the virtual clock. Nothing happens in the background: `process(now)` applies, in time
 * order, every job/task transition due by `now` (the simulator calls it before each request, on
 * advance(), and from a timer when the clock runs at a speed).
 */
export class JobEngine {
  /** Agents registering later: a change event is due for the item at that time. */
  private readonly agentTimers: { at: number; item: ItemRecord }[] = [];
  private stallNext = false;

  constructor(private readonly ctx: SimContext) {}

  create(spec: JobSpec): JobRecord {
    const now = this.ctx.clock.now();
    const scale = this.ctx.config.jobDurationScale;
    const tasks: TaskRecord[] = [];
    let stageStart = 0;
    for (const stage of spec.stages) {
      let stageEnd = stageStart;
      for (const lane of stage) {
        let offset = stageStart;
        const item = lane.itemName ? spec.items.find((i) => i.name === lane.itemName) : undefined;
        for (const t of lane.tasks) {
          const duration = Math.max(1, Math.round(t.seconds * 1000 * scale));
          tasks.push({
            // Item jobs carry ASR's fixed task ids; a plan job repeats tasks per VM, so they get GUIDs.
            taskId: spec.target.type === 'ProtectionEntity' && t.taskId ? t.taskId : newGuid(),
            name: t.name,
            friendlyName: spec.target.type === 'RecoveryPlan' && item ? `${t.friendlyName} (${item.friendlyName})` : t.friendlyName,
            startOffset: offset,
            duration,
            state: 'NotStarted',
            errors: [],
            itemName: item?.name,
            effect: t.effect,
            skipped: spec.skip?.includes(t.name) || undefined,
          });
          offset += duration;
        }
        stageEnd = Math.max(stageEnd, offset);
      }
      stageStart = stageEnd;
    }
    const job: JobRecord = {
      vaultKey: spec.vaultKey,
      name: newGuid(),
      scenarioName: spec.scenarioName,
      friendlyName: spec.friendlyName,
      state: 'NotStarted',
      createdAt: now,
      startTime: now + QUEUE_DELAY_MS,
      tasks,
      errors: [],
      activityId: `${newGuid()} ActivityId: ${newGuid()}`,
      targetObjectId: spec.target.id,
      targetObjectName: spec.target.name,
      targetInstanceType: spec.target.type,
      customDetails: spec.customDetails,
      itemNames: spec.items.map((i) => i.name),
      planName: spec.planName,
      scheduleShift: 0,
      before: {},
      action: spec.action,
      input: spec.input,
    };
    if (this.stallNext) {
      this.stallNext = false;
      job.stalledAt = job.startTime + 1;
    }
    this.occupy(job, spec.items, now);
    this.ctx.store.jobsOf(spec.vaultKey).unshift(job);
    this.emitJob(job, now);
    return job;
  }

  /** Marks the items busy with this job and remembers their state for cancel/failure. */
  private occupy(job: JobRecord, items: ItemRecord[], now: number): void {
    for (const item of items) {
      job.before[item.name] = clone(item.mutable);
      item.mutable.busy = { scenarioName: job.scenarioName, jobName: job.name, startTime: now };
      this.ctx.emit('item', itemId(this.ctx, item), now);
    }
    if (job.planName) {
      const plan = this.ctx.store.plan(job.vaultKey, job.planName);
      plan.busy = { scenarioName: job.scenarioName, jobName: job.name, startTime: now };
    }
  }

  stall(jobName?: string): void {
    const job = jobName ? this.ctx.store.allJobs().find((j) => j.name.toLowerCase() === jobName.toLowerCase()) : undefined;
    if (!jobName) {
      this.stallNext = true;
    } else if (job && (job.state === 'InProgress' || job.state === 'NotStarted')) {
      job.stalledAt = this.ctx.clock.now();
    }
  }

  unstallAll(): void {
    const now = this.ctx.clock.now();
    this.stallNext = false;
    for (const job of this.ctx.store.allJobs()) {
      if (job.stalledAt !== undefined) {
        job.scheduleShift += Math.max(0, now - job.stalledAt);
        job.stalledAt = undefined;
      }
    }
  }

  /** Applies every transition due by `now`, earliest first across all jobs. */
  process(now: number): void {
    for (;;) {
      const next = this.nextPending(now);
      if (!next) {
        break;
      }
      next.apply();
    }
    this.fireAgentTimers(now);
  }

  /** Virtual time of the next transition (for the real-time timer in speed mode). */
  nextEventTime(): number | undefined {
    const pending = this.nextPending(Number.POSITIVE_INFINITY);
    const agents = this.agentTimers.map((t) => t.at);
    const all = [...(pending ? [pending.at] : []), ...agents];
    return all.length ? Math.min(...all) : undefined;
  }

  private nextPending(horizon: number): Pending | undefined {
    let best: Pending | undefined;
    const consider = (p: Pending) => {
      if (p.at <= Math.min(horizon, p.job.stalledAt ?? Number.POSITIVE_INFINITY) && (!best || p.at < best.at)) {
        best = p;
      }
    };
    for (const job of this.ctx.store.allJobs()) {
      if (job.state !== 'NotStarted' && job.state !== 'InProgress') {
        continue;
      }
      const base = job.startTime + job.scheduleShift;
      if (job.state === 'NotStarted') {
        consider({ at: base, job, apply: () => this.startJob(job, base) });
        continue;
      }
      for (const task of job.tasks) {
        const start = base + task.startOffset;
        if (task.state === 'NotStarted') {
          consider({ at: start, job, apply: () => this.startTask(job, task, start) });
        } else if (task.state === 'InProgress') {
          const end = start + task.duration;
          consider({ at: end, job, apply: () => this.endTask(job, task, end) });
        }
      }
    }
    return best;
  }

  private startJob(job: JobRecord, at: number): void {
    job.state = 'InProgress';
    job.startTime = at - job.scheduleShift;
    this.emitJob(job, at);
    if (job.tasks.length === 0) {
      this.succeed(job, at);
    }
  }

  private startTask(job: JobRecord, task: TaskRecord, at: number): void {
    if (task.skipped) {
      // A skipped task keeps the unset times (V2AFailoverJob.294).
      task.state = 'Other';
      this.ctx.emit('task', `${job.name}/${task.taskId}`, at);
      this.succeedIfDone(job, at);
      return;
    }
    task.state = 'InProgress';
    task.startTime = at;
    this.ctx.emit('task', `${job.name}/${task.taskId}`, at);
  }

  private succeedIfDone(job: JobRecord, at: number): void {
    if (job.state === 'InProgress' && job.tasks.every((t) => t.state === 'Succeeded' || t.state === 'Other')) {
      this.succeed(job, at);
    }
  }

  private endTask(job: JobRecord, task: TaskRecord, at: number): void {
    const item = task.itemName ? this.ctx.store.findItem(job.vaultKey, task.itemName) : undefined;
    const error = task.effect && item ? runEffect(this.ctx, job, task.effect as EffectName, item, at) : undefined;
    task.endTime = at;
    if (item) {
      this.ctx.emit('item', itemId(this.ctx, item), at);
      const registersAt = agentRegisteredAt(this.ctx, item);
      if ((task.effect === 'startOnPremVm' || task.effect === 'startAzureVm') && registersAt !== undefined) {
        this.agentTimers.push({ at: registersAt, item });
      }
    }
    if (error) {
      task.state = 'Failed';
      const record = { ...error, creationTime: at, taskId: task.taskId };
      task.errors.push(record);
      job.errors.push(record);
      this.ctx.emit('task', `${job.name}/${task.taskId}`, at);
      this.end(job, 'Failed', at);
      return;
    }
    task.state = 'Succeeded';
    this.ctx.emit('task', `${job.name}/${task.taskId}`, at);
    this.succeedIfDone(job, at);
  }

  private succeed(job: JobRecord, at: number): void {
    for (const item of this.jobItems(job)) {
      item.mutable.busy = undefined;
      finishAction(this.ctx, job, item, at);
      this.ctx.emit('item', itemId(this.ctx, item), at);
    }
    this.finishPlan(job, at, true);
    job.state = 'Succeeded';
    job.endTime = at;
    this.emitJob(job, at);
  }

  /** Ends a job without success: running tasks stop, the VMs go back to where they were. */
  end(job: JobRecord, state: 'Failed' | 'Cancelled', at: number): void {
    for (const task of job.tasks) {
      if (task.state === 'InProgress') {
        task.state = 'Cancelled';
        task.endTime = at;
        this.ctx.emit('task', `${job.name}/${task.taskId}`, at);
      }
    }
    for (const item of this.jobItems(job)) {
      const before: ItemMutable | undefined = job.before[item.name];
      item.mutable = before ? clone(before) : item.mutable;
      item.mutable.busy = undefined;
      this.ctx.emit('item', itemId(this.ctx, item), at);
    }
    this.finishPlan(job, at, false);
    job.state = state;
    job.endTime = at;
    job.stalledAt = undefined;
    this.emitJob(job, at);
  }

  /** Runs a failed or cancelled job again from its first task. */
  restart(job: JobRecord, at: number): void {
    for (const task of job.tasks) {
      task.state = 'NotStarted';
      task.startTime = undefined;
      task.endTime = undefined;
      task.errors = [];
    }
    job.errors = [];
    job.state = 'NotStarted';
    job.startTime = at + QUEUE_DELAY_MS;
    job.scheduleShift = 0;
    job.endTime = undefined;
    this.occupy(job, this.jobItems(job), at);
    this.emitJob(job, at);
  }

  private jobItems(job: JobRecord): ItemRecord[] {
    return job.itemNames.map((n) => this.ctx.store.findItem(job.vaultKey, n)).filter((i): i is ItemRecord => i !== undefined);
  }

  private finishPlan(job: JobRecord, at: number, succeeded: boolean): void {
    if (!job.planName) {
      return;
    }
    const plan = this.ctx.store.plan(job.vaultKey, job.planName);
    plan.busy = undefined;
    if (succeeded && ['unplannedFailover', 'failoverToAzure', 'failoverToAzureRcm'].includes(job.action)) {
      plan.lastUnplannedFailoverTime = at;
    }
    // Assumed (not recorded): RecoveryPlan.lastTestFailoverTime is the end of the plan's last successful test failover.
    if (succeeded && job.action === 'testFailover') {
      plan.lastTestFailoverTime = at;
    }
    if (succeeded && job.action === 'plannedFailover') {
      plan.lastPlannedFailoverTime = at;
    }
  }

  private fireAgentTimers(now: number): void {
    for (let i = this.agentTimers.length - 1; i >= 0; i--) {
      const t = this.agentTimers[i];
      if (t.at <= now) {
        this.agentTimers.splice(i, 1);
        this.ctx.emit('item', itemId(this.ctx, t.item), t.at);
      }
    }
  }

  private emitJob(job: JobRecord, at: number): void {
    this.ctx.emit('job', jobArmId(this.ctx, job), at);
  }
}
