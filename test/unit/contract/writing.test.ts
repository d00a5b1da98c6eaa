// Contract, writing: given the state a live vault was in, the extension's own operations, through
// the real SDK's serialization, send the request that the recorded client sent (ids aside).
import assert from 'node:assert/strict';
import { recorded, recordedScope, resourcesOf, kindOf, vaultOf, withoutIds, type Recorded } from './recorded';
import { toItem } from '../../../src/azure/mappers';
import type { ReplicatedItem } from '../../../src/domain/model';
import type { Scope } from '../../../src/scope';
import { itemActions } from '../../../src/domain/actions';
import { towardsAzureRefusal } from '../../../src/domain/prechecks';

interface Case {
  /** The recorded POST. */
  post: string;
  /** The recorded item it was sent to, as read just before. */
  before: string;
  /** What the extension offers in that state (the operation must be among them). */
  /** What the extension offers in that state; undefined when the state before was not recorded. */
  action: string | undefined;
  /** Fields of the recorded body that the current API no longer has (the SDK's model drops them). */
  dropped?: string[];
  send: (scope: Scope, item: ReplicatedItem, body: any) => Promise<unknown>;
}

const CASES: Case[] = [
  {
    // Classic failback from Azure: unplannedFailover with InMage details, Latest.
    post: 'V2ATestFailback.010.unplannedFailover-post.json',
    before: 'V2ATestFailback.009.item-before-failover.json',
    action: 'failover',
    send: (scope, item) => scope.operations.failoverItem(item, { kind: 'latest' }),
  },
  {
    // Classic reprotect to Azure after the committed failback: InMageAzureV2 details, no storage accounts.
    post: 'V2ATestReprotect.013.rec2021-reProtect-post.json',
    before: 'V2ATestReprotect.010.rec2021-item-before-reprotect.json',
    action: 'reprotect',
    send: (scope, item, body) => {
      const d = body.properties.providerSpecificDetails;
      return scope.operations.reprotectItem(item, { processServerId: d.processServerId, masterTargetId: d.masterTargetId, runAsAccountId: d.runAsAccountId, policyId: d.policyId });
    },
  },
  {
    // Classic reprotect of a VM running in Azure back to on-premises: InMage details.
    post: 'V2ATestSwitchProtection.013.reProtect-post.json',
    before: 'V2ATestSwitchProtection.010.item-before-reprotect.json',
    action: 'reprotectToOnPremises',
    send: (scope, item, body) => {
      const d = body.properties.providerSpecificDetails;
      return scope.operations.reprotectToOnPremises(item, {
        generation: 'classic',
        processServerId: d.processServerId,
        masterTargetId: d.masterTargetId,
        retentionDrive: d.retentionDrive,
        runAsAccountId: d.runAsAccountId,
        datastoreName: d.datastoreName,
        policyId: d.profileId,
      });
    },
  },
  {
    // Modernized reprotect of a VM running in Azure back to on-premises: InMageRcm details.
    post: 'TestV2ARCMReprotect.014.reProtect-post.json',
    before: 'TestV2ARCMReprotect.013.item-before-reProtect.json',
    action: 'reprotectToOnPremises',
    send: (scope, item, body) => {
      const d = body.properties.providerSpecificDetails;
      return scope.operations.reprotectToOnPremises(item, {
        generation: 'modernized',
        reprotectAgentId: d.reprotectAgentId,
        datastoreName: d.datastoreName,
        logStorageAccountId: d.logStorageAccountId,
        policyId: d.policyId,
      });
    },
  },
  {
    post: 'TestV2ARCMFailback.012.plannedFailover-post.json',
    before: 'TestV2ARCMFailback.011.item-before-plannedFailover.json',
    action: 'failover',
    send: (scope, item, body) =>
      scope.operations.failoverItem(item, { kind: body.properties.providerSpecificDetails.recoveryPointType === 'CrashConsistent' ? 'latest' : 'appConsistent' }),
  },
  {
    post: 'TestV2ARCM540Reprotect.015.reProtect-post.json',
    before: 'TestV2ARCM540Reprotect.014.item-before-reProtect.json',
    action: 'reprotect',
    send: (scope, item, body) => {
      const d = body.properties.providerSpecificDetails;
      return scope.operations.reprotectItem(item, { processServerId: d.processServerId, policyId: d.policyId, runAsAccountId: d.runAsAccountId });
    },
  },
  {
    // Commit of a modernized failover to Azure: no body.
    post: 'TestV2ARCMCommit.012.failoverCommit-post.json',
    before: 'TestV2ARCMCommit.011.item-before-failoverCommit.json',
    action: 'commit',
    send: (scope, item) => scope.operations.commitItem(item),
  },
  {
    // Cancel of a modernized failback before commit: no body.
    post: 'TestV2ARCMCancelFailover.012.failoverCancel-post.json',
    before: 'TestV2ARCMCancelFailover.011.item-before-failoverCancel.json',
    action: 'cancelFailover',
    send: (scope, item) => scope.operations.cancelFailoverItem(item),
  },
  {
    // Classic test failover to a specific point, into a VNet. Recorded with api-version 2018-07-10,
    // whose body also carried skipTestFailoverCleanup: the current API (and SDK model) has no such field.
    post: 'V2ATFOJob.012.testFailover-post.json',
    before: 'V2ATFOJob.010.item-before-tfo.json',
    action: 'testFailover',
    dropped: ['skipTestFailoverCleanup'],
    send: (scope, item, body) =>
      scope.operations.testFailoverItem(item, { kind: 'specific', pointId: body.properties.providerSpecificDetails.recoveryPointId }, body.properties.networkId),
  },
  {
    // Modernized test failover to the latest processed point: the network again in InMageRcm details.
    post: 'TestV2ARCMTestFailover.012.testFailover-post.json',
    before: 'TestV2ARCMTestFailover.011.item-before-testfailover.json',
    action: 'testFailover',
    send: (scope, item, body) => scope.operations.testFailoverItem(item, { kind: 'latestProcessed' }, body.properties.networkId),
  },
  {
    // Cleanup with the drill's notes. The item's state between test failover and cleanup is not recorded.
    post: 'V2ATFOJob.017.testFailoverCleanup-post.json',
    before: 'V2ATFOJob.010.item-before-tfo.json',
    action: undefined,
    send: (scope, item, body) => scope.operations.cleanupTestFailoverItem(item, body.properties.comments),
  },
  {
    post: 'TestV2ARCMTestFailover.1083.testFailoverCleanup-post.json',
    before: 'TestV2ARCMTestFailover.011.item-before-testfailover.json',
    action: undefined,
    send: (scope, item, body) => scope.operations.cleanupTestFailoverItem(item, body.properties.comments),
  },
  {
    // Classic failover to Azure, latest processed point, on-premises VM left alone.
    post: 'V2AFailoverJob.010.unplannedFailover-post.json',
    before: 'V2AFailoverJob.009.item-before-failover.json',
    action: 'failoverToAzure',
    send: (scope, item) => scope.operations.failoverItemToAzure(item, { kind: 'latestProcessed' }, false),
  },
  {
    // Modernized failover to Azure: performShutdown "False" beside sourceSiteOperations.
    post: 'TestV2ARCMFailover.012.unplannedFailover-post.json',
    before: 'TestV2ARCMFailover.011.item-before-failover.json',
    action: 'failoverToAzure',
    send: (scope, item) => scope.operations.failoverItemToAzure(item, { kind: 'latestProcessed' }, false),
  },
];

