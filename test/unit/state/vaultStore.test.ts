// One truth on screen: the tree row renders from the vault store, so while this window runs an
// operation on a VM every view shows that operation and offers nothing else.
import assert from 'node:assert/strict';
import { useFakeVscode } from '../support/fakeVscode';
import { item } from '../domain/fixtures';
import type { JobInfo } from '../../../src/domain/model';

useFakeVscode();
const { VaultStore } = require('../../../src/state/vaultStore') as typeof import('../../../src/state/vaultStore');
const { ItemNode } = require('../../../src/tree/itemNode') as typeof import('../../../src/tree/itemNode');

function row(store: InstanceType<typeof VaultStore>, vm: ReturnType<typeof item>, now = 0) {
  const ti = new ItemNode(undefined as never, store.current(vm), store.operation(vm.id), now, store.note(vm.id)).treeItem();
  return { description: String(ti.description), context: String(ti.contextValue) };
}

describe('the vault store: one reading and one operation per VM, for every view', () => {
  it('a running reprotect replaces the state and the actions of its row, then the re-read state returns', () => {
    const store = new VaultStore();
    const vm = item('classicCommitted');
    store.read([vm]);
    assert.match(row(store, vm).context, /can\.reprotect/);
    assert.equal(row(store, vm).description, 'Failed back · reprotect to Azure');

    store.begin(vm.id, { label: 'Reprotect', phase: 'sending', windowEndsAt: 15 * 60_000 });
    assert.equal(row(store, vm).description, 'Reprotect · starting');
    assert.equal(row(store, vm).context, 'siteRecovery.item', 'no second reprotect can be started from the menu');

    // The agent wait is one operation: the attempt and the time left, not a failure.
    store.update(vm.id, { phase: 'waitingForAgent', attempt: 6 });
    assert.equal(row(store, vm, 15 * 60_000 - 329_000).description, 'Reprotect · waiting for the agent · attempt 6 · 5:29 left');

    store.jobStarted('job-7', [vm.id]);
    const job = {
      name: 'job-7',
      tasks: [
        { friendlyName: 'Prerequisite check', state: 'Succeeded' },
        { friendlyName: 'Reprotecting virtual machine', state: 'InProgress' },
      ],
    } as unknown as JobInfo;
    store.jobReading(job);
    assert.equal(row(store, vm).description, 'Reprotect · Reprotecting virtual machine');

    // The job ended: the VM is read again before the operation ends, so no view shows the old state as final.
    store.read([item('classicToAzure', { id: vm.id, name: vm.name, friendlyName: vm.friendlyName })]);
    store.end(vm.id);
    assert.equal(row(store, vm).description, 'Replicating to Azure');
  });

  it('tells every listener which VMs changed, and only when something a view shows changed', () => {
    const store = new VaultStore();
    const vm = item('classicReadyToFailBack');
    const changes: Array<string[] | undefined> = [];
    store.onDidChange((c) => changes.push(c.itemIds));
    store.read([vm]);
    store.read([{ ...vm }]);
    assert.deepEqual(changes, [], 'first sight and an unchanged reading redraw nothing');
    store.read([item('classicAwaitingCommit', { id: vm.id })]);
    store.begin(vm.id, { label: 'Commit', phase: 'sending' });
    assert.deepEqual(changes, [[vm.id], [vm.id]]);
  });

  it('a cancelled failover that shut the Azure VM down is said on the row until Site Recovery reports a new state', () => {
    const store = new VaultStore();
    const vm = item('classicReadyToFailBack');
    store.read([vm]);
    store.setNote(vm.id, 'failover cancelled after the Azure VM was shut down: start the Azure VM, or fail over again');
    assert.match(row(store, vm).description, /^Replicating to on-premises · ⚠ failover cancelled after the Azure VM was shut down/);
    store.read([item('classicAwaitingCommit', { id: vm.id })]);
    assert.equal(store.note(vm.id), undefined);
  });

  it('forgets the practice vault’s VMs on reset, and redraws everything', () => {
    const store = new VaultStore();
    const practiceVm = item('classicReadyToFailBack', { vault: { ...item('classicReadyToFailBack').vault, practice: true } });
    const azureVm = item('modernToAzure');
    store.read([practiceVm, azureVm]);
    store.begin(practiceVm.id, { label: 'Failover', phase: 'running' });
    const changes: unknown[] = [];
    store.onDidChange((c) => changes.push(c));
    store.clear((i) => !!i.vault.practice);
    assert.equal(store.operation(practiceVm.id), undefined);
    assert.equal(store.current(azureVm), azureVm);
    assert.deepEqual(changes, [{}]);
  });
});
