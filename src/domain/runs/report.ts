// The run report: Markdown for a reader who was not there (what was done, by whom, with which
// choices, step by step with times, the outcome per VM, failures with Site Recovery's causes and
// recommended actions), and the same runs as JSON of a documented schema (docs/run-report.md).
// Text from Azure or users is escaped so it reads as plain text and never breaks a table.
import { spanText } from '../jobs';
import { spanText as minutesText } from '../recoveryPoints';
import { NOT_IN_JOB_HISTORY, sameError } from './fromJobs';
import { storable } from './redact';
import { effectiveOutcomes, runOutcomeWord, targetWords } from './select';
import { OPERATION_SHORT, OPERATION_WORDS, type RunChoices, type RunError, type RunJob, type RunNamed, type RunRecord, type RunVmChoices } from './types';

export const RUN_REPORT_SCHEMA = 'site-recovery-run-report/1';

export interface RunReportDocument {
  schema: typeof RUN_REPORT_SCHEMA;
  /** ISO, UTC. */
  generatedAt: string;
  vault: { id?: string; name: string; practice: boolean };
  /** Present when the runs were read from the vault's job history. */
  jobHistory?: { days: number; since: string };
  runs: RunRecord[];
}

export interface RunReportOptions {
  now: Date;
  vaultName: string;
  vaultId?: string;
  /** The runs were read from the vault's job history of the last `days` days, since `since`. */
  jobHistory?: { days: number; since: Date };
}

// ---------------------------------------------------------------------------------------------
// Markdown pieces

/**
 * Inline text, safe in a paragraph, list item or table cell and still plain to read: line
 * breaks become spaces, `|` and the characters that start emphasis, code, links or HTML are
 * backslash-escaped (an underscore inside a word needs none), as are entity references.
 */
