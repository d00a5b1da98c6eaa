import type { Handler, HandlerContext } from '../http-types';
import { ok } from '../http-types';
import { page } from '../paging';
import type { FabricData, PolicyData } from '../scenarios/types';
import { iso, MINUTE } from '../ids';
import { fabricInternalId, vaultIdOfKey } from '../state/item-view';
import { notFound } from '../state/store';
import { vaultKeyFromParams } from './common';

/** Scenario heartbeats written '$recent' are shown as a couple of minutes before "now", so the infrastructure looks alive. */
function freshen(value: unknown, recent: string): unknown {
  if (value === RECENT) {
    return recent;
  }
  if (Array.isArray(value)) {
    return value.map((v) => freshen(v, recent));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, freshen(v, recent)]));
  }
  return value;
}

const RECENT = '$recent';

/** The fabric with the keys recorded in TestV2ARCM540Reprotect.003 / v2aFailbackReprotect.003. */
function fabricView(hc: HandlerContext, vaultKey: string, f: FabricData): Record<string, unknown> {
  const vaultId = vaultIdOfKey(hc, vaultKey);
  const vault = hc.store.vaults.get(vaultKey);
  return {
    id: `${vaultId}/replicationFabrics/${f.name}`,
    name: f.name,
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics',
    location: vault?.location,
    properties: {
      friendlyName: f.friendlyName,
      encryptionDetails: { kekState: 'None', kekCertThumbprint: null, kekCertExpiryDate: null },
      rolloverEncryptionDetails: { kekState: 'None', kekCertThumbprint: null },
      internalIdentifier: fabricInternalId(f),
      bcdrState: 'Valid',
      customDetails: freshen(f.customDetails, iso(hc.clock.now() - 2 * MINUTE)),
      healthErrorDetails: [],
      health: 'Normal',
    },
  };
}

function containerView(hc: HandlerContext, vaultKey: string, f: FabricData, c: { name: string; friendlyName: string }): Record<string, unknown> {
  const count = hc.store.itemsOf(vaultKey).filter((i) => i.fabric === f.name && i.container === c.name).length;
  return {
    id: `${vaultIdOfKey(hc, vaultKey)}/replicationFabrics/${f.name}/replicationProtectionContainers/${c.name}`,
    name: c.name,
    type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers',
    location: hc.store.vaults.get(vaultKey)?.location,
    properties: {
      fabricFriendlyName: f.friendlyName,
      friendlyName: c.friendlyName,
      fabricType: String(f.customDetails['instanceType'] ?? 'VMware'),
      protectedItemCount: count,
      pairingStatus: 'Paired',
      role: 'Primary',
      fabricSpecificDetails: {},
    },
  };
}

export const listFabrics: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(
    page(
      req,
      (hc.store.fabrics.get(vk) ?? []).map((f) => fabricView(hc, vk, f)),
      hc.config.pageSize,
    ),
  );
};

export const getFabric: Handler = (hc, p) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(fabricView(hc, vk, hc.store.fabric(vk, p.fabric)));
};

export const listContainersOfFabric: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  const f = hc.store.fabric(vk, p.fabric);
  return ok(
    page(
      req,
      f.containers.map((c) => containerView(hc, vk, f, c)),
      hc.config.pageSize,
    ),
  );
};

export const listContainers: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  const all = (hc.store.fabrics.get(vk) ?? []).flatMap((f) => f.containers.map((c) => containerView(hc, vk, f, c)));
  return ok(page(req, all, hc.config.pageSize));
};

export const getContainer: Handler = (hc, p) => {
  const vk = vaultKeyFromParams(hc, p);
  const c = hc.store.container(vk, p.fabric, p.container);
  return ok(containerView(hc, vk, c.fabric, c));
};

function policyView(hc: HandlerContext, vaultKey: string, pol: PolicyData): Record<string, unknown> {
  return {
    id: `${vaultIdOfKey(hc, vaultKey)}/replicationPolicies/${pol.name}`,
    name: pol.name,
    type: 'Microsoft.RecoveryServices/vaults/replicationPolicies',
    properties: { friendlyName: pol.friendlyName, providerSpecificDetails: pol.providerSpecificDetails },
  };
}

export const listPolicies: Handler = (hc, p, req) => {
  const vk = vaultKeyFromParams(hc, p);
  return ok(
    page(
      req,
      (hc.store.policies.get(vk) ?? []).map((x) => policyView(hc, vk, x)),
      hc.config.pageSize,
    ),
  );
};

export const getPolicy: Handler = (hc, p) => {
  const vk = vaultKeyFromParams(hc, p);
  const pol = hc.store.policy(vk, p.policy);
  if (!pol) {
    throw notFound('replication policy', p.policy);
  }
  return ok(policyView(hc, vk, pol));
};
