import type { ReplicatedItem } from './model';
import { failbackPhase, scenarioWords } from './itemState';
import { replicatesToOnPremises } from './providers';

export type StepStatus = 'done' | 'next' | 'waiting' | 'blocked' | 'later' | 'running';

export interface ChecklistStep {
  id: 'reprotected' | 'recoveryPoint' | 'failover' | 'verify' | 'commit' | 'reprotect' | 'replicating';
  title: string;
  status: StepStatus;
  detail: string;
  /** Command that performs the step, when it is the next one. */
  command?: 'siteRecovery.failover' | 'siteRecovery.commitFailover' | 'siteRecovery.reprotect';
}

/**
 * The failback procedure for one VM (DEVELOPERS.md steps 1–6) with what holds now.
 * Derived only from Site Recovery's state, so it stays right whoever acted on the VM.
 */
export function failbackChecklist(item: ReplicatedItem, recoveryPointCount: number | undefined): ChecklistStep[] {
  const phase = failbackPhase(item);
  const order = ['readyToFailBack', 'awaitingCommit', 'needsReprotect', 'replicatingToAzure'] as const;
  const reached = (p: (typeof order)[number]) => {
    const at = order.indexOf(phase as (typeof order)[number]);
    return at >= order.indexOf(p);
  };
  const running = item.currentOperation ? scenarioWords(item.currentOperation.scenarioName) : undefined;
  const back = reached('awaitingCommit');
  const onPremReplication = replicatesToOnPremises(item.provider) || back;
  const steps: ChecklistStep[] = [
    {
      id: 'reprotected',
      title: 'Reprotected: replicating from Azure to on-premises',
      status: onPremReplication ? 'done' : 'blocked',
      detail: onPremReplication ? `Provider ${item.providerInstanceType}.` : 'Reprotect the Azure VM to the on-premises site first (process server in Azure, master target on-premises, VPN/ExpressRoute).',
    },
    {
      id: 'recoveryPoint',
      title: 'At least one recovery point',
      status: back ? 'done' : recoveryPointCount === undefined ? 'waiting' : recoveryPointCount > 0 ? 'done' : 'blocked',
      detail: back ? 'Used by the failover.' : recoveryPointCount === undefined ? 'Checking…' : recoveryPointCount > 0 ? `${recoveryPointCount} recovery points.` : 'No recovery point yet: wait for Site Recovery to create one.',
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
      detail: /windows/i.test(item.osType ?? '') ? 'Windows: VMware tools were disabled during failover and are enabled again on failback.' : 'Check the VM on-premises before committing.',
    },
    {
      id: 'commit',
      title: 'Commit (removes the failed-over Azure VM)',
      status: reached('needsReprotect') ? 'done' : running && /commit/i.test(running) ? 'running' : phase === 'awaitingCommit' ? 'next' : 'later',
      detail: 'Finishes the failover; the recovery point can no longer change.',
      command: phase === 'awaitingCommit' ? 'siteRecovery.commitFailover' : undefined,
    },
    {
      id: 'reprotect',
      title: 'Reprotect to Azure (choose the process server)',
      status: phase === 'replicatingToAzure' ? 'done' : running && /reprotect/i.test(running) ? 'running' : phase === 'needsReprotect' ? 'next' : 'later',
      detail:
        item.agentRegisteredAfterFailover === false
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
