import assert from 'node:assert/strict';
import { parseArmId, replicatedItemNames } from '../../../src/domain/armId';

const VAULT = '/Subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/contoso-dr-rg/providers/Microsoft.RecoveryServices/vaults/contoso-dr-vault';
const itemId = (fabric: string, container: string, item: string, segments = ['replicationFabrics', 'replicationProtectionContainers', 'replicationProtectedItems']) =>
  `${VAULT}/${segments[0]}/${fabric}/${segments[1]}/${container}/${segments[2]}/${item}`;

/** What parseArmId, the general parser, reads from the same id. */
const fromSegments = (id: string) => {
  const s = parseArmId(id).segments;
  return { fabric: s['replicationfabrics'], container: s['replicationprotectioncontainers'], item: s['replicationprotecteditems'] };
};

describe('replicatedItemNames', () => {
  it('reads fabric, container and item from a replicated item id', () => {
    const id = itemId('contoso-cs01', 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30', 'app-lnx-01');
    assert.deepEqual(replicatedItemNames(id), { fabric: 'contoso-cs01', container: 'cloud_6a3f2c1e-0d4b-4e8a-9c1f-2b7d5e9a1c30', item: 'app-lnx-01' });
  });

  it('decodes escaped names: spaces, slashes, letters beyond ASCII', () => {
    // Site Recovery names its Azure fabric and container "Microsoft Azure"; a name may hold a slash only escaped.
    const id = itemId('Microsoft%20Azure', 'Microsoft%20Azure', 'b%C3%BCro%2Fdb%2f01');
    assert.deepEqual(replicatedItemNames(id), { fabric: 'Microsoft Azure', container: 'Microsoft Azure', item: 'büro/db/01' });
  });

  it('keeps a "%" that starts no escape as written, instead of failing the whole page', () => {
    const id = itemId('cs-01', 'cloud_01', 'load-100%');
    assert.deepEqual(replicatedItemNames(id), { fabric: 'cs-01', container: 'cloud_01', item: 'load-100%' });
    assert.equal(parseArmId(id).segments['replicationprotecteditems'], 'load-100%');
  });

  it('matches the segment names whatever their case (ARM compares them case-insensitively)', () => {
    for (const segments of [
      ['REPLICATIONFABRICS', 'REPLICATIONPROTECTIONCONTAINERS', 'REPLICATIONPROTECTEDITEMS'],
      ['replicationfabrics', 'replicationprotectioncontainers', 'replicationprotecteditems'],
      ['ReplicationFabrics', 'replicationProtectionContainers', 'ReplicationProtectedItems'],
    ]) {
      assert.deepEqual(replicatedItemNames(itemId('cs-01', 'cloud_01', 'vm-00001', segments)), { fabric: 'cs-01', container: 'cloud_01', item: 'vm-00001' }, segments.join('/'));
    }
  });

  it('keeps the names’ own case', () => {
    assert.deepEqual(replicatedItemNames(itemId('CS-01', 'Cloud_01', 'VM-00001')), { fabric: 'CS-01', container: 'Cloud_01', item: 'VM-00001' });
  });

  it('takes an id with a trailing slash', () => {
    assert.deepEqual(replicatedItemNames(`${itemId('cs-01', 'cloud_01', 'vm-00001')}/`), { fabric: 'cs-01', container: 'cloud_01', item: 'vm-00001' });
  });

  it('falls back to reading segment by segment when the id does not end with the item', () => {
    // A recovery point's id: the item is not last.
    const point = `${itemId('cs-01', 'cloud_01', 'vm-00001')}/recoveryPoints/7d0b9c6e`;
    assert.deepEqual(replicatedItemNames(point), { fabric: 'cs-01', container: 'cloud_01', item: 'vm-00001' });
    // An empty segment (doubled slash) is skipped, as the general parser skips it.
    assert.deepEqual(replicatedItemNames(itemId('cs-01', 'cloud_01', 'vm-00001').replace('/replicationProtectedItems/', '/replicationProtectedItems//')), {
      fabric: 'cs-01',
      container: 'cloud_01',
      item: 'vm-00001',
    });
    // A container's id: no item.
    assert.deepEqual(replicatedItemNames(`${VAULT}/replicationFabrics/cs-01/replicationProtectionContainers/cloud_01`), {
      fabric: 'cs-01',
      container: 'cloud_01',
      item: undefined,
    });
    // Not an id at all (toItem passes '' when Site Recovery sends none).
    assert.deepEqual(replicatedItemNames(''), { fabric: undefined, container: undefined, item: undefined });
    assert.deepEqual(replicatedItemNames('vm-00001'), { fabric: undefined, container: undefined, item: undefined });
  });

  it('agrees with parseArmId on every id of a batch', () => {
    const names = [
      ['contoso-cs01', 'contoso-cs01'],
      ['Microsoft%20Azure', 'Microsoft Azure'],
      ['fabrik%C3%A4m-appliance%2F01', 'fabrikäm-appliance/01'],
    ];
    const casings = [
      ['replicationFabrics', 'replicationProtectionContainers', 'replicationProtectedItems'],
      ['replicationfabrics', 'replicationprotectioncontainers', 'replicationprotecteditems'],
      ['REPLICATIONFABRICS', 'ReplicationProtectionContainers', 'REPLICATIONprotectedITEMS'],
    ];
    let checked = 0;
    for (const [fabric, fabricName] of names) {
      for (const [container, containerName] of names) {
        for (const [item, itemName] of names) {
          for (const segments of casings) {
            for (const tail of ['', '/']) {
              for (const prefix of ['', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v']) {
                const id = `${prefix || VAULT}${itemId(fabric, container, item, segments).slice(VAULT.length)}${tail}`;
                const got = replicatedItemNames(id);
                assert.deepEqual(got, fromSegments(id), id);
                assert.deepEqual(got, { fabric: fabricName, container: containerName, item: itemName }, id);
                checked++;
              }
            }
          }
        }
      }
    }
    assert.equal(checked, 3 * 3 * 3 * 3 * 2 * 2);
  });
});
