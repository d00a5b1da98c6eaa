import type { Handler, HandlerContext } from '../http-types';
import { ok } from '../http-types';
import { iso } from '../ids';
import { compileFilter, type FilterField } from '../odata-filter';
import { page } from '../paging';
import { itemId, itemView } from '../state/item-view';
import { itemStateView } from '../state/item-states';
import type { ItemRecord } from '../state/model';
import { findPoint, recoveryPointsOf, type RecoveryPointRecord } from '../state/recovery-points';
import { reportedGroupName } from '../state/replication-group';
import { notFound } from '../state/store';
import { vaultKeyFromParams } from './common';

/**
 * `$filter` of the vault-wide item list. Supported: protectionState, replicationProviderName
 * (= providerSpecificDetails.instanceType; also accepted as instanceType), friendlyName,
 * sourceFabricName, multiVmGroupName, recoveryPlanName, processServerId — with eq/ne/in/and/or/not.
 * Other fields of ASR's ProtectedItemsQueryParameter (sourceFabricLocation, vCenterName,
 * multiVmGroupCreateOption, fabricObjectId) are accepted and ignored; unknown fields → 400 InvalidFilter.
 */
function itemFilterFields(hc: HandlerContext): Record<string, FilterField<ItemRecord>> {
  const state = (i: ItemRecord) => itemStateView(i.mutable.provider, i.mutable.phase, i.mutable.busy?.scenarioName);
  const planOf = (i: ItemRecord) => (hc.store.plans.get(i.vaultKey) ?? []).find((pl) => pl.groups.some((g) => g.items.includes(i.name)))?.name;
  const ignored: FilterField<ItemRecord> = { type: 'text', get: () => undefined, ignored: true };
  return {
    protectionState: { type: 'text', get: (i) => state(i).protectionState },
    replicationProviderName: { type: 'text', get: (i) => i.mutable.provider },
    instanceType: { type: 'text', get: (i) => i.mutable.provider },
    friendlyName: { type: 'text', get: (i) => i.friendlyName },
    sourceFabricName: { type: 'text', get: (i) => i.fabric },
    multiVmGroupName: { type: 'text', get: (i) => reportedGroupName(i) },
    recoveryPlanName: { type: 'text', get: (i) => planOf(i) },
    processServerId: { type: 'text', get: (i) => i.processServerId?.split('/').pop() },
    sourceFabricLocation: ignored,
    vCenterName: ignored,
    multiVmGroupCreateOption: ignored,
    fabricObjectId: ignored,
  };
}

export const listItemsInVault: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  const keep = compileFilter(req.query['$filter'], itemFilterFields(hc));
  const items = hc.store.itemsOf(vk).filter(keep);
  return ok(pageOfViews(hc, req, items));
};

export const listItemsInContainer: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  const c = hc.store.container(vk, p.fabric, p.container);
  const items = hc.store.itemsOf(vk).filter((i) => i.fabric === c.fabric.name && i.container === c.name);
  return ok(pageOfViews(hc, req, items));
};

/** Builds views only for the page sent (lists can hold thousands of items). */
function pageOfViews(hc: HandlerContext, req: Parameters<Handler>[2], items: ItemRecord[]): unknown {
  const paged = page(req, items, hc.config.pageSize);
  return { value: paged.value.map((i) => itemView(hc, i, 'list')), nextLink: paged.nextLink };
}

export const getItem: Handler = (hc, p) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(itemView(hc, hc.store.item(vk, p.fabric, p.container, p.item)));
};

export function pointView(hc: HandlerContext, item: ItemRecord, rp: RecoveryPointRecord): Record<string, unknown> {
  const provider = item.mutable.provider;
  const details =
    provider === 'InMageAzureV2' || provider === 'InMageRcm'
      ? { instanceType: provider, isMultiVmSyncPoint: item.multiVmGroupName && rp.type === 'AppConsistent' ? 'true' : 'false' }
      : undefined;
  return {
    id: `${itemId(hc, item)}/recoveryPoints/${rp.name}`,
    name: rp.name,
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/recoveryPoints',
    properties: {
      recoveryPointTime: iso(rp.time),
      recoveryPointType: rp.type,
      providerSpecificDetails: details,
      // Not an ARM field: the bookmark name of a tagged (LatestTag) point.
      tag: rp.tag,
    },
  };
}

export const listRecoveryPoints: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  const item = hc.store.item(vk, p.fabric, p.container, p.item);
  const points = recoveryPointsOf(item, hc.clock.now());
  const paged = page(req, points, hc.config.pageSize);
  return ok({ value: paged.value.map((rp) => pointView(hc, item, rp)), nextLink: paged.nextLink });
};

export const getRecoveryPoint: Handler = (hc, p) => {
  const vk = vaultKeyFromParams(hc, p);
  const item = hc.store.item(vk, p.fabric, p.container, p.item);
  const rp = findPoint(recoveryPointsOf(item, hc.clock.now()), p.point);
  if (!rp) {
    throw notFound('recovery point', p.point);
  }
  return ok(pointView(hc, item, rp));
};
