import assert from 'node:assert/strict';
import { listSeedDisks, deleteSeedDisk } from '../../../src/azure/seedDisks';
import { failbackPhase } from '../../../src/domain/itemState';
import { leftoverSeedDisks, seedDiskVmName } from '../../../src/domain/seedDisks';
import { practiceWorld } from './harness';

describe('seed disks after replication is disabled', function () {
  this.timeout(30_000);

  it('lists the disks a failed-back VM left in Azure and deletes each with one request', async () => {
    const w = await practiceWorld();
    const items = await w.items();
    const committed = items.find((i) => failbackPhase(i) === 'needsReprotect');
    assert.ok(committed?.recoveryResourceGroupId, 'a failed-back VM names its Azure resource group');
    const groups = [committed.recoveryResourceGroupId!];
    const before = await listSeedDisks(w.scope.clients, groups, []);

    const client = await w.scope.clients.siteRecovery(w.vault.subscriptionId);
    const poller = await client.replicationProtectedItems.beginDelete(
      w.vault.vaultName,
      w.vault.resourceGroup,
      committed.fabricName,
      committed.containerName,
      committed.name,
      { properties: {} },
      { updateIntervalInMs: 1 },
    );
    const jobName = (poller.getOperationState() as unknown as { config?: { operationLocation?: string } }).config?.operationLocation?.split('?')[0].split('/').pop();
    const job = (await w.scope.queries.listJobs(w.vault)).find((j) => j.name === jobName) ?? (await w.scope.queries.listJobs(w.vault)).find((j) => /Disable/i.test(j.scenarioName));
    assert.ok(job, 'disable protection runs as a job');
    await w.runJob(job.name);

    const after = await listSeedDisks(w.scope.clients, groups, []);
    const left = after.filter((d) => !before.some((b) => b.id === d.id));
    assert.ok(left.length > 0, 'seed disks stay behind');
    assert.ok(left.every((d) => (d.vmName === undefined || d.vmName === committed.friendlyName) && (d.sizeGB ?? 0) > 0));

    w.sim.clearRequestLog();
    for (const d of left) await deleteSeedDisk(w.scope.clients, d);
    assert.equal(w.sim.requestLog.filter((r) => r.method === 'DELETE').length, left.length, 'one DELETE per disk');
    const remaining = await listSeedDisks(w.scope.clients, groups, []);
    assert.ok(
      left.every((d) => !remaining.some((r) => r.id === d.id)),
      'deleted disks are gone',
    );
  });
});

describe('seed disks that items still use', () => {
  const disk = (name: string) => ({ id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/${name}`, name });

  it('never lists a disk that a current item names as its seed disk (case-insensitive ids)', () => {
    const inUse = disk('asrseeddisk-rcmvm-PHYSICAL-0481e570-74d6-4d2e-9f0a-2a1c3b4d5e6f');
    const left = disk('asrseeddisk-oldvm-1a2b3c4d');
    const kept = leftoverSeedDisks([inUse, left], [inUse.id.toUpperCase()]);
    assert.deepEqual(
      kept.map((d) => d.name),
      [left.name],
    );
  });

  it('does not take a disk name or GUID piece for the VM name', () => {
    assert.equal(seedDiskVmName({ name: 'asrseeddisk-rcmvm-PHYSICAL-0481e570-74d6-4d2e-9f0a-2a1c3b4d5e6f' }), undefined);
    assert.equal(seedDiskVmName({ name: 'asrseeddisk-web-win-03-1a2b3c4d' }), 'web-win-03');
    assert.equal(seedDiskVmName({ name: 'asrseeddisk-x-0481e570-74d6-4d2e-9f0a-2a1c3b4d5e6f', tags: { 'ASR-VmName': 'sql01' } }), 'sql01');
  });
});
