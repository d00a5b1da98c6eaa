// Contract, writing: given the state a live vault was in, the extension's own operations, through
// the real SDK's serialization, send the request that the recorded client sent (ids aside).
import assert from 'node:assert/strict';
import { recorded, recordedScope, resourcesOf, kindOf, vaultOf, withoutIds, type Recorded } from './recorded';
import { toItem } from '../../../src/azure/mappers';
import type { ReplicatedItem } from '../../../src/domain/model';
import type { Scope } from '../../../src/scope';
import { itemActions } from '../../../src/domain/actions';

interface Case {
  /** The recorded POST. */
  post: string;
  /** The recorded item it was sent to, as read just before. */
  before: string;
  /** What the extension offers in that state (the operation must be among them). */
  action: string;
  send: (scope: Scope, item: ReplicatedItem, body: any) => Promise<unknown>;
}

const CASES: Case[] = [
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
];

const pathOf = (uri: string) => decodeURIComponent(uri.split('?')[0]).toLowerCase();

describe('contract (writing): the extension sends what the recorded clients sent', () => {
  for (const c of CASES) {
    it(`${c.post} from ${c.before}`, async () => {
      const post: Recorded = recorded(c.post);
      const itemJson = resourcesOf(recorded(c.before)).find((r) => kindOf(r) === 'item');
      const item = toItem(vaultOf(itemJson.id), itemJson);
      assert.ok(itemActions(item).includes(c.action as never), `the extension offers ${c.action} in the recorded state (offers ${itemActions(item).join(', ')})`);
      const { scope, sent } = recordedScope([itemJson], post);
      await c.send(scope, item, post.request.body);
      const posts = sent.filter((s) => s.method === 'POST');
      assert.equal(posts.length, 1, 'one POST');
      assert.equal(pathOf(posts[0].path), pathOf(post.request.uri));
      assert.deepEqual(JSON.parse(withoutIds(JSON.stringify(posts[0].body))), JSON.parse(withoutIds(JSON.stringify(post.request.body))));
      // The SDK pins api-version 2023-06-01; the recordings used later versions of the same API.
      assert.ok(posts[0].apiVersion && posts[0].apiVersion <= (/api-version=([\d-]+)/.exec(post.request.uri)?.[1] ?? ''), `api-version ${posts[0].apiVersion}`);
    });
  }
});
