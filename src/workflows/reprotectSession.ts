import { beginItemsRun, endRun, recordJob, recordNote } from './runRecording';
import { namedId } from '../domain/runs/choices';
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { JobInfo, ReplicatedItem, VaultRef } from '../domain/model';
import type { ReprotectChoices } from '../azure/inputs';
import type { Scope } from '../scope';
import { countdownText, DEFAULT_AGENT_RETRY, type AgentRetryPolicy } from '../domain/agentWindow';
import { describeError, errorSummary } from '../domain/errors';
import { runReprotect, type ReprotectEvent } from './reprotectRunner';
import { describeItem } from '../domain/itemState';
import { itemActions } from '../domain/actions';
import { sameId, idKey } from '../domain/armId';

/** A reprotect waiting out the agent window, kept so that a window reload resumes it. */
export interface PendingReprotect {
  scopeKey: string;
  vault: VaultRef;
  item: Pick<ReplicatedItem, 'id' | 'name' | 'fabricName' | 'containerName' | 'friendlyName'>;
  choices: ReprotectChoices;
  /** Epoch ms (of the scope's clock) after which the agent window is over. */
  deadline: number;
}

export function agentPolicy(): AgentRetryPolicy {
  const minutes = vscode.workspace.getConfiguration('siteRecovery').get<number>('reprotect.agentWaitMinutes', 15);
  return { ...DEFAULT_AGENT_RETRY, windowMs: Math.max(1, minutes) * 60_000 };
}

function pending(services: Services): PendingReprotect[] {
  return services.store.pendingReprotects.get();
}

function setPending(services: Services, value: PendingReprotect[]): Thenable<void> {
  return services.store.pendingReprotects.set(value);
}

function eventText(name: string, e: ReprotectEvent): string {
  switch (e.kind) {
    case 'waitingForAgent':
      return `[${name}] Waiting for the on-premises agent to register (${countdownText(e.msLeft)} left)…`;
    case 'sent':
      return `[${name}] Reprotect sent (attempt ${e.attempt})${e.jobName ? `, job ${e.jobName}` : ''}.`;
    case 'agentNotReady':
      return `[${name}] The agent isn't registered yet; retrying in ${countdownText(e.nextTryInMs)} (window ${countdownText(e.msLeft)} left).`;
    case 'finished':
      return `[${name}] Reprotect ${String(e.job.state).toLowerCase()}.`;
    case 'gaveUp':
      return `[${name}] ${e.reason}`;
  }
}

/**
 * Runs one VM's reprotect through the agent window (workflows/reprotectRunner) with what a
 * person sees: log lines, a progress message with a countdown that ticks every second while
 * waiting, and a persisted record so that a reload picks the wait up again. At most one per VM.
 */
