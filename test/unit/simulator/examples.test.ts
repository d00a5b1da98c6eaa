import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSIC, createSim, itemPath, raw, vaultPath } from './helpers';

// The REST spec's examples, in ../shared beside the repository (as CI places it).
const EXAMPLES = join(__dirname, '../../../../shared/spec/examples');
const load = (f: string) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as { responses: Record<string, { body?: unknown }> };

/** Every property path of the example exists in ours (provider-specific details of another provider excluded). */
function missingPaths(example: unknown, ours: unknown, path = ''): string[] {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) {
    if (Array.isArray(example) && Array.isArray(ours) && example.length && ours.length && typeof example[0] === 'object') {
      return missingPaths(example[0], ours[0], `${path}[0]`);
    }
    return [];
  }
  const exampleObj = example as Record<string, unknown>;
  const ourObj = (ours ?? {}) as Record<string, unknown>;
  if (exampleObj['instanceType'] !== undefined && exampleObj['instanceType'] !== ourObj['instanceType']) {
    return [];
  }
  return Object.keys(exampleObj).flatMap((k) => (k in ourObj ? missingPaths(exampleObj[k], ourObj[k], `${path}.${k}`) : [`${path}.${k}`]));
}

describe('simulator: response shapes match the REST examples', function () {
  it('protected item, job and recovery point carry every property of the examples', async () => {
    const sim = createSim();
    const item = (await raw(sim, 'GET', `${itemPath(sim, 'web-lnx-02')}?api-version=2023-06-01`)).json;
    for (const f of ['2026-05-01/ReplicationProtectedItems_UnplannedFailover.json', '2025-08-01/ReplicationProtectedItems_Reprotect.json']) {
      assert.deepEqual(missingPaths(load(f).responses['200'].body, item), [], f);
    }
    const jobs = (await raw(sim, 'GET', `${vaultPath(sim)}/replicationJobs?api-version=2023-06-01`)).json!.value;
    for (const f of ['2025-08-01/ReplicationJobs_Get.json', '2026-05-01/ReplicationJobs_Cancel.json']) {
      const ex = load(f).responses['200'].body as { properties: { customDetails: { affectedObjectDetails: unknown } } };
      ex.properties.customDetails.affectedObjectDetails = {}; // free-form map whose keys differ per provider
      assert.deepEqual(missingPaths(ex, jobs[0]), [], f);
    }
    const points = (await raw(sim, 'GET', `${itemPath(sim, 'app-lnx-01')}/recoveryPoints?api-version=2023-06-01`)).json!.value;
    assert.deepEqual(missingPaths(load('2026-05-01/RecoveryPoints_Get.json').responses['200'].body, points[0]), []);
    assert.equal(CLASSIC.vault, 'contoso-dr-vault');
    sim.dispose();
  });
});
