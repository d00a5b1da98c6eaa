import { PROPERTIES_SCHEME, type PropertiesDocuments } from './viewProperties';
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { JobInfo, VaultRef } from '../domain/model';
import type { Scope } from '../scope';
import type { RunRecord } from '../domain/runs/types';
import { jobsSinceFilter } from '../azure/jobFilters';
import { runsFromJobHistory } from '../domain/runs/fromJobs';
import { runReportJson, runReportMarkdown, type RunReportOptions } from '../domain/runs/report';
import { runPickLine, runTouches, type RunFocus } from '../domain/runs/select';
import { ItemNode } from '../tree/itemNode';
import { JobNode } from '../tree/jobsFolder';
import { PlanNode } from '../tree/plansFolder';
import { VaultNode } from '../tree/vaultNode';
import { pickVault, scopeOf } from './common/targets';
import { cancelled, showServiceError } from './common/ui';

const DAY_MS = 86_400_000;

/** Where the report is about: a vault, and within it a VM, a plan or a job when one was clicked. */
interface ReportScope {
  scope: Scope;
  vault: VaultRef;
  focus?: RunFocus;
  /** "VM web-01", "recovery plan P", "job Failover": for titles and messages. */
  focusWords?: string;
  /** A clicked job (with its agent-wait attempts), which can be reported on its own. */
  job?: { job: JobInfo; earlier: readonly JobInfo[] };
}

/**
 * Run report of a vault, VM, plan or job: pick runs the extension recorded (or read the vault's
 * job history of the last N days), open the Markdown, offer its preview and the JSON.
 */
export async function exportRunReport(services: Services, docs: PropertiesDocuments, clicked?: unknown): Promise<void> {
  try {
    const where = await reportScope(services, clicked);
    const picked = await pickRuns(services, where);
    if (!picked) return;
    if (picked.runs.length === 0) {
      await vscode.window.showInformationMessage(
        `Nothing to report for ${where.focusWords ?? where.vault.vaultName}: no failover, commit, cancel, change of recovery point, reprotect or test failover that has started.`,
      );
      return;
    }
    await showReport(services, docs, where, picked.runs, picked.jobHistory);
  } catch (e) {
    await showServiceError(services.log, 'Export run report', e);
  }
}

async function reportScope(services: Services, clicked: unknown): Promise<ReportScope> {
  const scope = scopeOf(clicked as { parent?: unknown } | undefined);
  if (scope && clicked instanceof ItemNode) {
    const i = clicked.item;
    return { scope, vault: i.vault, focus: { kind: 'vm', name: i.friendlyName, ids: [i.id, i.vmId, i.internalId] }, focusWords: `VM ${i.friendlyName}` };
  }
  if (scope && clicked instanceof PlanNode) {
    const p = clicked.plan;
    return { scope, vault: p.vault, focus: { kind: 'plan', name: p.name, id: p.id, friendlyName: p.friendlyName }, focusWords: `recovery plan ${p.friendlyName}` };
  }
  if (scope && clicked instanceof JobNode) {
    const job = clicked.job;
    return {
      scope,
      vault: job.vault,
      focus: { kind: 'job', jobName: job.name },
      focusWords: `job ${job.friendlyName}${job.targetObjectName ? ` (${job.targetObjectName})` : ''}`,
      job: { job, earlier: clicked.earlier },
    };
  }
  if (scope && clicked instanceof VaultNode) return { scope, vault: clicked.vault };
  // A folder of a vault (Replicated items, Jobs…) carries its vault.
  const vault = (clicked as { vault?: VaultRef } | undefined)?.vault;
  if (scope && vault?.id) return { scope, vault };
  const node = await pickVault(services);
  return { scope: node.scope, vault: node.vault };
}

type RunItem = vscode.QuickPickItem & { run?: RunRecord; action?: 'history' | 'thisJob' };

