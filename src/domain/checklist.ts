import type { ReplicatedItem } from './model';
import { failbackPhase, scenarioWords, type FailbackPhase } from './itemState';
import { replicatesToOnPremises } from './providers';
import { itemActions } from './actions';
import { drillStatus, testEnvironmentAge } from './drills';

export type StepStatus = 'done' | 'next' | 'waiting' | 'blocked' | 'later' | 'running';

export interface ChecklistStep {
  id: 'drill' | 'reprotectToOnPremises' | 'reprotected' | 'recoveryPoint' | 'failover' | 'verify' | 'commit' | 'reprotect' | 'replicating';
  title: string;
  status: StepStatus;
  detail: string;
  /** Command that performs the step, when it is the next one. */
  command?:
    | 'siteRecovery.testFailover'
    | 'siteRecovery.cleanupTestFailover'
    | 'siteRecovery.reprotectToOnPremises'
    | 'siteRecovery.failover'
    | 'siteRecovery.commitFailover'
    | 'siteRecovery.reprotect';
}

/** The failback's own phases, in order. Phases of the way to Azure are not steps of it. */
const FAILBACK_ORDER: readonly FailbackPhase[] = ['readyToFailBack', 'awaitingCommit', 'needsReprotect'];

/** Why a VM outside the failback arc has nothing to fail back yet, or undefined when it is in it. */
function outsideFailback(phase: FailbackPhase, item: ReplicatedItem): string | undefined {
  switch (phase) {
    case 'replicatingToAzure':
      return 'Not replicating to on-premises: the VM runs on-premises and replicates to Azure. A failback starts after a failover to Azure and a reprotect to on-premises.';
    case 'failedOverToAzure':
      return 'The VM runs in Azure (failover awaiting commit): reprotect it to on-premises first.';
    case 'runningInAzure':
      return 'The VM runs in Azure: reprotect it to on-premises first.';
    case 'unsupported':
      return `Provider ${item.providerInstanceType}: not a VMware failback.`;
    case 'notReady':
      return `Site Recovery reports "${item.protectionStateDescription || item.protectionState}": not replicating to on-premises yet.`;
    default:
      return undefined;
  }
}

/** Agent registration matters after a modernized failback only; before one, the flag means nothing. */
export function agentRegistrationText(item: ReplicatedItem): string | undefined {
  if (item.provider !== 'InMageRcmFailback' || item.agentRegisteredAfterFailover === undefined) return undefined;
  const phase = failbackPhase(item);
  if (phase !== 'awaitingCommit' && phase !== 'needsReprotect') return undefined;
  return item.agentRegisteredAfterFailover ? 'yes' : 'not yet';
}

/**
 * The failback procedure for one VM (the procedure in README, steps 0–6) with what holds now.
 * Derived only from Site Recovery's state, so it stays right whoever acted on the VM.
 */