const pathOf = (uri: string) => decodeURIComponent(uri.split('?')[0]).toLowerCase();

describe('contract (writing): the extension sends what the recorded clients sent', () => {
  for (const c of CASES) {
    it(`${c.post} from ${c.before}`, async () => {
      const post: Recorded = recorded(c.post);
      const itemJson = resourcesOf(recorded(c.before)).find((r) => kindOf(r) === 'item');
      const item = toItem(vaultOf(itemJson.id), itemJson);
      if (c.action) assert.ok(itemActions(item).includes(c.action as never), `the extension offers ${c.action} in the recorded state (offers ${itemActions(item).join(', ')})`);
      if (c.action === 'testFailover' || c.action === 'failoverToAzure')
        assert.equal(towardsAzureRefusal(item, c.action), undefined, 'the prechecks let the recorded request through');
      const { scope, sent } = recordedScope([itemJson], post);
      await c.send(scope, item, post.request.body);
      const posts = sent.filter((s) => s.method === 'POST');
      assert.equal(posts.length, 1, 'one POST');
      assert.equal(pathOf(posts[0].path), pathOf(post.request.uri));
      const expected = JSON.parse(withoutIds(JSON.stringify(post.request.body)));
      for (const field of c.dropped ?? []) delete expected.properties[field];
      assert.deepEqual(JSON.parse(withoutIds(JSON.stringify(posts[0].body))), expected);
      // The SDK pins api-version 2023-06-01 (a stable version); the recordings used 2018-07-10 to
      // 2026-02-01 of the same API (README: what is assumed).
      assert.equal(posts[0].apiVersion, '2023-06-01');
      assert.match(post.request.uri, /api-version=\d{4}-\d{2}-\d{2}$/);
    });
  }
});
