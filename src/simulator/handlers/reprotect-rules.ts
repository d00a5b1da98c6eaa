import { asrError, ASR_ERROR_CODES } from '../errors';
import type { HandlerContext } from '../http-types';
import type { ReprotectTarget } from '../jobs/effects';
import type { FabricData, ReplicationProvider } from '../scenarios/types';
import { datastoresOf, findMasterTarget, findProcessServer, findReprotectAgent, findRunAsAccount } from '../state/infrastructure';
import type { ItemRecord } from '../state/model';
import { ensureDirection, ensureInstanceType } from './action-rules';
import { badInput, objectAt, stringAt } from './common';

/**
 * Reprotect input per provider of the item, as the recorded requests and the cmdlet
 * (UpdateAzureRmRecoveryServicesAsrProtectionDirection.cs) send it:
 * - InMageAzureV2 (VM in Azure, classic) → InMage input {masterTargetId, processServerId, retentionDrive,
 *   runAsAccountId, datastoreName, profileId}, RecoveryToPrimary (V2ATestSwitchProtection.013);
 * - InMage (failed back, classic) → InMageAzureV2 input {masterTargetId, processServerId, runAsAccountId,
 *   policyId}, RecoveryToPrimary (V2ATestReprotect.013 rec2021; logStorageAccountId optional);
 * - InMageRcm (VM in Azure, modernized) → InMageRcm input {reprotectAgentId, datastoreName,
 *   logStorageAccountId, policyId}, RecoveryToPrimary (TestV2ARCMReprotect.014);
 * - InMageRcmFailback (failed back, modernized) → InMageRcmFailback input {processServerId,
 *   runAsAccountId, policyId} and no failoverDirection (TestV2ARCM540Reprotect.015).
 * Every id must name infrastructure of the item's fabric, and the policy must be one of the
 * provider the reprotect starts.
 * Assumed (not recorded): ASR refuses these mistakes at once with a 400 (numeric code, see errors.ts)
 * rather than failing the job.
 */
const INPUT: Record<ReplicationProvider, { input: string; policyType: string }> = {
  InMageAzureV2: { input: 'InMage', policyType: 'InMage' },
  InMage: { input: 'InMageAzureV2', policyType: 'InMageAzureV2' },
  InMageRcm: { input: 'InMageRcm', policyType: 'InMageRcmFailback' },
  InMageRcmFailback: { input: 'InMageRcmFailback', policyType: 'InMageRcm' },
};

export function validateReprotect(hc: HandlerContext, item: ItemRecord, props: Record<string, unknown>): ReprotectTarget {
  const provider = item.mutable.provider;
  if (provider === 'InMageRcmFailback') {
    // Recorded: no failoverDirection. The cmdlet's code would send PrimaryToRecovery.
    // Assumed (not recorded): ASR accepts PrimaryToRecovery and refuses RecoveryToPrimary here.
    ensureDirection(item, props['failoverDirection'], 'PrimaryToRecovery');
  } else {
    ensureDirection(item, props['failoverDirection'], 'RecoveryToPrimary');
  }
  const details = objectAt(props, 'providerSpecificDetails');
  ensureInstanceType(item, details, [INPUT[provider].input]);
  const d = details as Record<string, unknown>;
  const fabric = hc.store.fabric(item.vaultKey, item.fabric);
  const policy = (field: string, required: boolean) => checkPolicy(hc, item, required ? requireField(item, d, field) : stringAt(d, field));
  switch (provider) {
    case 'InMageAzureV2': {
      const ps = processServer(item, fabric, requireField(item, d, 'processServerId'));
      const mtId = requireField(item, d, 'masterTargetId');
      const mt = findMasterTarget(fabric, mtId);
      if (!mt) throw unknownInfra(item, 'master target server', mtId);
      const drive = requireField(item, d, 'retentionDrive');
      if (!volumesOf(mt).includes(normalizeVolume(drive))) throw unknownInfra(item, 'retention volume', drive);
      const datastore = stringAt(d, 'datastoreName');
      if (datastore !== undefined && !datastoresOfMasterTarget(mt).includes(datastore)) throw unknownInfra(item, 'datastore', datastore);
      runAsAccount(item, fabric, stringAt(d, 'runAsAccountId'));
      return { processServerId: ps, masterTargetId: mtId, datastoreName: datastore, policyId: policy('profileId', true), runAsAccountId: stringAt(d, 'runAsAccountId') };
    }
    case 'InMage': {
      const ps = processServer(item, fabric, requireField(item, d, 'processServerId'));
      const mt = requireField(item, d, 'masterTargetId');
      if (!findMasterTarget(fabric, mt) && !findProcessServer(fabric, mt)) throw unknownInfra(item, 'master target server', mt);
      const account = requireField(item, d, 'runAsAccountId');
      runAsAccount(item, fabric, account);
      return { processServerId: ps, masterTargetId: mt, runAsAccountId: account, policyId: policy('policyId', true), logStorageAccountId: stringAt(d, 'logStorageAccountId') };
    }
    case 'InMageRcm': {
      const agentId = requireField(item, d, 'reprotectAgentId');
      const agent = findReprotectAgent(fabric, agentId);
      if (!agent) throw unknownInfra(item, 'reprotect agent', agentId);
      const datastore = requireField(item, d, 'datastoreName');
      if (!datastoresOf(agent).includes(datastore)) throw unknownInfra(item, 'datastore', datastore);
      const logs = requireField(item, d, 'logStorageAccountId');
      return { reprotectAgentId: agentId, datastoreName: datastore, logStorageAccountId: logs, policyId: policy('policyId', false) };
    }
    case 'InMageRcmFailback': {
      const ps = processServer(item, fabric, requireField(item, d, 'processServerId'));
      const account = stringAt(d, 'runAsAccountId');
      if (account !== undefined && !siteRunAsAccount(fabric, account)) throw unknownInfra(item, 'run-as account', account);
      return { processServerId: ps, runAsAccountId: account, policyId: policy('policyId', true) };
    }
  }
}

