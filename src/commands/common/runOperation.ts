import * as vscode from 'vscode';
import type { FollowedJob, Services } from '../../services';
import type { JobInfo } from '../../domain/model';
import type { StartedOperation } from '../../azure/operations';
import { describeItem } from '../../domain/itemState';
import { describeError, errorSummary } from '../../domain/errors';
import { isSuccess, shutdownText, shutdownVerdict } from '../../domain/jobs';
import type { ItemTarget } from './targets';
import { failoverFinishedText } from '../../jobs/jobMessages';
import { recordJob, recordNote } from '../../workflows/runRecording';

/**
 * Sends one request per VM, at most one in flight per VM (double invocations are refused,
 * not queued), and follows each job. Failures are reported per VM; the others go on.
 */
export async function startItemOperations(
  services: Services,
  targets: ItemTarget[],
  what: string,
  send: (t: ItemTarget) => Promise<StartedOperation>,
  runId?: string,
): Promise<FollowedJob[]> {
  const jobs: FollowedJob[] = [];
  const failures: string[] = [];
  await Promise.all(
    targets.map(async (t) => {
      if (!services.inFlight.tryHold(t.item.id)) {
        failures.push(`${t.item.friendlyName}: a ${what.toLowerCase()} request is already on its way.`);
        return;
      }
      services.states.begin(t.item.id, { label: what, phase: 'sending' });
      try {
        const started = await send(t);
        services.log.info(
          `[${t.item.friendlyName}] ${what} accepted by Site Recovery${started.jobName ? ` (job ${started.jobName})` : ''}${started.reconciled ? ' — confirmed from the item after a transport error' : ''}.`,
        );
        if (started.jobName) {
          recordJob(services, runId, started.jobName, what, t.item.friendlyName);
          jobs.push(services.followJob(t.scope, t.item.vault, started.jobName, t.item.friendlyName, true, [t.item.id]));
        } else {
          services.states.end(t.item.id);
          failures.push(`${t.item.friendlyName}: ${what} was accepted, but Site Recovery named no job. Check the Jobs folder.`);
        }
      } catch (e) {
        services.states.end(t.item.id);
        const info = describeError(e);
        services.log.error(
          `[${t.item.friendlyName}] ${what} failed: ${errorSummary(info)}${info.possibleCauses ? `\n  Possible causes: ${info.possibleCauses}` : ''}${info.recommendedAction ? `\n  Recommended action: ${info.recommendedAction}` : ''}`,
        );
        failures.push(`${t.item.friendlyName}: ${errorSummary(info)}`);
        recordNote(
          services,
          runId,
          `${t.item.friendlyName}: ${what} could not start: ${errorSummary(info)}${info.recommendedAction ? ` Recommended action: ${info.recommendedAction}` : ''}`,
        );
      } finally {
        services.inFlight.release(t.item.id);
      }
    }),
  );
  services.tree.refresh();
  if (failures.length) {
    const show = 'Show Output';
    void vscode.window
      .showErrorMessage(`${what} could not start for ${failures.length} VM${failures.length === 1 ? '' : 's'}.`, { detail: failures.join('\n') }, show)
      .then((a) => a === show && services.log.show(true));
  }
  return jobs;
}

/**
 * Step 3 of the procedure: after the failover, show each VM's new state, check that
 * Site Recovery shut the Azure VM down (the job's shutdown task), note VMware tools for
 * Windows VMs, and offer Commit.
 */
/**
 * After the jobs: each VM read again into the store and its operation ended, so that what the
 * command says next (summary, next step) and every view agree with Site Recovery.
 */
export async function settle(services: Services, targets: ItemTarget[]): Promise<ItemTarget[]> {
  return Promise.all(
    targets.map(async (t) => {
      try {
        const item = await t.scope.queries.getItem(t.item);
        services.states.read([item]);
        return { ...t, item };
      } catch {
        return t;
      } finally {
        services.states.end(t.item.id);
      }
    }),
  );
}

/** `plan`: the recovery plan that failed over; its Commit commits the plan, as its menu would. */
export async function verifyFailover(services: Services, targets: ItemTarget[], finals: JobInfo[], plan?: unknown): Promise<void> {
  const lines: string[] = [];
  const fine: string[] = [];
  const problems: string[] = [];
  let allGood = true;
  const cancelledAll = finals.length > 0 && finals.every((j) => /^cancel/i.test(String(j.state)));
  for (const t of targets) {
    const job = finals.find((j) => j.targetObjectName === t.item.friendlyName) ?? (finals.length === 1 ? finals[0] : undefined);
    let state = '';
    try {
      const item = await t.scope.queries.getItem(t.item);
      services.states.read([item]);
      services.states.end(t.item.id);
      state = describeItem(item);
    } catch (e) {
      state = `state unknown (${describeError(e).message})`;
    }
    // Cancelled after the Azure VM was shut down: the item reads "replicating" again, yet the VM
    // runs nowhere. Only the job tells it, so the row and checklist carry it as a note (set after
    // the re-read, which would otherwise take it for news that supersedes it).
    if (job && /^cancel/i.test(String(job.state)) && shutdownVerdict(job) === 'shutDown') {
      services.states.setNote(t.item.id, 'failover cancelled after the Azure VM was shut down: start the Azure VM, or fail over again');
    }
    const verdict = shutdownVerdict(job);
    const ok = !!job && isSuccess(job.state);
    const good = ok && verdict !== 'notShutDown';
    allGood &&= good;
    (good ? fine : problems).push(t.item.friendlyName);
    const windows = /windows/i.test(t.item.osType ?? '');
    lines.push(`${t.item.friendlyName}: ${state}. ${shutdownText(verdict)}${windows && ok ? ' VMware tools re-enabled on the Windows VM.' : ''}`);
  }
  services.log.info(`Failover verification:\n  ${lines.join('\n  ')}`);
  // A cancelled failover was already announced once (with its job); nothing to verify or commit.
  if (cancelledAll) {
    services.tree.refresh();
    return;
  }
  services.walkthrough.complete('failover');
  services.tree.refresh();
  const commit = 'Commit';
  const answer = allGood
    ? await vscode.window.showInformationMessage(failoverFinishedText(fine, problems), { detail: lines.join('\n') }, commit, 'Later')
    : await vscode.window.showWarningMessage(failoverFinishedText(fine, problems), { detail: lines.join('\n') }, 'Show Output');
  if (answer === commit) {
    if (plan) await vscode.commands.executeCommand('siteRecovery.commitFailover', plan);
    else await vscode.commands.executeCommand('siteRecovery.commitFailover', undefined, undefined, { targets });
  }
  if (answer === 'Show Output') services.log.show(true);
}
