// Each operation a command starts is recorded as a run (the run report's evidence): begun once
// the user has confirmed, before the first request; its jobs added as Site Recovery names them
// (the job tracker keeps them current); ended with the jobs as last read. Recording never stands
// in the way of the operation: a failure to record is logged, not thrown.
import type { Services } from '../services';
import type { Scope } from '../scope';
import type { JobInfo, RecoveryPlanInfo, ReplicatedItem, VaultRef } from '../domain/model';
import type { RunChoices, RunOperation, RunTarget } from '../domain/runs/types';
import { itemsTarget, planTarget } from '../domain/runs/choices';
import { runJob } from '../domain/runs/fromJobs';

export interface RunStart {
  operation: RunOperation;
  choices?: RunChoices;
}

async function begin(services: Services, scope: Scope, vault: VaultRef, target: RunTarget, run: RunStart): Promise<string | undefined> {
  try {
    return await services.runs.start({
      vaultId: vault.id,
      vaultName: vault.vaultName,
      practice: !!vault.practice,
      operation: run.operation,
      target,
      startedBy: scope.practice ? 'practice' : await services.account.accountLabel(),
      startedAt: new Date(scope.clock.now()).toISOString(),
      choices: run.choices,
    });
  } catch (e) {
    services.log.warn(`Run report: the run could not be recorded (${e instanceof Error ? e.message : String(e)}).`);
    return undefined;
  }
}

export function beginItemsRun(services: Services, scope: Scope, items: readonly ReplicatedItem[], run: RunStart): Promise<string | undefined> {
  return begin(services, scope, items[0].vault, itemsTarget(items), run);
}

export function beginPlanRun(services: Services, scope: Scope, plan: RecoveryPlanInfo, members: readonly ReplicatedItem[], run: RunStart): Promise<string | undefined> {
  return begin(services, scope, plan.vault, planTarget(plan, members), run);
}

/** A job Site Recovery named for the run (read in full later by the tracker). */
export function recordJob(services: Services, runId: string | undefined, jobName: string, what: string, target: string): void {
  if (!runId) return;
  void services.runs.addJob(runId, { name: jobName, friendlyName: what, scenario: what, state: 'NotStarted', targetName: target, tasks: [], errors: [] });
}

export function recordNote(services: Services, runId: string | undefined, note: string): void {
  if (runId) void services.runs.addNote(runId, note);
}

/** The run ends with its jobs as last read; outcomes per VM come from them. */
export async function endRun(services: Services, runId: string | undefined, finals: readonly JobInfo[]): Promise<void> {
  if (!runId) return;
  for (const job of finals) await services.runs.updateJob(runId, runJob(job));
  await services.runs.finish(runId);
}
