import * as vscode from 'vscode';
import type { Services } from '../services';
import { isSuccess, isTerminal } from '../domain/jobs';
import { precheckAction } from '../domain/prechecks';
import { cleanupComments, COMMENTS_LIMIT, testEnvironmentAge } from '../domain/drills';
import type { PlanNode } from '../tree/plansFolder';
import { refreshItems, resolveTargets, type ItemTarget } from './common/targets';
import { acceptPartial, cancelled, showServiceError } from './common/ui';
import { settle, startItemOperations } from './common/runOperation';
import { runPlanOperation } from './common/planOperation';
import { vmsText } from './common/towardsAzure';
import { beginItemsRun, endRun } from '../workflows/runRecording';

/**
 * Ends a test failover: Site Recovery deletes the test VMs and keeps the drill's notes (the
 * cleanup's comments) with the job; the notes start with whether the test succeeded.
 */
export async function cleanupTestFailover(services: Services, clicked?: unknown, selected?: unknown, hint?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'cleanupTestFailover', clicked, selected, hint);
    if (target.kind === 'plan') return await cleanupPlan(services, target.node);
    await cleanupItems(services, target.items);
  } catch (e) {
    await showServiceError(services.log, 'Test failover cleanup', e);
  }
}

/** Whether the test succeeded and the notes, asked before anything is sent. */
async function askDrillNotes(what: string, ageText: string | undefined): Promise<{ succeeded: boolean; comments: string }> {
  const outcome = await vscode.window.showQuickPick(
    [
      { label: 'The test succeeded', description: 'the test VMs started and the applications worked', succeeded: true },
      { label: 'The test failed', description: 'something did not work: say what in the notes', succeeded: false },
    ],
    { title: `Clean up the test failover of ${what}: how did the test go?`, placeHolder: ageText, ignoreFocusOut: true },
  );
  if (!outcome) cancelled();
  const notes = await vscode.window.showInputBox({
    title: `Clean up the test failover of ${what}: drill notes`,
    prompt: 'Site Recovery keeps these notes with the cleanup job (optional). Enter to clean up, Escape to stop.',
    placeHolder: 'e.g. app checked by the on-call team, logon works, RTO 14 min',
    ignoreFocusOut: true,
    validateInput: (v) => (cleanupComments(outcome.succeeded, v).length > COMMENTS_LIMIT ? `Notes are limited to ${COMMENTS_LIMIT} characters with the outcome.` : undefined),
  });
  if (notes === undefined) cancelled();
  return { succeeded: outcome.succeeded, comments: cleanupComments(outcome.succeeded, notes) };
}

async function cleanupItems(services: Services, chosen: ItemTarget[]): Promise<void> {
  const fresh = await refreshItems(chosen);
  const check = precheckAction(
    fresh.map((t) => t.item),
    'cleanupTestFailover',
  );
  if (!(await acceptPartial('Clean up', check.refused, check.ready.length))) return;
  const ready = fresh.filter((t) => check.ready.includes(t.item));
  const now = ready[0].scope.clock.now();
  const ages = ready.map((t) => testEnvironmentAge(t.item, now)).filter((a): a is string => !!a);
  const { comments, succeeded } = await askDrillNotes(vmsText(ready.map((t) => t.item)), ages[0]);
  const runId = await beginItemsRun(
    services,
    ready[0].scope,
    ready.map((t) => t.item),
    { operation: 'cleanupTestFailover', choices: { comments, testSucceeded: succeeded } },
  );
  const jobs = await startItemOperations(services, ready, 'Test failover cleanup', (t) => t.scope.operations.cleanupTestFailoverItem(t.item, comments), runId);
  if (jobs.length === 0) return endRun(services, runId, []);
  const finals = await services.withJobProgress(`Cleaning up the test failover of ${vmsText(ready.map((t) => t.item))}`, jobs);
  await endRun(services, runId, finals);
  await settle(services, ready);
  if (finals.every((j) => isTerminal(j.state)))
    announce(
      services,
      finals.every((j) => isSuccess(j.state)),
    );
}

function announce(services: Services, ok: boolean): void {
  if (ok) {
    services.walkthrough.complete('cleanupTestFailover');
    void vscode.window.showInformationMessage('Test failover cleaned up: the test VMs are deleted and the drill notes are kept with the job.');
  } else void vscode.window.showWarningMessage('Test failover cleanup finished with problems: see the job output.');
}

async function cleanupPlan(services: Services, node: PlanNode): Promise<void> {
  const { comments, succeeded } = await askDrillNotes(`recovery plan ${node.plan.friendlyName}`, undefined);
  const finals = await runPlanOperation(
    services,
    node,
    'cleanupTestFailover',
    'Test failover cleanup',
    {
      message: (p) => `Clean up the test failover of recovery plan ${p.friendlyName}?`,
      detail: `Site Recovery deletes the plan's test VMs. Notes: ${comments}`,
      button: 'Clean Up',
    },
    (p) => node.scope.operations.cleanupTestFailoverPlan(p, comments),
    { operation: 'cleanupTestFailover', members: await node.members(), choices: { comments, testSucceeded: succeeded } },
  );
  if (finals && finals.every((j) => isTerminal(j.state)))
    announce(
      services,
      finals.every((j) => isSuccess(j.state)),
    );
}
