import assert from 'node:assert/strict';
import { ITEMS, isList, PROVIDERS, recordedValues, type Provider } from './recordings';
import { phaseFor, readItem, simIn } from './sim-in-state';
import { missingKeys, spelledAsRecorded } from './shape';

/**
 * Simulator contract, reading: for every replicated item recorded on a live vault, the simulator put
 * into the same (provider, protectionState) answers with at least the recording's keys (properties and
 * providerSpecificDetails), the same protectionState, activeLocation and allowedOperations, and enum
 * values spelled as ASR spells them.
 */

/**
 * Enum-valued keys: the simulator's value must be spelled like a value ASR was recorded sending for
 * that provider (another member, e.g. BIOS where only UEFI was recorded, is fine; "Differential Sync"
 * where "DifferentialSync" was recorded is not).
 */
const ENUM_PROPERTIES = [
  'protectionState',
  'protectionStateDescription',
  'activeLocation',
  'testFailoverState',
  'testFailoverStateDescription',
  'replicationHealth',
  'failoverHealth',
  'primaryFabricProvider',
  'protectedItemType',
];
const ENUM_DETAILS = [
  'instanceType',
  'discoveryType',
  'protectionStage',
  'vmProtectionState',
  'resyncRequired',
  'resyncState',
  'initialReplicationProgressHealth',
  'resyncProgressHealth',
  'agentUpgradeState',
  'isAgentUpdateRequired',
  'isRebootAfterUpdateRequired',
  'useManagedDisks',
  'multiVmSyncStatus',
  'diskResized',
  'enableRdpOnTargetOption',
  'licenseType',
  'sqlServerLicenseType',
  'totalProgressHealth',
  'lastPlannedFailoverStatus',
  'activeSiteType',
  'isLastUpgradeSuccessful',
  'firmwareType',
  'targetGeneration',
  'azureVmGeneration',
  'osType',
];

function badEnums(provider: Provider, level: 'properties' | 'details', keys: string[], recorded: Record<string, unknown>, ours: Record<string, unknown>): string[] {
  return keys
    .filter((k) => typeof recorded[k] === 'string' && k in ours)
    .filter((k) => !spelledAsRecorded(ours[k], recordedValues(provider, level, k)))
    .map((k) => `${k}=${JSON.stringify(ours[k])} (recorded: ${[...recordedValues(provider, level, k)].map((v) => JSON.stringify(v)).join(', ')})`);
}

describe('simulator contract: recorded items', function () {
  it('the recordings hold items of all four VMware providers', () => {
    assert.deepEqual(
      PROVIDERS.filter((p) => !ITEMS.some((i) => i.provider === p)),
      [],
    );
  });

  for (const { rec, item, provider, protectionState } of ITEMS) {
    it(`${rec.file} — ${item.properties.friendlyName}: ${provider} ${protectionState}`, async () => {
      const phase = phaseFor(provider, protectionState);
      assert.ok(phase, `the simulator has no ${provider} state '${protectionState}'`);
      const s = simIn(provider, phase);
      try {
        const ours = await readItem(s, isList(rec));
        const p = item.properties;
        const q = ours.properties;
        assert.deepEqual(missingKeys(p, q), [], 'properties keys');
        assert.deepEqual(missingKeys(p.providerSpecificDetails, q.providerSpecificDetails), [], 'providerSpecificDetails keys');
        assert.equal(q.protectionState, p.protectionState);
        assert.equal(q.protectionStateDescription, p.protectionStateDescription);
        assert.equal(q.activeLocation, p.activeLocation);
        assert.deepEqual(q.allowedOperations, p.allowedOperations);
        assert.deepEqual(badEnums(provider, 'properties', ENUM_PROPERTIES, p, q), [], 'enum spellings (properties)');
        assert.deepEqual(badEnums(provider, 'details', ENUM_DETAILS, p.providerSpecificDetails, q.providerSpecificDetails), [], 'enum spellings (details)');
        const agent = p.providerSpecificDetails.isAgentRegistrationSuccessfulAfterFailover;
        if (agent !== undefined && protectionState !== 'Protected') {
          // After a failover the value is a flag (false until the agent registered, recorded both ways); before one, null.
          assert.equal(typeof q.providerSpecificDetails.isAgentRegistrationSuccessfulAfterFailover, agent === null ? 'object' : 'boolean');
        }
      } finally {
        s.sim.dispose();
      }
    });
  }
});