function requireField(item: ItemRecord, details: Record<string, unknown>, field: string): string {
  const v = stringAt(details, field);
  if (!v) {
    throw badInput(
      `The field '${field}' is required to reprotect the virtual machine '${item.friendlyName}'.`,
      `providerSpecificDetails.${field} is missing.`,
      `Retry with ${field} set.`,
      ASR_ERROR_CODES.missingProviderInputField,
    );
  }
  return v;
}

function unknownInfra(item: ItemRecord, what: string, id: string | undefined): Error {
  return asrError(400, {
    code: what === 'policy' ? ASR_ERROR_CODES.unknownPolicy : ASR_ERROR_CODES.unknownInfrastructure,
    message: `The ${what} '${id}' specified for the virtual machine '${item.friendlyName}' wasn't found.`,
    possibleCauses: `The ${what} isn't registered with the vault, or the id is misspelt.`,
    recommendedAction: `Pick a ${what} listed in the vault's fabric details and retry.`,
  });
}

function processServer(item: ItemRecord, fabric: FabricData, id: string): string {
  if (!findProcessServer(fabric, id)) throw unknownInfra(item, 'process server', id);
  return id;
}

function runAsAccount(item: ItemRecord, fabric: FabricData, id: string | undefined): void {
  if (id !== undefined && !findRunAsAccount(fabric, id)) throw unknownInfra(item, 'run-as account', id);
}

/**
 * Modernized run-as accounts live in the appliance's VMware site (Microsoft.OffAzure), not in the
 * fabric: the recorded id is `<vmwareSiteId>/runasaccounts/<guid>` (TestV2ARCM540Reprotect.015).
 * Assumed (not recorded): an id outside the site's accounts is refused.
 */
function siteRunAsAccount(fabric: FabricData, id: string): boolean {
  const known = fabric.siteRunAsAccountIds;
  if (known) {
    return known.some((k) => k.toLowerCase() === id.toLowerCase());
  }
  const site = String(fabric.customDetails['vmwareSiteId'] ?? '').toLowerCase();
  return site !== '' && id.toLowerCase().startsWith(`${site}/runasaccounts/`);
}

/** The policy must exist and be of the provider the reprotect starts (an InMageRcm item reprotects with an InMageRcmFailback policy). */
function checkPolicy(hc: HandlerContext, item: ItemRecord, id: string | undefined): string | undefined {
  if (id === undefined) {
    return undefined;
  }
  const found = hc.store.policy(item.vaultKey, id);
  if (!found) throw unknownInfra(item, 'policy', id);
  const expected = INPUT[item.mutable.provider].policyType;
  const actual = String(found.providerSpecificDetails['instanceType'] ?? '');
  if (actual !== expected) {
    throw asrError(400, {
      code: ASR_ERROR_CODES.policyProviderMismatch,
      message: `The policy '${found.friendlyName}' is a ${actual} policy; reprotecting the virtual machine '${item.friendlyName}' needs a ${expected} policy.`,
      possibleCauses: `The replication that reprotect starts is replicated by '${expected}'.`,
      recommendedAction: `Pick a replication policy of type ${expected} and retry.`,
    });
  }
  return id;
}

/** Retention volumes are recorded as "F" (v2aFailbackReprotect.003) and sent as "F" (V2ATestSwitchProtection.013). */
function normalizeVolume(v: string): string {
  return v.replace(/[:\\/]+$/, '').toUpperCase();
}

function volumesOf(mt: Record<string, unknown>): string[] {
  const v = mt['retentionVolumes'];
  return Array.isArray(v) ? v.map((x) => normalizeVolume(String((x as Record<string, unknown>)['volumeName'] ?? ''))) : [];
}

function datastoresOfMasterTarget(mt: Record<string, unknown>): string[] {
  const v = mt['dataStores'];
  return Array.isArray(v) ? v.map((x) => String((x as Record<string, unknown>)['symbolicName'] ?? '')) : [];
}
