import { armError } from '../errors';
import type { Handler, HandlerContext, SimRequest } from '../http-types';
import { ok } from '../http-types';
import { guidFrom, iso, newGuid } from '../ids';
import { page } from '../paging';
import type { DiskRecord, VaultRecord } from '../state/model';

/** Subscriptions, vaults and managed disks: the plain ARM resources around the vault. */

export const listSubscriptions: Handler = (hc, _p, req) =>
  ok(
    page(
      req,
      hc.store.subscriptions.map((s) => subscriptionView(s)),
      hc.config.pageSize,
    ),
  );

export const getSubscription: Handler = (hc, p) => ok(subscriptionView(hc.store.subscription(p.sub)));

export const listTenants: Handler = (hc, _p, req) => {
  const tenants = [...new Set(hc.store.subscriptions.map((s) => s.tenantId))];
  return ok(
    page(
      req,
      tenants.map((t) => ({ id: `/tenants/${t}`, tenantId: t, tenantCategory: 'Home', displayName: 'Contoso (simulated)', defaultDomain: 'contoso.simulator.invalid' })),
      hc.config.pageSize,
    ),
  );
};

function subscriptionView(s: HandlerContext['store']['subscriptions'][number]): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    tenantId: s.tenantId,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: {},
  };
}

function vaultView(v: VaultRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${v.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${v.name}`,
    name: v.name,
    type: 'Microsoft.RecoveryServices/vaults',
    location: v.location,
    tags: {},
    etag: `W/"datetime'${encodeURIComponent('2024-01-01T00:00:00Z')}'"`,
    sku: { name: 'Standard', tier: 'Standard' },
    identity: { type: 'None' },
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      publicNetworkAccess: 'Enabled',
      redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Disabled' },
      secureScore: 'None',
      backupStorageVersion: 'V2',
      monitoringSettings: { azureMonitorAlertSettings: { alertsForAllJobFailures: 'Enabled' }, classicAlertSettings: { alertsForCriticalOperations: 'Enabled' } },
    },
    systemData: { createdAt: '2024-01-01T00:00:00Z', createdByType: 'User', lastModifiedAt: '2024-01-01T00:00:00Z', lastModifiedByType: 'User' },
  };
}

export const listVaultsInSubscription: Handler = (hc, p, req) => {
  hc.store.subscription(p.sub);
  const vaults = [...hc.store.vaults.values()].filter((v) => v.subscriptionId.toLowerCase() === p.sub.toLowerCase());
  return ok(page(req, vaults.map(vaultView), hc.config.pageSize));
};

export const listVaultsInGroup: Handler = (hc, p, req) => {
  hc.store.resourceGroup(p.sub, p.rg);
  const vaults = [...hc.store.vaults.values()].filter((v) => v.subscriptionId.toLowerCase() === p.sub.toLowerCase() && v.resourceGroup.toLowerCase() === p.rg.toLowerCase());
  return ok(page(req, vaults.map(vaultView), hc.config.pageSize));
};

export const getVault: Handler = (hc, p) => ok(vaultView(hc.store.vault(p.sub, p.rg, p.vault)));

function diskView(d: DiskRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${d.subscriptionId}/resourceGroups/${d.resourceGroup}/providers/Microsoft.Compute/disks/${d.name}`,
    name: d.name,
    type: 'Microsoft.Compute/disks',
    location: d.location,
    tags: d.tags,
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    properties: {
      creationData: { createOption: 'Empty' },
      diskSizeGB: d.diskSizeGB,
      diskSizeBytes: d.diskSizeGB * 1024 ** 3,
      uniqueId: guidFrom(d.name),
      provisioningState: 'Succeeded',
      diskState: 'Unattached',
      timeCreated: iso(d.timeCreated),
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      networkAccessPolicy: 'AllowAll',
      publicNetworkAccess: 'Enabled',
    },
  };
}

function disksIn(hc: HandlerContext, sub: string, rg: string): DiskRecord[] {
  return hc.store.disks.filter((d) => d.subscriptionId.toLowerCase() === sub.toLowerCase() && d.resourceGroup.toLowerCase() === rg.toLowerCase());
}

function disk(hc: HandlerContext, p: Record<string, string>): DiskRecord {
  hc.store.resourceGroup(p.sub, p.rg);
  const d = disksIn(hc, p.sub, p.rg).find((x) => x.name.toLowerCase() === p.disk.toLowerCase());
  if (!d) {
    throw armError(404, 'ResourceNotFound', `The Resource 'Microsoft.Compute/disks/${p.disk}' under resource group '${p.rg}' was not found.`);
  }
  return d;
}

export const listDisks: Handler = (hc, p, req) => {
  hc.store.resourceGroup(p.sub, p.rg);
  return ok(page(req, disksIn(hc, p.sub, p.rg).map(diskView), hc.config.pageSize));
};

export const getDisk: Handler = (hc, p) => ok(diskView(disk(hc, p)));

/** Deleting a disk is an LRO in Compute; the simulator deletes at once and reports success when polled. */
export const deleteDisk: Handler = (hc, p, req: SimRequest) => {
  const d = disk(hc, p);
  hc.store.disks.splice(hc.store.disks.indexOf(d), 1);
  const opUrl = `${req.origin}/subscriptions/${p.sub}/providers/Microsoft.Compute/locations/${d.location}/operations/${newGuid()}?api-version=${encodeURIComponent(req.query['api-version'] ?? '')}`;
  return {
    status: 202,
    headers: { 'Azure-AsyncOperation': opUrl, Location: `${opUrl}&monitor=true`, 'Retry-After': String(hc.config.retryAfterSeconds) },
  };
};

export const getComputeOperation: Handler = (hc, p, req) => {
  if (req.query['monitor'] === 'true') {
    return { status: 204 };
  }
  const now = iso(hc.clock.now());
  return ok({ name: p.operation, status: 'Succeeded', startTime: now, endTime: now });
};
