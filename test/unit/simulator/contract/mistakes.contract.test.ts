import assert from 'node:assert/strict';
import { ASR_ERROR_CODES } from '../../../../src/simulator/index';
import { raw } from '../helpers';
import { POSTS, operationOf, type Recording } from './recordings';
import { adaptBody, API, finishJobs, sendRecorded, simBefore, type SimInState } from './sim-in-state';

/**
 * Simulator contract, refusing: each recorded request, changed into a mistake a client could make
 * (the defects of issue 16 and the checks the cmdlets and the service make), is refused with a 400
 * ARM error and no job; the recorded request itself still goes through afterwards.
 */
type Body = { properties: Record<string, any> };
interface Mistake {
  what: string;
  change: (body: Body, s: SimInState) => unknown;
  code: string;
}

const details = (b: Body) => b.properties.providerSpecificDetails as Record<string, any>;
const withDetails = (b: Body, patch: Record<string, unknown>) => ({ properties: { ...b.properties, providerSpecificDetails: { ...details(b), ...patch } } });

/** Mistakes per recorded request (fixture file name → changes). */
const MISTAKES: Record<string, Mistake[]> = {
  'TestV2ARCM540Reprotect.015.reProtect-post.json': [
    {
      what: 'a failoverDirection of RecoveryToPrimary',
      change: (b) => ({ properties: { ...b.properties, failoverDirection: 'RecoveryToPrimary' } }),
      code: ASR_ERROR_CODES.invalidFailoverDirection,
    },
    {
      what: 'InMageRcm input (reprotect to on-premises) for a failed-back item',
      change: (b, s) => withDetails(b, { instanceType: 'InMageRcm', reprotectAgentId: s.ids.agent, datastoreName: 'datastore1', logStorageAccountId: 'x' }),
      code: ASR_ERROR_CODES.invalidProviderInput,
    },
    {
      what: 'a run-as account outside the appliance site',
      change: (b) => withDetails(b, { runAsAccountId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.OffAzure/VMwareSites/other/runasaccounts/z' }),
      code: ASR_ERROR_CODES.unknownInfrastructure,
    },
    { what: 'an unknown process server', change: (b) => withDetails(b, { processServerId: 'nope' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    {
      what: 'a failback (InMageRcmFailback) policy',
      change: (b, s) => withDetails(b, { policyId: s.policyIdOfType('InMageRcmFailback') }),
      code: ASR_ERROR_CODES.policyProviderMismatch,
    },
  ],
  'TestV2ARCMReprotect.014.reProtect-post.json': [
    { what: 'PrimaryToRecovery', change: (b) => ({ properties: { ...b.properties, failoverDirection: 'PrimaryToRecovery' } }), code: ASR_ERROR_CODES.invalidFailoverDirection },
    {
      what: 'InMageRcmFailback input (reprotect to Azure) for a VM in Azure',
      change: (b, s) => withDetails(b, { instanceType: 'InMageRcmFailback', processServerId: s.ids.processServer, policyId: s.policyIdOfType('InMageRcm') }),
      code: ASR_ERROR_CODES.invalidProviderInput,
    },
    { what: 'an unknown reprotect agent', change: (b) => withDetails(b, { reprotectAgentId: 'nope' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'a datastore the reprotect agent cannot reach', change: (b) => withDetails(b, { datastoreName: 'nope' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'a policy of the forward provider', change: (b, s) => withDetails(b, { policyId: s.policyIdOfType('InMageRcm') }), code: ASR_ERROR_CODES.policyProviderMismatch },
  ],
  'V2ATestSwitchProtection.013.reProtect-post.json': [
    { what: 'an unknown master target', change: (b) => withDetails(b, { masterTargetId: 'nope' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'a retention volume the master target lacks', change: (b) => withDetails(b, { retentionDrive: 'Q' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'a datastore the master target lacks', change: (b) => withDetails(b, { datastoreName: 'nope' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'an unknown run-as account', change: (b) => withDetails(b, { runAsAccountId: '99' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'an InMageAzureV2 profile', change: (b, s) => withDetails(b, { profileId: s.policyIdOfType('InMageAzureV2') }), code: ASR_ERROR_CODES.policyProviderMismatch },
  ],
  'V2ATestReprotect.013.rec2021-reProtect-post.json': [
    { what: 'an unknown process server', change: (b) => withDetails(b, { processServerId: 'nope' }), code: ASR_ERROR_CODES.unknownInfrastructure },
    { what: 'an InMage (failback) policy', change: (b, s) => withDetails(b, { policyId: s.policyIdOfType('InMage') }), code: ASR_ERROR_CODES.policyProviderMismatch },
  ],
  'TestV2ARCMFailback.012.plannedFailover-post.json': [
    {
      what: 'CrashConsistent spelt as the classic LatestTime',
      change: (b) => withDetails(b, { recoveryPointType: 'LatestTime' }),
      code: ASR_ERROR_CODES.missingProviderInputField,
    },
  ],
  // Assumed (not recorded): the test network checks (handlers/towards-azure-rules.ts).
  'V2ATFOJob.012.testFailover-post.json': [
    { what: 'no networkId', change: (b) => ({ properties: { ...b.properties, networkId: undefined } }), code: ASR_ERROR_CODES.missingProviderInputField },
    { what: 'a network that does not exist', change: (b, s) => ({ properties: { ...b.properties, networkId: `${s.networkId}-gone` } }), code: ASR_ERROR_CODES.invalidTestNetwork },
  ],
  'TestV2ARCMTestFailover.012.testFailover-post.json': [
    {
      what: 'no networkId, neither in the properties nor in the details',
      change: (b) => ({ properties: { ...withDetails(b, { networkId: undefined }).properties, networkId: undefined } }),
      code: ASR_ERROR_CODES.missingProviderInputField,
    },
    {
      what: 'a network of another region',
      change: (b, s) => {
        const other = s.networkId.replace('vnet-dr-drill-isolated', 'vnet-branch-eastus');
        return { properties: { ...withDetails(b, { networkId: other }).properties, networkId: other } };
      },
      code: ASR_ERROR_CODES.invalidTestNetwork,
    },
    { what: 'InMageAzureV2 input', change: (b) => withDetails(b, { instanceType: 'InMageAzureV2' }), code: ASR_ERROR_CODES.invalidProviderInput },
  ],
  'TestV2ARCMFailover.012.unplannedFailover-post.json': [
    { what: 'RecoveryToPrimary', change: (b) => ({ properties: { ...b.properties, failoverDirection: 'RecoveryToPrimary' } }), code: ASR_ERROR_CODES.invalidFailoverDirection },
  ],
};

/** Plan operations built from the recorded item requests (no plan operation is recorded yet). */
async function postPlan(s: SimInState, operation: string, body?: unknown) {
  return raw(s.sim, 'POST', `${s.planPath}/${operation}?api-version=${API}`, body === undefined ? undefined : JSON.stringify(body));
}

function jobCount(s: SimInState) {
  return raw(s.sim, 'GET', `${s.vaultPath}/replicationJobs?api-version=${API}`).then((r) => r.json!.value.length as number);
}

const byFile = (suffix: string): Recording | undefined => POSTS.find((p) => p.file.endsWith(suffix));

describe('simulator contract: mistakes on recorded requests are refused', function () {
  for (const [file, mistakes] of Object.entries(MISTAKES)) {
    const rec = byFile(file);
    if (!rec) continue;
    for (const m of mistakes) {
      it(`${rec.file} with ${m.what} → 400 ${m.code}`, async () => {
        const s = await simBefore(rec);
        try {
          const jobs = await jobCount(s);
          const res = await sendRecorded(s, rec, m.change((await adaptBody(s, rec)) as Body, s));
          assert.equal(res.status, 400, JSON.stringify(res.json));
          assert.equal(res.json?.error.code, m.code, res.json?.error.message);
          assert.ok(res.json?.error.message && res.json?.error.recommendedAction);
          assert.equal(await jobCount(s), jobs, 'no job for a refused request');
          assert.equal((await sendRecorded(s, rec)).status, 202, 'the recorded request still goes through');
        } finally {
          s.sim.dispose();
        }
      });
    }
  }

  for (const rec of POSTS.filter((p) => operationOf(p) === 'reProtect')) {
    it(`${rec.file} as a recovery plan reprotect → 400 UnsupportedReplicationProviderForReprotect`, async () => {
      const s = await simBefore(rec);
      try {
        const res = await postPlan(s, 'reProtect');
        assert.equal(res.status, 400);
        assert.equal(res.json?.error.code, 'UnsupportedReplicationProviderForReprotect');
        assert.equal(res.json?.error.message, `Unsupported replication provider ${s.provider} for reprotect`);
      } finally {
        s.sim.dispose();
      }
    });
  }

  const failback = byFile('TestV2ARCMFailback.012.plannedFailover-post.json');
  if (failback) {
    it(`${failback.file} as a plan input: RecoveryToPrimary with useMultiVmSyncPoint is accepted, PrimaryToRecovery refused`, async () => {
      const s = await simBefore(failback);
      try {
        const input = (failoverDirection: string) => ({
          properties: { failoverDirection, providerSpecificDetails: [{ ...failback.request.body.properties.providerSpecificDetails, useMultiVmSyncPoint: 'True' }] },
        });
        const wrong = await postPlan(s, 'plannedFailover', input('PrimaryToRecovery'));
        assert.equal(wrong.status, 400);
        assert.equal(wrong.json?.error.code, ASR_ERROR_CODES.invalidFailoverDirection);
        assert.equal((await postPlan(s, 'plannedFailover', input('RecoveryToPrimary'))).status, 202);
      } finally {
        s.sim.dispose();
      }
    });
  }

  for (const suffix of [
    'TestV2ARCMCommit.012.failoverCommit-post.json',
    'TestV2ARCMCancelFailover.012.failoverCancel-post.json',
    'V2AFailoverJob.295.failoverCommit-post.json',
    'V2ATestFailback.606.failoverCommit-post.json',
  ]) {
    const rec = byFile(suffix);
    if (!rec) continue;
    it(`${rec.file}: change recovery point only with an input the API defines (InMageAzureV2, InMageRcm)`, async () => {
      const s = await simBefore(rec);
      try {
        for (const instanceType of ['InMage', 'InMageRcmFailback']) {
          const res = await raw(
            s.sim,
            'POST',
            `${s.itemPath}/applyRecoveryPoint?api-version=${API}`,
            JSON.stringify({ properties: { recoveryPointId: 'x', providerSpecificDetails: { instanceType } } }),
          );
          assert.equal(res.status, 400);
          assert.equal(res.json?.error.code, ASR_ERROR_CODES.invalidProviderInput);
          assert.match(res.json?.error.message, new RegExp(`'${instanceType}'`));
        }
        await finishJobs(s);
      } finally {
        s.sim.dispose();
      }
    });
  }
});