export function mdText(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** An id in a code span; text that a code span cannot hold (a backtick, a `|` in a table) is escaped instead. */
export function mdCode(text: string): string {
  return /[`|\r\n]/.test(text) ? mdText(text) : `\`${text}\``;
}

/** A GFM table: header, delimiter row, rows. Cells are given already escaped. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** "2021-04-06T09:50:12Z": ISO 8601 in UTC to the second; "—" when unknown. */
export function utcText(iso: string | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** "4 min 12 s" between two ISO times; "< 1 s"; "" when either is missing. */
export function durationBetween(start: string | undefined, end: string | undefined): string {
  if (!start || !end) return '';
  const ms = Date.parse(end) - Date.parse(start);
  if (Number.isNaN(ms)) return '';
  return ms < 500 ? '< 1 s' : spanText(ms);
}

/** Site Recovery's state, readable: "Succeeded", "Skipped" (Other), "In progress", "Completed with information". */
export function stateText(state: string, description?: string): string {
  if (/^other$/i.test(state)) return description || 'Other';
  const spaced = state.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced ? spaced[0].toUpperCase() + spaced.slice(1) : 'Unknown';
}

const OUTCOME_TEXT: Record<string, string> = { succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled', notStarted: 'Not started', unknown: 'Unknown' };

function duration(start: string | undefined, end: string | undefined, running: boolean): string {
  return durationBetween(start, end) || (running && start ? 'still running when read' : '—');
}

const isRunning = (state: string): boolean => /^(inprogress|notstarted|suspended|cancelling)$/i.test(state);

function named(n: RunNamed): string {
  return n.id && n.id !== n.name ? `${mdText(n.name)} (${mdCode(n.id)})` : mdText(n.name);
}

function vmChoiceLines(c: RunVmChoices): string[] {
  const out: string[] = [];
  if (c.processServer) out.push(`Process server: ${named(c.processServer)}`);
  if (c.masterTarget) out.push(`Master target server: ${named(c.masterTarget)}`);
  if (c.agent) out.push(`Reprotect agent: ${named(c.agent)}`);
  if (c.datastore) out.push(`Datastore: ${named(c.datastore)}`);
  if (c.retentionDrive) out.push(`Retention drive: ${mdText(c.retentionDrive)}`);
  if (c.runAsAccount) out.push(`Run-as account: ${named(c.runAsAccount)}`);
  if (c.logStorageAccount) out.push(`Log storage account: ${named(c.logStorageAccount)}`);
  if (c.policy) out.push(`Replication policy: ${named(c.policy)}`);
  return out;
}

function lossText(minutes: number | undefined): string {
  if (minutes === undefined) return 'data-loss window not known';
  if (minutes <= 0) return 'no data loss compared with the newest recovery point';
  return `data-loss window ${minutesText(minutes)}: writes in the ${minutesText(minutes)} before the newest recovery point are lost`;
}

function choiceLines(c: RunChoices): string[] {
  const out: string[] = [];
  const rp = c.recoveryPoint;
  if (rp) {
    out.push(`Recovery point: ${mdText(rp.label)}, point time ${rp.time ? utcText(rp.time) : 'not recorded'}; ${lossText(rp.dataLossMinutes)}`);
    if (rp.summary) out.push(`  As confirmed: ${mdText(rp.summary)}`);
    if (rp.pointId) out.push(`  Recovery point id: ${mdCode(rp.pointId)}`);
  }
  out.push(...vmChoiceLines(c));
  if (c.network) out.push(`Test network: ${named(c.network)}`);
  if (c.shutdownSourceVms !== undefined) out.push(`Shut down the source VMs first: ${c.shutdownSourceVms ? 'yes' : 'no'}`);
  if (c.testSucceeded !== undefined) out.push(`Test recorded as successful: ${c.testSucceeded ? 'yes' : 'no'}`);
  if (c.comments !== undefined) out.push(`Notes: ${c.comments.trim() ? mdText(c.comments) : '(none typed)'}`);
  for (const v of c.perVm ?? []) {
    const lines = vmChoiceLines(v.choices);
    if (lines.length) out.push(`For ${mdText(v.vm)}: ${lines.join('; ')}`);
  }
  return out;
}

function startedByText(run: RunRecord): string {
  if (run.source === 'jobHistory') return 'not in the job history';
  if (run.practice) return 'practice (simulated vault)';
  return run.startedBy ? mdText(run.startedBy) : 'not recorded';
}

function timelineRows(jobs: readonly RunJob[], manyTargets: boolean): string[][] {
  const rows: string[][] = [];
  for (const job of sortedJobs(jobs)) {
    const target = manyTargets && job.targetName ? ` — ${mdText(job.targetName)}` : '';
    rows.push([
      `**Job: ${mdText(job.friendlyName)}**${target} (${mdCode(job.name)})`,
      mdText(stateText(job.state, job.stateDescription)),
      utcText(job.start),
      utcText(job.end),
      duration(job.start, job.end, isRunning(job.state)),
    ]);
    for (const t of job.tasks) {
      rows.push([`↳ ${mdText(t.name)}`, mdText(stateText(t.state, t.stateDescription)), utcText(t.start), utcText(t.end), duration(t.start, t.end, isRunning(t.state))]);
    }
  }
  return rows;
}

function sortedJobs(jobs: readonly RunJob[]): RunJob[] {
  const at = (j: RunJob): number => (j.start ? Date.parse(j.start) : Number.POSITIVE_INFINITY);
  return [...jobs].sort((a, b) => at(a) - at(b));
}

function errorLines(where: string, e: RunError): string[] {
  const head = `${where}: ${e.code ? `error ${mdCode(e.code)}: ` : ''}${mdText(e.message)}`;
  return [
    head,
    ...(e.possibleCauses ? [`   - Possible causes: ${mdText(e.possibleCauses)}`] : []),
    `   - Recommended action: ${e.recommendedAction ? mdText(e.recommendedAction) : 'none given by Site Recovery'}`,
  ];
}

function failureLines(jobs: readonly RunJob[]): string[] {
  const out: string[] = [];
  let n = 0;
  for (const job of sortedJobs(jobs)) {
    const jobWords = `Job "${mdText(job.friendlyName)}"${job.targetName ? ` on ${mdText(job.targetName)}` : ''} (${mdCode(job.name)})`;
    // A task's error first (it says where); the job's copy of it is not repeated.
    for (const t of job.tasks) {
      for (const e of t.errors) {
        const [head, ...rest] = errorLines(`${jobWords}, task "${mdText(t.name)}"`, e);
        out.push(`${++n}. ${head}`, ...rest);
      }
    }
    for (const e of job.errors.filter((e) => !job.tasks.some((t) => t.errors.some((te) => sameError(te, e))))) {
      const [head, ...rest] = errorLines(jobWords, e);
      out.push(`${++n}. ${head}`, ...rest);
    }
  }
  return out;
}

function runTitle(run: RunRecord): string {
  return `${OPERATION_SHORT[run.operation]}: ${mdText(targetWords(run.target))}`;
}

function runSection(run: RunRecord, index: number, now: Date): string[] {
  const out: string[] = [`## ${index}. ${runTitle(run)} — ${runOutcomeWord(run)}`, ''];
  const target =
    run.target.kind === 'plan'
      ? `recovery plan ${named(run.target.plan)}${run.target.vms.length ? `; VMs: ${run.target.vms.map(named).join(', ')}` : '; its VMs are not named by the job history'}`
      : `${run.target.vms.length === 1 ? 'VM' : 'VMs'} ${run.target.vms.map(named).join(', ')}`;
  out.push(
    `- Operation: ${OPERATION_WORDS[run.operation]}`,
    `- Target: ${target}`,
    `- Started by: ${startedByText(run)}`,
    `- Started: ${utcText(run.startedAt)}`,
    `- Ended: ${run.endedAt ? utcText(run.endedAt) : `not ended when the report was built (${utcText(now.toISOString())})`}`,
    `- Duration: ${durationBetween(run.startedAt, run.endedAt) || '—'}`,
    `- Recorded by: ${run.source === 'jobHistory' ? "the vault's job history (the run may have been started in the portal, by a script, or by this extension)" : 'this extension, as the run went'}`,
  );
  if (run.practice) out.push('- Practice vault: simulated, nothing in Azure changed');
  out.push('');

  if (run.source === 'jobHistory') {
    out.push(
      '### What the job history cannot tell',
      '',
      `Site Recovery's job history does not record ${NOT_IN_JOB_HISTORY.join(', nor ')}. These are left out of this run, not guessed.`,
      '',
    );
  } else {
    const lines = run.choices ? choiceLines(run.choices) : [];
    out.push('### Choices', '', ...(lines.length ? lines.map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- ${l}`)) : ['No choices were asked for this operation.']), '');
  }

  out.push('### Timeline', '');
  if (run.jobs.length) out.push(...mdTable(['Step', 'State', 'Start (UTC)', 'End (UTC)', 'Duration'], timelineRows(run.jobs, run.target.vms.length > 1)));
  else out.push('No Site Recovery job was started.');
  out.push('');

  out.push('### Outcome per VM', '');
  const outcomes = effectiveOutcomes(run);
  if (!run.outcomes.length && outcomes.length) out.push('The run was not finished when last recorded; these are its jobs as last read.', '');
  out.push(
    ...mdTable(
      ['VM', 'Outcome', 'Detail'],
      outcomes.map((o) => [mdText(o.vm), OUTCOME_TEXT[o.outcome] ?? mdText(o.outcome), o.detail ? mdText(o.detail) : '']),
    ),
    '',
  );

  out.push('### Failures', '');
  const failures = failureLines(run.jobs);
  out.push(...(failures.length ? failures : ['None reported by Site Recovery.']), '');

  if (run.notes?.length) out.push('### Notes', '', ...run.notes.map((n) => `- ${mdText(n)}`), '');
  return out;
}

function periodOf(runs: readonly RunRecord[]): { from?: string; to?: string } {
  const starts = runs.map((r) => Date.parse(r.startedAt)).filter((n) => !Number.isNaN(n));
  const ends = runs.map((r) => Date.parse(r.endedAt ?? r.startedAt)).filter((n) => !Number.isNaN(n));
  return starts.length ? { from: new Date(Math.min(...starts)).toISOString(), to: new Date(Math.max(...ends)).toISOString() } : {};
}

/** Runs in the order a report lists them: oldest first, so the story reads forward. */
function ordered(runs: readonly RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/** The report in Markdown (CommonMark with GFM tables). */
export function runReportMarkdown(runs: readonly RunRecord[], opts: RunReportOptions): string {
  const list = ordered(storable([...runs]));
  const practice = list.some((r) => r.practice);
  const fromHistory = list.filter((r) => r.source === 'jobHistory').length;
  const out: string[] = [`# Site Recovery run report: ${mdText(opts.vaultName)}`, ''];
  out.push(`- Vault: ${mdText(opts.vaultName)}${opts.vaultId ? ` (${mdCode(opts.vaultId)})` : ''}${practice ? ' — practice vault: simulated, nothing in Azure changed' : ''}`);
  out.push(`- Generated: ${utcText(opts.now.toISOString())}`);
  if (opts.jobHistory) {
    out.push(
      `- Period: the vault's job history of the last ${opts.jobHistory.days} day${opts.jobHistory.days === 1 ? '' : 's'}, ${utcText(opts.jobHistory.since.toISOString())} to ${utcText(opts.now.toISOString())}`,
    );
  } else {
    const p = periodOf(list);
    out.push(`- Period: ${p.from ? `${utcText(p.from)} to ${utcText(p.to)}` : 'no runs'}`);
  }
  out.push(`- Runs: ${list.length}${fromHistory ? ` (${fromHistory} read from the vault's job history)` : ''}`);
  out.push("- Times: UTC, ISO 8601 (the Z suffix). Durations are from Site Recovery's job and task times.");
  out.push('');
  if (fromHistory) {
    out.push(
      `Runs read from the job history show what Site Recovery ran and how it went. The job history does not record ${NOT_IN_JOB_HISTORY.join(', nor ')}: those are left out, not guessed.`,
      '',
    );
  }
  out.push('## Summary', '');
  if (list.length === 0) out.push('No runs.', '');
  else {
    out.push(
      ...mdTable(
        ['#', 'Operation', 'Target', 'Started (UTC)', 'Duration', 'Outcome', 'Started by', 'Source'],
        list.map((r, i) => [
          String(i + 1),
          OPERATION_SHORT[r.operation],
          mdText(targetWords(r.target)),
          utcText(r.startedAt),
          durationBetween(r.startedAt, r.endedAt) || '—',
          runOutcomeWord(r),
          startedByText(r),
          r.source === 'jobHistory' ? 'job history' : 'this extension',
        ]),
      ),
      '',
    );
  }
  list.forEach((run, i) => out.push(...runSection(run, i + 1, opts.now)));
  out.push('---', '', 'Built by the Site Recovery: VMware Failback extension. Records hold no tokens, keys or Authorization headers.', '');
  return out.join('\n');
}

/** The same runs as a JSON document (schema "site-recovery-run-report/1", docs/run-report.md). */
export function runReportJson(runs: readonly RunRecord[], opts: Partial<RunReportOptions> = {}): RunReportDocument {
  const list = ordered(storable([...runs]));
  const now = opts.now ?? new Date();
  return {
    schema: RUN_REPORT_SCHEMA,
    generatedAt: now.toISOString(),
    vault: { id: opts.vaultId ?? list[0]?.vaultId, name: opts.vaultName ?? list[0]?.vaultName ?? '', practice: list.some((r) => r.practice) },
    ...(opts.jobHistory ? { jobHistory: { days: opts.jobHistory.days, since: opts.jobHistory.since.toISOString() } } : {}),
    runs: list,
  };
}
