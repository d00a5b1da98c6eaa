import assert from 'node:assert/strict';
import { raw } from '../helpers';
import { FABRICS, ITEMS, PLANS, POLICIES, RECORDINGS, resourcesOf, type Provider } from './recordings';
import { API, phaseFor, simIn } from './sim-in-state';
import { missingEntryKeys, missingKeys, spelledAsRecorded } from './shape';

/**
 * Simulator contract, the resources around the items: fabrics (configuration server / replication
 * appliance inventory), policies, recovery plans and recovery points answer with at least the
 * recording's keys, status values spelled as recorded.
 */

const LISTS = ['processServers', 'masterTargetServers', 'runAsAccounts', 'reprotectAgents', 'rcmProxies', 'pushInstallers', 'replicationAgents', 'marsAgents', 'dras'];
const SIM_OF: Record<string, Provider> = { VMware: 'InMageAzureV2', InMageRcm: 'InMageRcm' };

/** Status-like string values of an inventory entry (…Status, health), per key, across all recordings. */
function recordedStatuses(kind: string): Map<string, Set<unknown>> {
  const out = new Map<string, Set<unknown>>();
  for (const { fabric } of FABRICS.filter((f) => f.fabric.properties?.customDetails?.instanceType === kind)) {
    const cd = fabric.properties.customDetails;
    for (const entry of [cd, ...LISTS.flatMap((l) => cd[l] ?? [])]) {
      for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof v === 'string' && /(Status|^health)$/.test(k)) out.set(k, (out.get(k) ?? new Set()).add(v));
      }
    }
  }
  return out;
}

async function simFabric(kind: string) {
  const s = simIn(SIM_OF[kind], 'Protected');
  const list = (await raw(s.sim, 'GET', `${s.vaultPath}/replicationFabrics?api-version=${API}`)).json!.value;
  return { s, fabric: list.find((f: any) => f.properties.customDetails.instanceType === kind) };
}

describe('simulator contract: recorded fabrics, policies, plans, recovery points', function () {
  for (const { rec, fabric } of FABRICS.filter((f) => SIM_OF[f.fabric.properties?.customDetails?.instanceType])) {
    const kind = fabric.properties.customDetails.instanceType;
    it(`${rec.file} — ${kind} fabric ${fabric.properties.friendlyName}: keys of the fabric, its inventory and status spellings`, async () => {
      const { s, fabric: ours } = await simFabric(kind);
      try {
        assert.deepEqual(missingKeys(fabric.properties, ours.properties), [], 'properties keys');
        const cd = fabric.properties.customDetails;
        const q = ours.properties.customDetails;
        assert.deepEqual(missingKeys(cd, q), [], 'customDetails keys');
        for (const list of LISTS.filter((l) => Array.isArray(cd[l]))) {
          assert.deepEqual(missingEntryKeys(cd[list], q[list]), [], `${list} entry keys`);
        }
        const statuses = recordedStatuses(kind);
        const bad = [q, ...LISTS.flatMap((l) => q[l] ?? [])].flatMap((e: Record<string, unknown>) =>
          Object.entries(e)
            .filter(([k, v]) => statuses.has(k) && !spelledAsRecorded(v, statuses.get(k) as Set<unknown>))
            .map(([k, v]) => `${k}=${v}`),
        );
        assert.deepEqual(bad, [], 'status spellings');
      } finally {
        s.sim.dispose();
      }
    });
  }

  for (const { rec, policy } of POLICIES) {
    const type = policy.properties.providerSpecificDetails.instanceType as Provider;
    it(`${rec.file} — ${type} policy ${policy.name}: keys and flag spellings`, async () => {
      const s = simIn(type, 'Protected');
      try {
        const list = (await raw(s.sim, 'GET', `${s.vaultPath}/replicationPolicies?api-version=${API}`)).json!.value;
        const ours = list.find((p: any) => p.properties.providerSpecificDetails.instanceType === type);
        assert.ok(ours, `the simulator has no ${type} policy`);
        assert.deepEqual(missingKeys(policy.properties, ours.properties), []);
        assert.deepEqual(missingKeys(policy.properties.providerSpecificDetails, ours.properties.providerSpecificDetails), []);
        for (const [k, v] of Object.entries(policy.properties.providerSpecificDetails)) {
          if (typeof v === 'string')
            assert.ok(spelledAsRecorded(ours.properties.providerSpecificDetails[k], new Set([v])), `${k}: ${ours.properties.providerSpecificDetails[k]} vs ${v}`);
        }
      } finally {
        s.sim.dispose();
      }
    });
  }

  for (const { rec, plan } of PLANS) {
    it(`${rec.file} — plan ${plan.name}: keys, recovery fabric, allowedOperations of its VMs' recorded state`, async () => {
      // The state its VMs were recorded in around the plan (same session).
      const member = ITEMS.filter((i) => i.rec.session === rec.session).sort((a, b) => Math.abs(a.rec.entry - rec.entry) - Math.abs(b.rec.entry - rec.entry))[0];
      assert.ok(member, 'a recorded VM of the plan');
      const s = simIn(member.provider, phaseFor(member.provider, member.protectionState)!);
      try {
        const ours = (await raw(s.sim, 'GET', `${s.planPath}?api-version=${API}`)).json!;
        assert.deepEqual(missingKeys(plan.properties, ours.properties), []);
        assert.deepEqual(ours.properties.allowedOperations, plan.properties.allowedOperations);
        assert.equal(ours.properties.recoveryFabricId, plan.properties.recoveryFabricId);
        assert.deepEqual(ours.properties.replicationProviders, plan.properties.replicationProviders);
        assert.equal(ours.properties.currentScenario, plan.properties.currentScenario);
        const recorded = plan.properties.groups.flatMap((g: any) => g.replicationProtectedItems)[0];
        const vm = ours.properties.groups.flatMap((g: any) => g.replicationProtectedItems)[0];
        assert.deepEqual(missingKeys(recorded, vm), []);
        const item = (await raw(s.sim, 'GET', `${s.itemPath}?api-version=${API}`)).json!;
        // Recorded: a modernized VM is named by its internalIdentifier (TestV2ARCMRecoveryPlan.013 / .016).
        assert.equal(vm.virtualMachineId, item.properties.providerSpecificDetails.internalIdentifier ?? item.properties.providerSpecificDetails.vmId);
      } finally {
        s.sim.dispose();
      }
    });
  }

  for (const rec of RECORDINGS.filter((r) => r.request.uri.split('?')[0].endsWith('/recoveryPoints'))) {
    it(`${rec.file} — recovery points: keys and isMultiVmSyncPoint spelling`, async () => {
      const point = resourcesOf(rec)[0];
      const provider = point.properties.providerSpecificDetails.instanceType as Provider;
      const s = simIn(provider, 'Protected');
      try {
        const ours = (await raw(s.sim, 'GET', `${s.itemPath}/recoveryPoints?api-version=${API}`)).json!.value[0];
        assert.deepEqual(missingKeys(point, ours), []);
        assert.deepEqual(missingKeys(point.properties, ours.properties), []);
        assert.deepEqual(missingKeys(point.properties.providerSpecificDetails, ours.properties.providerSpecificDetails), []);
        const values = new Set(resourcesOf(rec).map((p: any) => p.properties.providerSpecificDetails.isMultiVmSyncPoint));
        assert.ok(spelledAsRecorded(ours.properties.providerSpecificDetails.isMultiVmSyncPoint, values));
        assert.ok(['CrashConsistent', 'AppConsistent'].includes(ours.properties.recoveryPointType));
      } finally {
        s.sim.dispose();
      }
    });
  }
});
