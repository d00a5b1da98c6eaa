import type { Services } from '../services';
import { precheckAction } from '../domain/prechecks';
import { refreshItems, resolveTargets } from './common/targets';
import { acceptPartial, confirmDestructive, showServiceError } from './common/ui';
import { runPlanOperation } from './common/planOperation';
import { settle, startItemOperations } from './common/runOperation';
import { beginItemsRun, endRun } from '../workflows/runRecording';

/** Cancel a failover that awaits commit: the VMs go back to replicating, where Site Recovery allows it. */
export async function cancelFailover(services: Services, clicked?: unknown, selected?: unknown): Promise<void> {
  try {
    const target = await resolveTargets(services, 'cancelFailover', clicked, selected);
    if (target.kind === 'plan') {
      await runPlanOperation(
        services,
        target.node,
        'cancelFailover',
        'Cancel failover',
        {
          message: (p) => `Cancel the failover of recovery plan ${p.friendlyName}?`,
          detail: 'Site Recovery reverts the failover of every VM in the plan.',
          button: 'Cancel Failover',
        },
        (p) => target.node.scope.operations.failoverPlanCancel(p),
      );
      return;
    }
    const fresh = await refreshItems(target.items);
    const check = precheckAction(
      fresh.map((t) => t.item),
      'cancelFailover',
    );
    if (!(await acceptPartial('Cancel failover', check.refused, check.ready.length))) return;
    const ready = fresh.filter((t) => check.ready.includes(t.item));
    await confirmDestructive(
      `Cancel the failover of ${ready.map((t) => t.item.friendlyName).join(', ')}?`,
      'Site Recovery reverts the failover: the on-premises VMs are shut down and replication resumes from Azure.',
      'Cancel Failover',
    );
    const runId = await beginItemsRun(
      services,
      ready[0].scope,
      ready.map((t) => t.item),
      { operation: 'cancelFailover' },
    );
    const jobs = await startItemOperations(services, ready, 'Cancel failover', (t) => t.scope.operations.cancelFailoverItem(t.item), runId);
    await endRun(services, runId, jobs.length ? await services.withJobProgress('Cancelling failover', jobs) : []);
    await settle(services, ready);
  } catch (e) {
    await showServiceError(services.log, 'Cancel failover', e);
  }
}
