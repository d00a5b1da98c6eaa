// Mapped items on their way from the items-page worker to the extension host's thread, packed.
// Most of an item's strings are shared with the rest of its page (policy, fabric and container
// names, states, resource groups): packed, each distinct string crosses once per page and the
// host's items share it. Structured cloning sent every string of every item; the host then paid
// twice, once deserializing ~30 objects per item and again copying them through the next
// scavenges, as the items live on in the tree (npm run bench).
import type { HealthIssue, ReplicatedItem, RunningOperation, VaultRef } from '../domain/model';

type KeysOf<V> = { [K in keyof ReplicatedItem]-?: Exclude<ReplicatedItem[K], undefined> extends V ? K : never }[keyof ReplicatedItem];

/** Fields that are strings: sent as indices into the page's table of distinct strings. */
const TEXT = [
  'id',
  'name',
  'friendlyName',
  'fabricName',
  'containerName',
  'provider',
  'providerInstanceType',
  'protectionState',
  'protectionStateDescription',
  'activeLocation',
  'replicationHealth',
  'failoverHealth',
  'osType',
  'processServerId',
  'multiVmGroupName',
  'azureVmId',
  'vmId',
  'policyId',
  'policyFriendlyName',
  'primaryFabricFriendlyName',
  'recoveryFabricFriendlyName',
  'recoveryResourceGroupId',
  'logStorageAccountId',
] as const satisfies ReadonlyArray<KeysOf<string>>;

/** Dates, sent as epoch milliseconds. */
const DATES = ['lastSuccessfulFailoverTime', 'lastRpoCalculatedTime', 'latestRecoveryPointTime'] as const satisfies ReadonlyArray<KeysOf<Date>>;

// Every field has its way across: the build fails here when ReplicatedItem gains one that has not.
type Carried = (typeof TEXT)[number] | (typeof DATES)[number] | 'vault' | 'allowedOperations' | 'healthIssues' | 'currentOperation' | 'rpoSeconds' | 'agentRegisteredAfterFailover';
const everyFieldCarried: [Exclude<keyof ReplicatedItem, Carried>] extends [never] ? true : Exclude<keyof ReplicatedItem, Carried> = true;
void everyFieldCarried;

const NONE = -1;

export interface PackedItems {
  count: number;
  /** The page's distinct strings. */
  strings: string[];
  /** count × TEXT.length indices into `strings` (NONE: undefined). */
  text: Int32Array;
  /** count × (DATES.length + 2): the dates, then rpoSeconds and agentRegisteredAfterFailover (1/0); NaN: undefined. */
  numbers: Float64Array;
  /** Per item, an index into `operationLists` (most items of a page allow the same operations). */
  operations: Int32Array;
  operationLists: string[][];
  /** Per item, its health issues and running operation; 0 when it has neither (most items). */
  rare: Array<0 | { healthIssues: readonly HealthIssue[]; currentOperation?: RunningOperation }>;
}

const NUMBERS = DATES.length + 2;

/** Strings no other item of the page has: sent as they are, never looked up. */
const UNIQUE: ReadonlySet<TextField> = new Set<TextField>(['id', 'name', 'friendlyName', 'azureVmId', 'vmId']);
const SHARED = TEXT.map((field) => !UNIQUE.has(field));

type TextField = (typeof TEXT)[number];
/** Where each string field sits among an item's TEXT.length indices. */
const AT = Object.fromEntries(TEXT.map((field, k) => [field, k])) as Record<TextField, number>;
/** Where each date sits among an item's NUMBERS. */
const DATE_AT = Object.fromEntries(DATES.map((field, k) => [field, k])) as Record<(typeof DATES)[number], number>;