async function pickRuns(services: Services, where: ReportScope): Promise<{ runs: RunRecord[]; jobHistory?: RunReportOptions['jobHistory'] } | undefined> {
  // `services.runs`: the run log (src/state/runLog.ts), a member of Services.
  const recorded: RunRecord[] = services.runs.list(where.vault.id);
  const runs = recorded.filter((r) => !where.focus || runTouches(r, where.focus));
  const of = where.focusWords ?? `vault ${where.vault.vaultName}`;
  if (runs.length === 0 && !where.job) {
    const fromHistory = 'From Job History…';
    const answer = await vscode.window.showInformationMessage(
      `No runs of ${of} were recorded by this extension yet. Build a report from the vault's job history instead (jobs started in the portal, by scripts, or here)?`,
      fromHistory,
    );
    return answer === fromHistory ? fromJobHistory(where, []) : undefined;
  }
  const items: RunItem[] = [
    ...runs.map((run, i) => ({ ...runPickLine(run), run, picked: i === 0 })),
    { label: 'Other sources', kind: vscode.QuickPickItemKind.Separator },
    ...(where.job ? [{ label: '$(file) This job, as Site Recovery records it', description: where.focusWords, action: 'thisJob' as const }] : []),
    { label: "$(history) From the vault's job history, last N days…", description: 'jobs started in the portal, by scripts, or here', action: 'history' },
  ];
  const picks = await vscode.window.showQuickPick(items, {
    title: `Run report: ${of}`,
    placeHolder: runs.length ? 'Choose the runs to report on (newest first)' : 'This extension recorded no run of it: report from Site Recovery instead',
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!picks || picks.length === 0) return undefined;
  const chosen = picks.filter((p) => p.run).map((p) => p.run!);
  if (picks.some((p) => p.action === 'history')) return fromJobHistory(where, chosen);
  if (picks.some((p) => p.action === 'thisJob') && where.job) {
    const own = runsFromJobHistory([...where.job.earlier, where.job.job], { sinceMs: 0, now: where.scope.now() });
    return { runs: [...chosen, ...withoutRecorded(own, chosen)] };
  }
  return { runs: chosen };
}

/** Runs from the job history of the last N days (asked), besides the recorded runs chosen. */
async function fromJobHistory(where: ReportScope, chosen: RunRecord[]): Promise<{ runs: RunRecord[]; jobHistory: { days: number; since: Date } } | undefined> {
  const typed = await vscode.window.showInputBox({
    title: `Run report from the job history of ${where.vault.vaultName}`,
    prompt: 'How many days back? (1 to 90)',
    value: '7',
    ignoreFocusOut: true,
    validateInput: (v) => (parseDays(v) === undefined ? 'Type a whole number of days from 1 to 90.' : undefined),
  });
  if (typed === undefined) cancelled();
  const days = parseDays(typed)!;
  const now = where.scope.now();
  const since = new Date(now.getTime() - days * DAY_MS);
  const jobs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading the job history of ${where.vault.vaultName}…` }, () =>
    where.scope.queries.listJobs(where.vault, jobsSinceFilter(since)),
  );
  const history = runsFromJobHistory(jobs, { sinceMs: since.getTime(), now }).filter((r) => !where.focus || runTouches(r, where.focus));
  if (history.length === 0 && chosen.length === 0) {
    await vscode.window.showInformationMessage(
      `The job history of ${where.vault.vaultName} holds no failover, commit, cancel, change of recovery point, reprotect or test failover${where.focusWords ? ` of ${where.focusWords}` : ''} in the last ${days} day${days === 1 ? '' : 's'}.`,
    );
    return undefined;
  }
  return { runs: [...chosen, ...withoutRecorded(history, chosen)], jobHistory: { days, since } };
}

/** "7" → 7; anything but a whole number from 1 to 90 → undefined. */
export function parseDays(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,2}$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= 90 ? n : undefined;
}

/** Job-history runs whose jobs a recorded run already holds tell nothing new: left out. */
function withoutRecorded(history: readonly RunRecord[], recorded: readonly RunRecord[]): RunRecord[] {
  const known = new Set(recorded.flatMap((r) => r.jobs.map((j) => j.name.toLowerCase())));
  return history.filter((r) => !r.jobs.some((j) => known.has(j.name.toLowerCase())));
}

/**
 * The report opens read-only (nothing to lose, no save prompt when it is closed); "Save
 * Markdown…" and "Save JSON…" write it where the user says.
 */
async function showReport(services: Services, docs: PropertiesDocuments, where: ReportScope, runs: RunRecord[], jobHistory?: RunReportOptions['jobHistory']): Promise<void> {
  const opts: RunReportOptions = { now: where.scope.now(), vaultName: where.vault.vaultName, vaultId: where.vault.id, jobHistory };
  const markdown = runReportMarkdown(runs, opts);
  const uri = vscode.Uri.from({ scheme: PROPERTIES_SCHEME, path: `/${reportFileName(where, opts, 'md')}` });
  docs.set(uri, markdown);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  await vscode.window.showTextDocument(doc, { preview: false });
  services.log.info(
    `Run report of ${where.focusWords ?? `vault ${where.vault.vaultName}`}: ${runs.length} run${runs.length === 1 ? '' : 's'}${jobHistory ? `, job history of ${jobHistory.days} days` : ''}.`,
  );
  const preview = 'Open Preview';
  const saveMd = 'Save Markdown…';
  const save = 'Save JSON…';
  let offered = [preview, saveMd, save];
  for (;;) {
    const answer = await vscode.window.showInformationMessage(`Run report: ${runs.length} run${runs.length === 1 ? '' : 's'} of ${where.vault.vaultName}.`, ...offered);
    if (answer === preview) await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
    else if (answer === save) await saveAs(where, opts, 'json', `${JSON.stringify(runReportJson(runs, opts), null, 2)}\n`);
    else if (answer === saveMd) await saveAs(where, opts, 'md', markdown);
    else return;
    offered = offered.filter((o) => o !== answer);
    if (offered.length === 0) return;
  }
}

function reportFileName(where: ReportScope, opts: RunReportOptions, ext: 'md' | 'json'): string {
  return `site-recovery-runs-${where.vault.vaultName.replace(/[^\w.-]+/g, '_').slice(0, 60)}-${opts.now.toISOString().slice(0, 10)}.${ext}`;
}

async function saveAs(where: ReportScope, opts: RunReportOptions, ext: 'md' | 'json', text: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    title: `Save the run report as ${ext === 'md' ? 'Markdown' : 'JSON'}`,
    filters: ext === 'md' ? { Markdown: ['md'] } : { JSON: ['json'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, reportFileName(where, opts, ext)) : undefined,
    saveLabel: 'Save',
  });
  if (!uri) return;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Run report saved as ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}.`);
}
