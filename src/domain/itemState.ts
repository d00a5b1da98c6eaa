import type { ReplicatedItem } from './model';
import { replicatesToOnPremises } from './providers';
import { testEnvironmentAge } from './drills';
import { replicationRpo, rpoState } from './rpo';

/**
 * Where an item stands in the replication cycle (to Azure → failed over to Azure → reprotected
 * to on-premises → failed back → reprotected to Azure). Derived from what Site Recovery says
 * (provider, allowedOperations, protectionState, activeLocation), never from what we last did.
 * The states are the ones the recorded live-vault traffic shows (test/fixtures/recorded/).
 */
export type FailbackPhase =
  | 'operationRunning'
  /** InMage / InMageRcmFailback, Protected: the VM runs in Azure and replicates home. */
  | 'readyToFailBack'
  /** InMage / InMageRcmFailback after the failback's failover: the on-premises VM runs, commit pending. */
  | 'awaitingCommit'
  /** Failback committed: the VM runs on-premises, unprotected until reprotected to Azure. */
  | 'needsReprotect'
  /** InMageAzureV2 / InMageRcm, Protected: the VM runs on-premises and replicates to Azure. */
  | 'replicatingToAzure'
  /** InMageAzureV2 / InMageRcm after a failover to Azure: the Azure VM runs, commit pending. */
  | 'failedOverToAzure'
  /** Failover to Azure committed: the VM runs in Azure until reprotected to on-premises. */
  | 'runningInAzure'
  | 'notReady'
  | 'unsupported';

/** Where the VM runs now, as the provider and Site Recovery's activeLocation say. */
export type RunsIn = 'azure' | 'onPremises' | 'unknown';

const has = (item: ReplicatedItem, op: string): boolean => item.allowedOperations.some((o) => o.toLowerCase() === op.toLowerCase());

/**
 * Committed failover. Recorded: classic InMageAzureV2 reports a committed failover to Azure as
 * "UnplannedFailoverStatesBegin" described "Failover committed"; others as "…FailoverCommitted".
 */
export function isCommitted(item: ReplicatedItem): boolean {
  return /FailoverCommitted$/i.test(item.protectionState) || /^Failover committed$/i.test(item.protectionStateDescription);
}

/** A failover finished and not yet committed: "…CommitPending…" states, or Commit allowed. */
function commitPending(item: ReplicatedItem): boolean {
  return has(item, 'Commit') || /CommitPending/i.test(item.protectionState);
}

export function failbackPhase(item: ReplicatedItem): FailbackPhase {
  if (!item.provider) return 'unsupported';
  // Recorded: an EnablingFailed item keeps naming its failed EnableProtection job as its current
  // scenario. A state that says the operation failed is not an operation in progress.
  if (item.currentOperation && !/Failed$/i.test(item.protectionState)) return 'operationRunning';
  if (replicatesToOnPremises(item.provider)) {
    // The replication runs from Azure (its primary) to on-premises.
    if (commitPending(item)) return 'awaitingCommit';
    if (isCommitted(item) || (has(item, 'SwitchProtection') && /^Recovery$/i.test(item.activeLocation ?? ''))) return 'needsReprotect';
    const failoverOp = item.provider === 'InMage' ? 'UnplannedFailover' : 'PlannedFailover';
    return has(item, failoverOp) ? 'readyToFailBack' : 'notReady';
  }
  // InMageAzureV2 / InMageRcm: the replication runs from on-premises (its primary) to Azure.
  if (commitPending(item)) return 'failedOverToAzure';
  if (isCommitted(item) || (has(item, 'SwitchProtection') && /^Recovery$/i.test(item.activeLocation ?? ''))) return 'runningInAzure';
  if (/^Protected$/i.test(item.protectionState)) return 'replicatingToAzure';
  return 'notReady';
}

/**
 * Where the VM runs. For InMage / InMageRcmFailback the primary is Azure; for InMageAzureV2 /
 * InMageRcm it is the on-premises site. activeLocation says which side is active.
 */
export function runsIn(item: ReplicatedItem): RunsIn {
  if (!item.provider) return 'unknown';
  const at = (item.activeLocation ?? '').toLowerCase();
  if (at !== 'primary' && at !== 'recovery') return 'unknown';
  const primaryIsAzure = replicatesToOnPremises(item.provider);
  return (at === 'primary') === primaryIsAzure ? 'azure' : 'onPremises';
}

const SCENARIO_WORDS: Record<string, string> = {
  UnplannedFailover: 'Failover',
  PlannedFailover: 'Planned failover',
  CommitFailover: 'Commit',
  SwitchProtection: 'Reprotect',
  SwitchReplicationGroupProtection: 'Reprotect',
  ReverseReplication: 'Reprotect',
  CancelFailover: 'Cancel failover',
  ChangePit: 'Change recovery point',
  DisableProtection: 'Disable replication',
  DisableDr: 'Disable replication',
  TestFailover: 'Test failover',
  TestFailoverCleanup: 'Test failover cleanup',
};

