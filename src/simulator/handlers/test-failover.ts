import type { Handler, HandlerContext } from '../http-types';
import type { ItemRecord } from '../state/model';
import { affectedObjectDetails, choosePoint, ensureAllowed, ensureDirection, ensureInstanceType, protectedItemDetail, readPointChoice } from './action-rules';
import { jsonBody, objectAt, stringAt } from './common';
import { startItemJob, target } from './item-actions';

/** TestFailoverJobDetails as recorded (V2ATFOJob.013 / .019, TestV2ARCMTestFailover.1082 / .1407). */
function testFailoverDetails(
  hc: HandlerContext,
  item: ItemRecord,
  run: { network?: string; networkType?: string; comments?: string | null },
  protectedItems: unknown[],
): Record<string, unknown> {
  const networkName = run.network ? (run.network.split('/').pop() ?? null) : null;
  return {
    instanceType: 'TestFailoverJobDetails',
    testFailoverStatus: run.network ? 'Active' : null,
    comments: run.comments ?? null,
    networkName,
    networkFriendlyName: networkName,
    networkType: run.networkType ?? null,
    protectedItemDetails: protectedItems,
    affectedObjectDetails: affectedObjectDetails(hc, item),
  };
}

/**
 * POST .../testFailover — a test VM in Azure beside replication (InMageAzureV2, InMageRcm):
 * PrimaryToRecovery, networkType VmNetworkAsInput, networkId; InMageAzureV2 may name a
 * recoveryPointId, InMageRcm repeats networkId (V2ATFOJob.012, TestV2ARCMTestFailover.012).
 */
export const testFailover: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'TestFailover');
  const details = objectAt(props, 'providerSpecificDetails');
  ensureInstanceType(item, details, [item.mutable.provider]);
  ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  const id = stringAt(details, 'recoveryPointId');
  const rp = choosePoint(hc, item, id ? readPointChoice(item, 'Custom', id, ['Custom']) : { kind: 'latest' });
  const network = stringAt(props, 'networkId') ?? stringAt(details, 'networkId');
  return startItemJob(
    hc,
    req,
    item,
    'testFailover',
    {},
    testFailoverDetails(hc, item, { network, networkType: stringAt(props, 'networkType') ?? 'VmNetworkAsInput' }, [protectedItemDetail(item, rp, true)]),
  );
};

/** POST .../testFailoverCleanup — `{comments}` (V2ATFOJob.017, TestV2ARCMTestFailover.1083). */
export const testFailoverCleanup: Handler = (hc, p, req) => {
  const item = target(hc, p);
  const props = objectAt(jsonBody(req), 'properties') ?? {};
  ensureAllowed(item, 'TestFailoverCleanup');
  const comments = typeof props['comments'] === 'string' ? props['comments'] : null;
  return startItemJob(hc, req, item, 'testFailoverCleanup', {}, testFailoverDetails(hc, item, { comments }, []));
};
