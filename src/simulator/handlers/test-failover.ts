import type { Handler, HandlerContext } from '../http-types';
import type { ItemRecord } from '../state/model';
import { affectedObjectDetails, choosePoint, ensureAllowed, ensureDirection, ensureInstanceType, protectedItemDetail, readPointChoice } from './action-rules';
import { jsonBody, objectAt, stringAt } from './common';
import { startItemJob, target } from './item-actions';
import { ensureNotInReplicationGroup, requireTestNetwork } from './towards-azure-rules';

/**
 * TestFailoverJobDetails as recorded (V2ATFOJob.013 / .019, TestV2ARCMTestFailover.1082 / .1407):
 * the test failover names its network and, per VM, the test VM "<VM name>-test"; the cleanup carries
 * the request's comments and no network.
 */
export function testFailoverJobDetails(run: { network?: string; comments?: string | null }, protectedItems: unknown[], affected: Record<string, string>): Record<string, unknown> {
  const networkName = run.network ? (run.network.split('/').pop() ?? null) : null;
  return {
    instanceType: 'TestFailoverJobDetails',
    testFailoverStatus: run.network ? 'Active' : null,
    comments: run.comments ?? null,
    networkName,
    networkFriendlyName: networkName,
    networkType: run.network ? 'VmNetworkAsInput' : null,
    protectedItemDetails: protectedItems,
    affectedObjectDetails: affected,
  };
}

/** The cleanup's comments: recorded "" (TestV2ARCMTestFailover.1083) and "testing done" (V2ATFOJob.017), stored as sent. */
export function cleanupComments(props: Record<string, unknown>): string | null {
  return typeof props['comments'] === 'string' ? props['comments'] : null;
}

/**
 * POST .../testFailover — a test VM in Azure beside replication (InMageAzureV2, InMageRcm):
 * PrimaryToRecovery, networkType VmNetworkAsInput, networkId; InMageAzureV2 may name a
 * recoveryPointId, InMageRcm repeats networkId (V2ATFOJob.012, TestV2ARCMTestFailover.012).
 * A test failover already done and not cleaned up leaves TestFailover out of allowedOperations, so a
 * second one is refused (see state/item-view.ts).
 */
export const testFailover: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'TestFailover');
  const details = objectAt(props, 'providerSpecificDetails');
  ensureInstanceType(item, details, [item.mutable.provider]);
  ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  ensureNotInReplicationGroup(hc, item, 'test failover');
  const network = requireTestNetwork(hc, item.vaultKey, `the virtual machine '${item.friendlyName}'`, props, details);
  const id = stringAt(details, 'recoveryPointId');
  const rp = choosePoint(hc, item, id ? readPointChoice(item, 'Custom', id, ['Custom']) : { kind: 'latest' });
  return startItemJob(
    hc,
    req,
    item,
    'testFailover',
    { points: { [item.name]: rp.name }, network: { [item.name]: network } },
    testFailoverJobDetails({ network }, [protectedItemDetail(item, rp, true)], affectedObjectDetails(hc, item)),
  );
};

/** POST .../testFailoverCleanup — `{comments}` (V2ATFOJob.017, TestV2ARCMTestFailover.1083): deletes the test VM. */
export const testFailoverCleanup: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'TestFailoverCleanup');
  return startItemJob(hc, req, item, 'testFailoverCleanup', {}, cleanupDetails(hc, item, cleanupComments(props)));
};

function cleanupDetails(hc: HandlerContext, item: ItemRecord, comments: string | null): Record<string, unknown> {
  return testFailoverJobDetails({ comments }, [], affectedObjectDetails(hc, item));
}