export function scenarioWords(scenarioName: string): string {
  return SCENARIO_WORDS[scenarioName] ?? scenarioName.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** Short state-and-direction text for the tree ("Failed back · commit pending"). */
export function describeItem(item: ReplicatedItem): string {
  switch (failbackPhase(item)) {
    case 'operationRunning':
      return `${scenarioWords(item.currentOperation!.scenarioName)} in progress`;
    case 'readyToFailBack':
      return 'Replicating to on-premises';
    case 'awaitingCommit':
      return 'Failed back · commit pending';
    case 'needsReprotect':
      return 'Failed back · reprotect to Azure';
    case 'replicatingToAzure':
      // A finished test failover keeps its test VM until cleaned up: Site Recovery allows the cleanup then.
      return has(item, 'TestFailoverCleanup') ? 'Test failover · clean up when done' : 'Replicating to Azure';
    case 'failedOverToAzure':
      return 'Failed over to Azure · commit pending';
    case 'runningInAzure':
      return 'Running in Azure · reprotect to on-premises';
    case 'unsupported':
      return `${item.providerInstanceType} · not a VMware failback item`;
    default: {
      const state = item.protectionStateDescription || item.protectionState || 'Unknown state';
      // Initial replication (recorded for all providers) says which way it runs.
      if (/^InitialReplication/i.test(item.protectionState)) return `${state} · to ${replicatesToOnPremises(item.provider) ? 'on-premises' : 'Azure'}`;
      return state;
    }
  }
}

/** What to do next, in a sentence; says so when the step is not one this extension performs. */
export function nextStepOf(item: ReplicatedItem): string {
  switch (failbackPhase(item)) {
    case 'operationRunning':
      return `Wait for "${scenarioWords(item.currentOperation!.scenarioName)}" to finish.`;
    case 'readyToFailBack':
      return 'Fail over from Azure to on-premises (Latest recovery point recommended).';
    case 'awaitingCommit':
      return item.provider === 'InMageRcmFailback' && has(item, 'SwitchProtection')
        ? 'Verify that the Azure VM is shut down and the on-premises VM runs, then commit, or reprotect to Azure (which commits the failover).'
        : 'Verify that the Azure VM is shut down and the on-premises VM runs, then commit.';
    case 'needsReprotect':
      return 'Reprotect to Azure, choosing the process server.';
    case 'replicatingToAzure':
      return has(item, 'TestFailoverCleanup')
        ? 'Check the test VM, then clean up the test failover (it deletes the test VM).'
        : 'Run a test failover to prove recovery works, or fail over to Azure in a disaster.';
    case 'failedOverToAzure':
      return 'Verify the Azure VM, then commit the failover to Azure (or reprotect to on-premises where Site Recovery allows it).';
    case 'runningInAzure':
      return 'Reprotect to on-premises (process server in Azure, master target or appliance on-premises), then fail back.';
    case 'unsupported':
      return 'None: this extension handles VMware replication (InMage, InMageAzureV2, InMageRcm, InMageRcmFailback).';
    default:
      if (/^InitialReplication/i.test(item.protectionState)) return 'Wait until initial replication finishes and Site Recovery has a recovery point.';
      return `None offered in the state "${item.protectionStateDescription || item.protectionState}".`;
  }
}

/** The tree's filter: part of the VM name or of its state text, case-insensitive. */
export function matchesItemFilter(item: ReplicatedItem, filter: string | undefined): boolean {
  const text = filter?.trim().toLowerCase();
  if (!text) return true;
  return item.friendlyName.toLowerCase().includes(text) || describeItem(item).toLowerCase().includes(text) || (item.protectionState ?? '').toLowerCase().includes(text);
}

export type HealthLevel = 'normal' | 'warning' | 'critical';

/** The worse of replication and failover health. */
export function healthLevel(item: ReplicatedItem): HealthLevel {
  const levels = [item.replicationHealth, item.failoverHealth].map((h) => (/critical/i.test(h ?? '') ? 2 : /warning/i.test(h ?? '') ? 1 : 0));
  const worst = Math.max(...levels);
  return worst === 2 ? 'critical' : worst === 1 ? 'warning' : 'normal';
}

/** RPO in the unit people read ("RPO 4 min", "RPO 2 h"), when Site Recovery reports one. */
export function rpoText(item: ReplicatedItem): string | undefined {
  return rpoState(item)?.text;
}

/**
 * The tree row's description: what runs on the VM, or its state and direction, with its health
 * when not normal and its RPO while it replicates, warned when over `rpoThresholdMinutes` (the
 * VM's policy's threshold; none for modernized policies).
 */
export function itemRowText(item: ReplicatedItem, operation?: string, now: number = Date.now(), rpoThresholdMinutes?: number): string {
  if (operation) return operation;
  const parts = [describeItem(item)];
  const health = healthLevel(item);
  const phase = failbackPhase(item);
  const rpo = replicationRpo(item, phase, rpoThresholdMinutes);
  const issue = healthIssueText(item);
  // Recorded (V2ATFOJob): a VM 11 min behind under a 5-min policy reads replication health
  // Warning with no health issue. The RPO part says why; "warning: replication" would repeat it.
  const explainedByRpo = health === 'warning' && rpo?.over && !issue && !/warning/i.test(item.failoverHealth ?? '');
  if (health !== 'normal' && !explainedByRpo) parts.push(`${health === 'critical' ? '✖' : '⚠'} ${health === 'critical' ? 'critical' : 'warning'}: ${healthWhat(item)}`);
  const testEnv = testEnvironmentAge(item, now);
  if (testEnv) parts.push(`⚠ ${testEnv}`);
  if (rpo) parts.push(rpo.text);
  return parts.join(' · ');
}

/**
 * The health issue that explains the health: at critical health an error-level one first
 * (recorded: a modernized VM lists "No successful test failover" before its missing recovery points).
 */
function healthIssueText(item: ReplicatedItem): string | undefined {
  const issues = item.healthIssues.filter((h) => !/^info/i.test(h.level ?? ''));
  const first = (healthLevel(item) === 'critical' ? issues.find((h) => /error|critical/i.test(h.level ?? '')) : undefined) ?? issues[0];
  if (!first) return undefined;
  return first.message.length > 48 ? `${first.message.slice(0, 47)}…` : first.message;
}

function healthWhat(item: ReplicatedItem): string {
  return healthIssueText(item) ?? (/critical|warning/i.test(item.replicationHealth ?? '') ? 'replication' : 'failover');
}