export async function reprotectOneVm(
  services: Services,
  scope: Scope,
  item: ReplicatedItem,
  choices: ReprotectChoices,
  policy: AgentRetryPolicy,
  report: (message: string) => void,
  signal: AbortSignal,
): Promise<JobInfo | undefined> {
  const name = item.friendlyName;
  const key = `${item.id}#reprotect`;
  if (!services.inFlight.tryHold(key)) {
    services.log.warn(`[${name}] A reprotect is already running for this VM.`);
    return undefined;
  }
  const clock = scope.clock;
  const record: PendingReprotect = {
    scopeKey: scope.key,
    vault: item.vault,
    item: { id: item.id, name: item.name, fabricName: item.fabricName, containerName: item.containerName, friendlyName: name },
    choices,
    deadline: clock.now() + policy.windowMs,
  };
  const others = pending(services).filter((p) => !sameId(p.item.id, item.id));
  if (!scope.practice) await setPending(services, [...others, record]);
  let waitingUntil: number | undefined;
  let waitingText = '';
  let attempt = 1;
  const tick = setInterval(() => {
    if (waitingUntil === undefined) return;
    report(`${name}: ${waitingText} ${countdownText(waitingUntil - clock.now())}`);
    // The row's countdown ("5:29 left") moves with the notification's.
    services.states.update(item.id, {});
  }, 1000);
  // The store shows the whole wait as one operation: attempts and time left, not failures.
  services.states.begin(item.id, { label: 'Reprotect', phase: 'sending', windowEndsAt: record.deadline });
  // One run for the whole wait: each attempt's job is one more job of it.
  const runId = await beginItemsRun(services, scope, [item], {
    operation: 'reprotectToAzure',
    choices: {
      processServer: namedId(choices.processServerId),
      policy: namedId(choices.policyId),
      masterTarget: choices.masterTargetId ? namedId(choices.masterTargetId) : undefined,
      runAsAccount: choices.runAsAccountId ? namedId(choices.runAsAccountId) : undefined,
    },
  });
  let final: JobInfo | undefined;
  try {
    final = await runReprotect(
      item,
      choices,
      {
        queries: scope.queries,
        operations: scope.operations,
        clock,
        policy,
        waitForJob: (jobName) => {
          recordJob(services, runId, jobName, 'Reprotect', name);
          return services.followJob(scope, item.vault, jobName, name, true, [item.id]).done;
        },
      },
      (e) => {
        const line = eventText(name, e);
        services.log.info(line);
        report(line.replace(/^\[[^\]]*\] /, `${name}: `));
        waitingUntil = e.kind === 'waitingForAgent' ? clock.now() + Math.min(policy.intervalMs, e.msLeft) : e.kind === 'agentNotReady' ? clock.now() + e.nextTryInMs : undefined;
        waitingText = e.kind === 'waitingForAgent' ? 'waiting for the agent to register; next check in' : 'agent not registered yet; retrying in';
        if (e.kind === 'sent') attempt = e.attempt;
        if (e.kind === 'waitingForAgent' || e.kind === 'agentNotReady') {
          services.states.update(item.id, {
            phase: 'waitingForAgent',
            attempt: e.kind === 'agentNotReady' ? attempt + 1 : attempt,
            nextTryAt: waitingUntil,
            windowEndsAt: record.deadline,
            task: undefined,
          });
        }
      },
      signal,
    );
    return final;
  } catch (e) {
    if ((e as Error).name === 'AbortError') {
      services.log.info(`[${name}] Stopped waiting for the agent; no reprotect is pending.`);
      return undefined;
    }
    services.log.error(`[${name}] Reprotect failed: ${errorSummary(describeError(e))}`);
    recordNote(services, runId, `Reprotect failed: ${errorSummary(describeError(e))}`);
    throw e;
  } finally {
    clearInterval(tick);
    await endRun(services, runId, final ? [final] : []);
    // Read the VM again before its operation ends: the summary and every view then agree.
    try {
      services.states.read([await scope.queries.getItem(item)]);
    } catch {
      // The next tree refresh reads it.
    }
    services.states.end(item.id);
    services.inFlight.release(key);
    await setPending(
      services,
      pending(services).filter((p) => !sameId(p.item.id, item.id)),
    );
  }
}

/**
 * After a reload: reprotects that were waiting out the agent window carry on, for the time
 * left of their window, once their account's scope is available again.
 */
const resuming = new Set<string>();

export async function resumePendingReprotects(services: Services): Promise<number> {
  const entries = pending(services).filter((e) => !resuming.has(idKey(e.item.id)));
  let resumed = 0;
  for (const entry of entries) {
    const scope = services.scope(entry.scopeKey);
    if (!scope) continue;
    const left = entry.deadline - scope.clock.now();
    if (left <= 0) {
      services.log.warn(`[${entry.item.friendlyName}] The agent window ended while VS Code was closed; reprotect again when the agent has registered.`);
      await setPending(
        services,
        pending(services).filter((p) => p !== entry && !sameId(p.item.id, entry.item.id)),
      );
      continue;
    }
    resumed++;
    const key = idKey(entry.item.id);
    resuming.add(key);
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Reprotect (resumed)', cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      const name = entry.item.friendlyName;
      try {
        let item = await scope.queries.getItem({ vault: entry.vault, ...entry.item });
        // A reprotect sent before the reload may still run: follow it instead of sending another.
        const running = item.currentOperation;
        if (running?.jobName) {
          progress.report({ message: `${name}: following the reprotect started before the reload…` });
          await services.followJob(scope, entry.vault, running.jobName, name).done;
          item = await scope.queries.getItem(item);
        }
        if (!itemActions(item).includes('reprotect')) {
          services.log.info(`[${name}] Nothing left to resume: ${describeItem(item)}.`);
          await setPending(
            services,
            pending(services).filter((p) => !sameId(p.item.id, key)),
          );
          return;
        }
        await reprotectOneVm(services, scope, item, entry.choices, { ...agentPolicy(), windowMs: left }, (message) => progress.report({ message }), abort.signal);
      } catch (e) {
        services.log.error(`[${name}] Resumed reprotect failed: ${errorSummary(describeError(e))}`);
      } finally {
        cancel.dispose();
        resuming.delete(key);
        services.tree.refresh();
      }
    });
  }
  return resumed;
}
