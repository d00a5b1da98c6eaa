import assert from 'node:assert/strict';
import type { ReplicationProtectedItem } from '@azure/arm-recoveryservices-siterecovery';
import { practiceWorld, rawPages } from './harness';
import { toItem } from '../../../src/azure/mappers';
import { packItems, transferables, unpackItems, type PackedItems } from '../../../src/azure/itemsPageWire';
import type { ReplicatedItem, VaultRef } from '../../../src/domain/model';

/** An item as the list's JSON has it: dates are strings, which toItem reads as the item-page parser feeds it. */
type RawItem = { id?: string; name?: string; properties: Record<string, any> };

const API = 'api-version=2023-06-01';

/** The vault-wide item list of a practice scenario, as raw ARM JSON. */
async function rawItemsOf(scenario: string): Promise<{ vault: VaultRef; raw: RawItem[] }> {
  const { sim, vault } = await practiceWorld({ scenario });
  const pages = await rawPages(sim, `${vault.id}/replicationProtectedItems?${API}`);
  sim.dispose();
  return { vault, raw: pages.flatMap((p) => (JSON.parse(p) as { value: RawItem[] }).value) };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Fields of ReplicatedItem that are optional: each must come back undefined when it went undefined. */
const OPTIONAL: ReadonlyArray<keyof ReplicatedItem> = [
  'provider',
  'activeLocation',
  'replicationHealth',
  'failoverHealth',
  'currentOperation',
  'lastSuccessfulFailoverTime',
  'osType',
  'rpoSeconds',
  'lastRpoCalculatedTime',
  'processServerId',
  'multiVmGroupName',
  'agentRegisteredAfterFailover',
  'azureVmId',
  'vmId',
  'policyId',
  'policyFriendlyName',
  'primaryFabricFriendlyName',
  'recoveryFabricFriendlyName',
  'recoveryResourceGroupId',
  'logStorageAccountId',
  'latestRecoveryPointTime',
];

describe('item-list pages on the wire (packItems / unpackItems)', () => {
  let vault: VaultRef;
  let items: ReplicatedItem[];
  /** The classic item the variants below are made from. */
  let template: string;

  before(async () => {
    const classic = await rawItemsOf('failback-classic');
    const modernized = await rawItemsOf('failback-modernized');
    vault = classic.vault;
    const raw: RawItem[] = [...classic.raw, ...modernized.raw];
    const [first] = classic.raw;
    template = first.name!;
    const jobs = `${vault.id}/replicationJobs`;
    const variant = (name: string, edit: (r: RawItem) => void): RawItem => {
      const r = copy(first);
      r.id = `${first.id!.slice(0, first.id!.lastIndexOf('/') + 1)}${encodeURIComponent(name)}`;
      r.name = name;
      r.properties.friendlyName = name;
      edit(r);
      return r;
    };
    raw.push(
      // A failover running on the item, and several health errors (some fields left out, as ASR does).
      variant('fin-db-07', (r) => {
        r.properties.currentScenario = { scenarioName: 'UnplannedFailover', jobId: `${jobs}/5e7a1c2d-aaaa-4bbb-8ccc-0123456789ab`, startTime: '2026-11-30T22:10:05.123Z' };
        r.properties.replicationHealth = 'Critical';
        r.properties.healthErrors = [
          { errorCode: '78144', errorLevel: 'Error', summaryMessage: 'No app-consistent recovery point in the last 60 minutes', possibleCauses: 'VSS writer failed', recommendedAction: 'Check the VSS writers' },
          { errorCode: '539', errorMessage: 'Replication is blocked: process server is not reachable' },
        ];
      }),
      // An operation with neither job nor start time (sentinel start time).
      variant('fin-db-08', (r) => {
        r.properties.currentScenario = { scenarioName: 'ReverseReplicate', startTime: '1753-01-01T01:01:01Z' };
      }),
      // Names beyond ASCII, and escaped in the id.
      variant('Büro-Dateiserver Ω/東京-01', (r) => {
        r.properties.friendlyName = 'Büro-Dateiserver Ω 東京-01 😀';
        r.properties.policyFriendlyName = 'richtlinie-ä';
      }),
      // Empty strings Site Recovery sends as such, and RPO zero (falsy, still a number).
      variant('print-lnx-09', (r) => {
        r.properties.activeLocation = '';
        r.properties.policyFriendlyName = '';
        r.properties.protectionStateDescription = '';
        r.properties.providerSpecificDetails.rpoInSeconds = 0;
        r.properties.lastSuccessfulFailoverTime = '2026-11-29T08:00:00.001Z';
      }),
      // The same operations as most classic items, in another order: a list of its own.
      variant('print-lnx-10', (r) => {
        r.properties.allowedOperations = [...(first.properties.allowedOperations as string[])].reverse();
      }),
      // Next to nothing (a provider this extension does not handle): every optional field undefined, no operations allowed.
      { id: `${vault.id}/replicationFabrics/f/replicationProtectionContainers/c/replicationProtectedItems/bare-11`, name: 'bare-11', properties: { providerSpecificDetails: { instanceType: 'HyperVReplicaAzure' } } },
    );
    items = raw.map((r) => toItem(vault, r as ReplicationProtectedItem));

    // The set must hold what the tests below are about, whatever the scenarios become.
    const providers = new Set(items.map((i) => i.provider));
    for (const p of ['InMage', 'InMageAzureV2', 'InMageRcm', 'InMageRcmFailback'] as const) assert.ok(providers.has(p), `an ${p} item`);
    assert.deepEqual(new Set(items.map((i) => i.agentRegisteredAfterFailover)), new Set([true, false, undefined]));
    assert.ok(items.some((i) => i.healthIssues.length > 1) && items.some((i) => i.currentOperation?.startTime) && items.some((i) => i.currentOperation && !i.currentOperation.jobId));
    assert.ok(items.some((i) => i.rpoSeconds === 0) && items.some((i) => i.rpoSeconds! > 0) && items.some((i) => i.lastRpoCalculatedTime));
    assert.ok(items.some((i) => i.activeLocation === '') && items.some((i) => i.activeLocation === undefined));
    assert.ok(items.some((i) => i.latestRecoveryPointTime) && items.some((i) => i.lastSuccessfulFailoverTime));
  });

  it('gives back the items it packed, after a copy as postMessage makes', () => {
    const back = unpackItems(structuredClone(packItems(items)), vault);
    assert.equal(back.length, items.length);
    assert.deepEqual(back, items);
    // Field by field too, so a failure names the field.
    back.forEach((item, i) => {
      for (const key of Object.keys(items[i]) as Array<keyof ReplicatedItem>) assert.deepEqual(item[key], items[i][key], `${items[i].name}.${key}`);
    });
  });

  it('gives back every item of the page with the host’s vault object, not a copy', () => {
    const back = unpackItems(structuredClone(packItems(items)), vault);
    assert.ok(back.every((i) => i.vault === vault));
  });

  it('keeps undefined undefined: not NaN, null, 0, false or ""', () => {
    const back = unpackItems(structuredClone(packItems(items)), vault);
    const bare = back.find((i) => i.name === 'bare-11')!;
    for (const key of OPTIONAL) assert.equal(bare[key], undefined, key);
    assert.deepEqual(bare.allowedOperations, []);
    assert.deepEqual(bare.healthIssues, []);
    back.forEach((item, i) => {
      for (const key of OPTIONAL) if (items[i][key] === undefined) assert.equal(item[key], undefined, `${item.name}.${key}`);
    });
  });

  it('keeps empty strings, zero and false as they were', () => {
    const back = unpackItems(structuredClone(packItems(items)), vault);
    const print = back.find((i) => i.name === 'print-lnx-09')!;
    assert.equal(print.activeLocation, '');
    assert.equal(print.policyFriendlyName, '');
    assert.equal(print.protectionStateDescription, '');
    assert.equal(print.rpoSeconds, 0);
    assert.equal(print.lastSuccessfulFailoverTime?.toISOString(), '2026-11-29T08:00:00.001Z');
    back.forEach((item, i) => {
      if (items[i].agentRegisteredAfterFailover !== undefined) assert.equal(item.agentRegisteredAfterFailover, items[i].agentRegisteredAfterFailover, item.name);
    });
  });

  it('keeps names beyond ASCII and names escaped in the id', () => {
    const back = unpackItems(structuredClone(packItems(items)), vault);
    const office = back.find((i) => i.name === 'Büro-Dateiserver Ω/東京-01');
    assert.ok(office, 'the item name decoded from its id');
    assert.equal(office.friendlyName, 'Büro-Dateiserver Ω 東京-01 😀');
    assert.equal(office.policyFriendlyName, 'richtlinie-ä');
    assert.ok(office.id.endsWith('/B%C3%BCro-Dateiserver%20%CE%A9%2F%E6%9D%B1%E4%BA%AC-01'));
  });

  it('survives a real transfer: the buffers are moved and the clone unpacks to the same items', () => {
    const packed = packItems(items);
    const moved = transferables(packed);
    assert.equal(new Set(moved).size, 3, 'three distinct buffers');
    const clone = structuredClone(packed, { transfer: moved });
    for (const view of [packed.text, packed.numbers, packed.operations]) assert.equal(view.byteLength, 0, 'moved, not copied');
    assert.deepEqual(unpackItems(clone, vault), items);
  });

  it('sends each list of allowed operations and each shared string once; items allowing the same operations share one list', () => {
    const packed: PackedItems = structuredClone(packItems(items));
    const key = (ops: readonly string[]) => JSON.stringify(ops);
    assert.equal(packed.operationLists.length, new Set(items.map((i) => key(i.allowedOperations))).size);
    // Values shared between items (policy, fabric, state) cross once; names and ids, unique to
    // their item, are sent as they are.
    const once = (value: string) => packed.strings.filter((s) => s === value).length;
    for (const shared of new Set(items.flatMap((i) => [i.policyId, i.policyFriendlyName, i.protectionState, i.fabricName, i.recoveryResourceGroupId]))) {
      if (shared !== undefined) assert.equal(once(shared), 1, `"${shared}" sent once`);
    }
    assert.ok(packed.strings.includes('failback-policy') && packed.strings.includes(''));

    const back = unpackItems(packed, vault);
    const byOps = new Map<string, readonly string[]>();
    back.forEach((item, i) => {
      assert.deepEqual(item.allowedOperations, items[i].allowedOperations, item.name);
      const k = key(items[i].allowedOperations);
      const seen = byOps.get(k);
      if (seen) assert.equal(item.allowedOperations, seen, `${item.name}: the list shared with the items allowing the same`);
      else byOps.set(k, item.allowedOperations);
    });
    // Same operations in another order are another list, each in its own order.
    const reordered = back.find((i) => i.name === 'print-lnx-10')!;
    const original = back.find((i) => i.name === template)!;
    assert.notEqual(reordered.allowedOperations, original.allowedOperations);
    assert.deepEqual([...reordered.allowedOperations].reverse(), original.allowedOperations);
  });

  it('keeps health issues and the running operation with their item only', () => {
    const back = unpackItems(structuredClone(packItems(items)), vault);
    const running = back.find((i) => i.name === 'fin-db-07')!;
    assert.equal(running.currentOperation?.scenarioName, 'UnplannedFailover');
    assert.equal(running.currentOperation?.jobName, '5e7a1c2d-aaaa-4bbb-8ccc-0123456789ab');
    assert.ok(running.currentOperation?.startTime instanceof Date);
    assert.equal(running.currentOperation.startTime.toISOString(), '2026-11-30T22:10:05.123Z');
    assert.deepEqual(
      running.healthIssues.map((h) => [h.code, h.message]),
      [
        ['78144', 'No app-consistent recovery point in the last 60 minutes'],
        ['539', 'Replication is blocked: process server is not reachable'],
      ],
    );
    const noJob = back.find((i) => i.name === 'fin-db-08')!;
    assert.deepEqual(noJob.currentOperation, { scenarioName: 'ReverseReplicate', jobId: undefined, jobName: undefined, startTime: undefined });
    back.forEach((item, i) => {
      assert.equal(item.healthIssues.length, items[i].healthIssues.length, item.name);
      assert.equal(item.currentOperation === undefined, items[i].currentOperation === undefined, item.name);
    });
  });

  it('packs and unpacks an empty page', () => {
    const packed = packItems([]);
    assert.equal(packed.count, 0);
    assert.deepEqual(unpackItems(structuredClone(packed, { transfer: transferables(packed) }), vault), []);
  });
});