export function failbackChecklist(item: ReplicatedItem, recoveryPointCount: number | undefined, drill?: { now: number; maxAgeDays: number }): ChecklistStep[] {
  const phase = failbackPhase(item);
  const at = FAILBACK_ORDER.indexOf(phase);
  const reached = (p: FailbackPhase) => at >= 0 && at >= FAILBACK_ORDER.indexOf(p);
  const running = item.currentOperation ? scenarioWords(item.currentOperation.scenarioName) : undefined;
  const back = reached('awaitingCommit');
  const outside = outsideFailback(phase, item);
  const inArc = at >= 0 || (phase === 'operationRunning' && replicatesToOnPremises(item.provider));
  const agent = agentRegistrationText(item);
  const inAzure = phase === 'runningInAzure' || phase === 'failedOverToAzure';
  const forwardRunning = !inArc && running && /reprotect/i.test(running);
  const steps: ChecklistStep[] = [
    ...(drill ? drillStep(item, drill.now, drill.maxAgeDays) : []),
    {
      id: 'reprotectToOnPremises',
      title: 'Reprotect to on-premises (process server in Azure, master target or appliance on-premises)',
      status: inArc || (phase === 'notReady' && replicatesToOnPremises(item.provider)) ? 'done' : forwardRunning ? 'running' : inAzure ? 'next' : 'later',
      detail: inAzure
        ? 'The VM runs in Azure. Reprotect sends its changes back to an on-premises datastore; initial replication follows.'
        : 'Needs a VPN or ExpressRoute between Azure and the on-premises site.',
      command: inAzure && itemActions(item).includes('reprotectToOnPremises') ? 'siteRecovery.reprotectToOnPremises' : undefined,
    },
    {
      id: 'reprotected',
      title: 'Reprotected: replicating from Azure to on-premises',
      status: outside ? 'blocked' : inArc ? 'done' : 'waiting',
      detail: outside ?? (inArc ? `Provider ${item.providerInstanceType}.` : `Site Recovery is running "${running}" on the VM.`),
    },
    {
      id: 'recoveryPoint',
      title: 'At least one recovery point',
      status: back ? 'done' : outside ? 'later' : recoveryPointCount === undefined ? 'waiting' : recoveryPointCount > 0 ? 'done' : 'blocked',
      detail: back
        ? 'Used by the failover.'
        : outside
          ? 'Checked once the VM replicates to on-premises.'
          : recoveryPointCount === undefined
            ? 'Checking…'
            : recoveryPointCount > 0
              ? `${recoveryPointCount} recovery points.`
              : 'No recovery point yet: wait for Site Recovery to create one.',
    },
    {
      id: 'failover',
      title: 'Fail over from Azure (Latest recommended)',
      status: back ? 'done' : running && /failover/i.test(running) ? 'running' : phase === 'readyToFailBack' && (recoveryPointCount ?? 0) > 0 ? 'next' : 'later',
      detail: 'Site Recovery shuts the Azure VM down and starts the on-premises VM.',
      command: phase === 'readyToFailBack' ? 'siteRecovery.failover' : undefined,
    },
    {
      id: 'verify',
      title: 'Verify: Azure VM shut down, on-premises VM running',
      status: reached('needsReprotect') ? 'done' : phase === 'awaitingCommit' ? 'next' : 'later',
      detail: /windows/i.test(item.osType ?? '')
        ? 'Windows: VMware tools were disabled during failover and are enabled again on failback.'
        : 'Check the VM on-premises before committing.',
    },
    {
      id: 'commit',
      title: 'Commit (removes the failed-over Azure VM)',
      status: reached('needsReprotect') ? 'done' : running && /commit/i.test(running) ? 'running' : phase === 'awaitingCommit' ? 'next' : 'later',
      detail:
        item.provider === 'InMageRcmFailback'
          ? 'Finishes the failover. A modernized VM can also be reprotected before commit: the reprotect commits it.'
          : 'Finishes the failover; the recovery point can no longer change.',
      command: phase === 'awaitingCommit' ? 'siteRecovery.commitFailover' : undefined,
    },
    {
      id: 'reprotect',
      title: 'Reprotect to Azure (choose the process server)',
      status: inArc && running && /reprotect/i.test(running) ? 'running' : phase === 'needsReprotect' ? 'next' : 'later',
      detail:
        agent === 'not yet'
          ? 'The on-premises agent has not registered yet (up to 15 minutes after the VM starts): reprotect waits for it.'
          : 'Up to 15 minutes after the VM starts, reprotect can fail with "agent isn\'t installed": the extension waits and retries.',
      command: phase === 'needsReprotect' ? 'siteRecovery.reprotect' : undefined,
    },
    {
      id: 'replicating',
      title: 'Replicating to Azure again',
      status: phase === 'replicatingToAzure' ? 'done' : 'later',
      detail: 'If you disable replication instead, delete the seed disks left in Azure: they cost money.',
    },
  ];
  return steps;
}

/**
 * The drill that proves recovery works, for a VM replicating to Azure: when it was last tested
 * (against siteRecovery.drills.maxAgeDays) and a test environment left to clean up.
 */
function drillStep(item: ReplicatedItem, now: number, maxAgeDays: number): ChecklistStep[] {
  if (item.provider !== 'InMageAzureV2' && item.provider !== 'InMageRcm') return [];
  const actions = itemActions(item);
  const status = drillStatus(item, now, maxAgeDays);
  if (actions.includes('cleanupTestFailover')) {
    return [
      {
        id: 'drill',
        title: 'Test failover drill: clean up',
        status: 'next',
        detail: testEnvironmentAge(item, now) ?? `The test VM ${item.friendlyName}-test runs: check it, then clean up.`,
        command: 'siteRecovery.cleanupTestFailover',
      },
    ];
  }
  return [
    {
      id: 'drill',
      title: 'Test failover drill (proves recovery works)',
      status: status.kind === 'recent' ? 'done' : /TestFailover/i.test(item.currentOperation?.scenarioName ?? '') ? 'running' : actions.includes('testFailover') ? 'next' : 'later',
      detail: `${status.text}.`,
      command: status.kind !== 'recent' && actions.includes('testFailover') ? 'siteRecovery.testFailover' : undefined,
    },
  ];
}
