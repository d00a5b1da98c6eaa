// A run: one operation the extension started (or one found in the vault's job history), kept as
// evidence of what was done, by whom, with which choices, and how it went. Records hold only
// JSON data (strings, numbers, booleans, arrays, plain objects) so they can sit in VS Code's
// globalState and be written out as the report's JSON as they are.

/** Version of the record's shape; readers skip records of a newer version. */
export const RUN_SCHEMA_VERSION = 1;

/**
 * What a run did. `failover` and `reprotect` are for job-history runs only: Site Recovery's job
 * did not say which way the VMs went (plan jobs do not), and the report says so instead of guessing.
 */
export type RunOperation =
  | 'failback'
  | 'failoverToAzure'
  | 'testFailover'
  | 'cleanupTestFailover'
  | 'commit'
  | 'cancelFailover'
  | 'changeRecoveryPoint'
  | 'reprotectToAzure'
  | 'reprotectToOnPremises'
  | 'failover'
  | 'reprotect';

/** A VM as the run names it: its name, and the protected item's ARM id (or Site Recovery's id of the VM). */
export interface RunVm {
  name: string;
  id?: string;
}

/** VMs acted on one by one, or a recovery plan (with its VMs when known). */
export type RunTarget = { kind: 'vms'; vms: RunVm[] } | { kind: 'plan'; plan: { name: string; id?: string }; vms: RunVm[] };

/** A named choice (process server, policy, datastore…): the name shown to the user and the id sent. */
export interface RunNamed {
  name: string;
  id?: string;
}

export interface RunRecoveryPoint {
  /** The kind of point as the picker named it: "Latest (crash-consistent)", "Latest app-consistent". */
  label: string;
  /** 'latest' | 'appConsistent' | 'specific' (the extension's choice), or Site Recovery's recoveryPointType. */
  kind: string;
  /** The point's time (ISO, UTC) when known; for several VMs the oldest of their points. */
  time?: string;
  /** Minutes of writes lost compared with the newest point (0 for Latest); absent when unknown. */
  dataLossMinutes?: number;
  /** The sentence the confirmation showed ("Latest app-consistent point, 12:04 UTC (6 min before Latest)…"). */
  summary?: string;
  /** Site Recovery's id of a specific point. */
  pointId?: string;
}

/** Choices that can differ per VM (reprotect to on-premises picks a datastore per VM). */
export interface RunVmChoices {
  processServer?: RunNamed;
  masterTarget?: RunNamed;
  agent?: RunNamed;
  datastore?: RunNamed;
  retentionDrive?: string;
  runAsAccount?: RunNamed;
  logStorageAccount?: RunNamed;
  policy?: RunNamed;
}

/** What the user chose for the run; every field is optional: an operation sets what it asked. */
export interface RunChoices extends RunVmChoices {
  recoveryPoint?: RunRecoveryPoint;
  /** Test failover: the Azure network the test VMs joined. */
  network?: RunNamed;
  /** Test failover cleanup: the notes typed by the user. */
  comments?: string;
  /** Test failover cleanup: did the user say the test succeeded? */
  testSucceeded?: boolean;
  /** Planned failover: shut down the source VMs first? */
  shutdownSourceVms?: boolean;
  /** Choices that differ per VM, by VM name. */
  perVm?: Array<{ vm: string; choices: RunVmChoices }>;
}

export interface RunError {
  code?: string;
  message: string;
  possibleCauses?: string;
  recommendedAction?: string;
}

export interface RunTask {
  name: string;
  /** Site Recovery's state: Succeeded, Failed, InProgress, NotStarted, Other (with stateDescription "Skipped")… */
  state: string;
  stateDescription?: string;
  start?: string;
  end?: string;
  errors: RunError[];
}

/** One Site Recovery job of the run, as last read. */
export interface RunJob {
  /** The job's ARM name (a GUID). */
  name: string;
  id?: string;
  /** Site Recovery's words for the job: "Failover", "Commit". */
  friendlyName: string;
  /** Site Recovery's scenarioName: UnplannedFailover, CommitFailover, SwitchReplicationGroupProtection… */
  scenario: string;
  state: string;
  stateDescription?: string;
  /** The job's target (VM or plan) as Site Recovery names it. */
  targetName?: string;
  targetType?: string;
  start?: string;
  end?: string;
  tasks: RunTask[];
  errors: RunError[];
}

export type VmOutcomeKind = 'succeeded' | 'failed' | 'cancelled' | 'notStarted' | 'unknown';

export interface RunOutcome {
  /** The VM's name (for a plan job read from the job history: the plan's, see `detail`). */
  vm: string;
  outcome: VmOutcomeKind;
  detail?: string;
}

export interface RunRecord {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  id: string;
  /** 'extension': started and recorded by this extension; 'jobHistory': read from the vault's jobs. */
  source: 'extension' | 'jobHistory';
  vaultId: string;
  vaultName: string;
  /** The simulated practice vault: nothing in Azure changed. */
  practice: boolean;
  operation: RunOperation;
  target: RunTarget;
  /** The account that started the run, or "practice"; absent for job-history runs (not recorded there). */
  startedBy?: string;
  /** ISO, UTC. */
  startedAt: string;
  /** ISO, UTC; absent while the run goes on (or when the window closed before its end). */
  endedAt?: string;
  /** Absent for job-history runs: the job history does not record them. */
  choices?: RunChoices;
  jobs: RunJob[];
  /** Per VM; empty until the run ends. */
  outcomes: RunOutcome[];
  /** What a reader must know that no field says (e.g. VMs refused before any request was sent). */
  notes?: string[];
}

/** What a command hands to RunLog.start: the record without what the log fills in. */
export type NewRun = Omit<RunRecord, 'schemaVersion' | 'id' | 'source' | 'jobs' | 'outcomes' | 'startedAt'> & { startedAt?: string };

export const OPERATION_WORDS: Record<RunOperation, string> = {
  failback: 'Failback (failover from Azure to on-premises)',
  failoverToAzure: 'Failover to Azure',
  testFailover: 'Test failover',
  cleanupTestFailover: 'Test failover cleanup',
  commit: 'Commit',
  cancelFailover: 'Cancel failover',
  changeRecoveryPoint: 'Change recovery point',
  reprotectToAzure: 'Reprotect to Azure',
  reprotectToOnPremises: 'Reprotect to on-premises',
  failover: 'Failover (direction not stated by the job)',
  reprotect: 'Reprotect (direction not stated by the job)',
};

/** Short words for tables and pickers. */
export const OPERATION_SHORT: Record<RunOperation, string> = {
  failback: 'Failback',
  failoverToAzure: 'Failover to Azure',
  testFailover: 'Test failover',
  cleanupTestFailover: 'Test failover cleanup',
  commit: 'Commit',
  cancelFailover: 'Cancel failover',
  changeRecoveryPoint: 'Change recovery point',
  reprotectToAzure: 'Reprotect to Azure',
  reprotectToOnPremises: 'Reprotect to on-premises',
  failover: 'Failover',
  reprotect: 'Reprotect',
};

/** A record this version can read: an object of schema version 1 with the fields a report needs. */
export function isRunRecord(value: unknown): value is RunRecord {
  const r = value as Partial<RunRecord> | null;
  return (
    !!r &&
    typeof r === 'object' &&
    r.schemaVersion === RUN_SCHEMA_VERSION &&
    typeof r.id === 'string' &&
    typeof r.vaultId === 'string' &&
    typeof r.startedAt === 'string' &&
    typeof r.operation === 'string' &&
    !!r.target &&
    Array.isArray(r.jobs) &&
    Array.isArray(r.outcomes)
  );
}