/** Packs mapped items (worker side). The typed arrays' buffers can be transferred. */
export function packItems(items: readonly ReplicatedItem[]): PackedItems {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  // A page's items mostly repeat the previous item's value: compared first (a length and a
  // memcmp), looked up only when it differs, for hashing a fresh 200-character id is the cost.
  const previous: Array<string | undefined> = new Array<string | undefined>(TEXT.length);
  const previousAt = new Int32Array(TEXT.length);
  const operationLists: string[][] = [];
  const operationIndex = new Map<string, number>();
  const text = new Int32Array(items.length * TEXT.length);
  const numbers = new Float64Array(items.length * NUMBERS);
  const operations = new Int32Array(items.length);
  const rare: PackedItems['rare'] = [];
  items.forEach((item, i) => {
    for (let k = 0; k < TEXT.length; k++) {
      const value = item[TEXT[k]];
      let at: number;
      if (value === undefined) at = NONE;
      else if (value === previous[k]) at = previousAt[k];
      else {
        at = SHARED[k] ? stringIndex.get(value) ?? NONE : NONE;
        if (at === NONE) {
          at = strings.push(value) - 1;
          if (SHARED[k]) stringIndex.set(value, at);
        }
        previous[k] = value;
        previousAt[k] = at;
      }
      text[i * TEXT.length + k] = at;
    }
    const n = i * NUMBERS;
    for (let k = 0; k < DATES.length; k++) numbers[n + k] = item[DATES[k]]?.getTime() ?? NaN;
    numbers[n + DATES.length] = item.rpoSeconds ?? NaN;
    numbers[n + DATES.length + 1] = item.agentRegisteredAfterFailover === undefined ? NaN : Number(item.agentRegisteredAfterFailover);
    const key = JSON.stringify(item.allowedOperations); // unambiguous: [] is not ['']
    let ops = operationIndex.get(key);
    if (ops === undefined) operationIndex.set(key, (ops = operationLists.push([...item.allowedOperations]) - 1));
    operations[i] = ops;
    rare.push(item.healthIssues.length > 0 || item.currentOperation ? { healthIssues: item.healthIssues, currentOperation: item.currentOperation } : 0);
  });
  return { count: items.length, strings, text, numbers, operations, operationLists, rare };
}

const NO_HEALTH_ISSUES: readonly HealthIssue[] = Object.freeze([]);

/**
 * Builds the items back (host side), every one with `vault`; items of a page share their
 * strings and operation lists. One literal, in toItem's field order: the items have the shape
 * of those mapped on this thread, and property access on them stays monomorphic.
 */
export function unpackItems(packed: PackedItems, vault: VaultRef): ReplicatedItem[] {
  const { count, strings, text, numbers, operations, rare } = packed;
  const lists = packed.operationLists.map((l) => Object.freeze(l));
  const out: ReplicatedItem[] = new Array<ReplicatedItem>(count);
  // Helpers made once per page, not once per item: thousands of items per load.
  let t = 0;
  let n = 0;
  const str = (field: TextField) => (text[t + AT[field]] === NONE ? undefined : strings[text[t + AT[field]]]);
  const num = (k: number) => (Number.isNaN(numbers[n + k]) ? undefined : numbers[n + k]);
  const date = (k: number) => (Number.isNaN(numbers[n + k]) ? undefined : new Date(numbers[n + k]));
  for (let i = 0; i < count; i++) {
    t = i * TEXT.length;
    n = i * NUMBERS;
    const registered = num(DATES.length + 1);
    const r = rare[i];
    out[i] = {
      id: str('id')!,
      name: str('name')!,
      friendlyName: str('friendlyName')!,
      fabricName: str('fabricName')!,
      containerName: str('containerName')!,
      vault,
      provider: str('provider') as ReplicatedItem['provider'],
      providerInstanceType: str('providerInstanceType')!,
      protectionState: str('protectionState')!,
      protectionStateDescription: str('protectionStateDescription')!,
      activeLocation: str('activeLocation'),
      allowedOperations: lists[operations[i]],
      replicationHealth: str('replicationHealth'),
      failoverHealth: str('failoverHealth'),
      healthIssues: r ? r.healthIssues : NO_HEALTH_ISSUES,
      currentOperation: r ? r.currentOperation : undefined,
      lastSuccessfulFailoverTime: date(DATE_AT.lastSuccessfulFailoverTime),
      osType: str('osType'),
      rpoSeconds: num(DATES.length),
      lastRpoCalculatedTime: date(DATE_AT.lastRpoCalculatedTime),
      processServerId: str('processServerId'),
      multiVmGroupName: str('multiVmGroupName'),
      agentRegisteredAfterFailover: registered === undefined ? undefined : registered === 1,
      azureVmId: str('azureVmId'),
      vmId: str('vmId'),
      policyId: str('policyId'),
      policyFriendlyName: str('policyFriendlyName'),
      primaryFabricFriendlyName: str('primaryFabricFriendlyName'),
      recoveryFabricFriendlyName: str('recoveryFabricFriendlyName'),
      recoveryResourceGroupId: str('recoveryResourceGroupId'),
      logStorageAccountId: str('logStorageAccountId'),
      latestRecoveryPointTime: date(DATE_AT.latestRecoveryPointTime),
    };
  }
  return out;
}

/** The buffers to transfer with a packed page (moved, not copied). */
export function transferables(packed: PackedItems): ArrayBuffer[] {
  return [packed.text.buffer as ArrayBuffer, packed.numbers.buffer as ArrayBuffer, packed.operations.buffer as ArrayBuffer];
}
