// Contract, reading: every replicated item, job and plan that live vaults returned goes through
// the extension's own mapping (the SDK path and the raw list-page path) and domain, and the
// extension must say what a person needs: where the VM runs, which way data flows, what it offers.
import assert from 'node:assert/strict';
import { allRecorded, kindOf, recorded, recordedScope, resourcesOf, vaultOf, type Recorded } from './recorded';
import { explainJson } from '../../../src/explain/explain';
import { toItem, toJob, toProcessServers } from '../../../src/azure/mappers';
import { nextStepAfter, shutdownText, shutdownVerdict, type NextStep } from '../../../src/domain/jobs';
import { summarizeProcessServer } from '../../../src/domain/processServers';
import { listOnPremisesInfrastructure } from '../../../src/azure/infrastructure';
import { itemTooltipRows } from '../../../src/domain/itemTooltip';
import { failbackChecklist } from '../../../src/domain/checklist';

interface Expected {
  state: string | RegExp;
  runsIn: 'azure' | 'onPremises' | 'unknown';
  actions: string[];
  nextStep: RegExp;
}

/**
 * What the extension must show for each (provider, protectionState) that the recordings hold.
 * A new recorded state fails the "every state is expected" test until it is decided here.
 */
const EXPECTED: Record<string, Expected> = {
  'InMageAzureV2:Protected': { state: 'Replicating to Azure', runsIn: 'onPremises', actions: ['testFailover', 'failoverToAzure'], nextStep: /test failover.*fail over to Azure/ },
  'InMageAzureV2:UnplannedFailoverCommitted': {
    state: 'Running in Azure · reprotect to on-premises',
    runsIn: 'azure',
    actions: ['reprotectToOnPremises'],
    nextStep: /Reprotect to on-premises/,
  },
  'InMageAzureV2:UnplannedFailoverCompletionFailed': { state: "Failover couldn't be completed", runsIn: 'onPremises', actions: [], nextStep: /None offered/ },
  // Recorded (V2ATestReprotect): a committed classic failover to Azure under another state name.
  'InMageAzureV2:UnplannedFailoverStatesBegin': {
    state: 'Running in Azure · reprotect to on-premises',
    runsIn: 'azure',
    actions: ['reprotectToOnPremises'],
    nextStep: /Reprotect to on-premises/,
  },
  'InMage:InitialReplicationInProgress': { state: 'Initial replication is in progress · to on-premises', runsIn: 'azure', actions: [], nextStep: /initial replication finishes/ },
  'InMageRcm:InitialReplicationRecoveryCompletionPending': {
    state: 'Waiting for first recovery point · to Azure',
    runsIn: 'onPremises',
    actions: [],
    nextStep: /initial replication finishes/,
  },
  'InMageRcmFailback:InitialReplicationInProgress': {
    state: 'Initial replication is in progress · to on-premises',
    runsIn: 'azure',
    actions: [],
    nextStep: /initial replication finishes/,
  },
  'InMageRcm:Protected': { state: 'Replicating to Azure', runsIn: 'onPremises', actions: ['testFailover', 'failoverToAzure'], nextStep: /test failover.*fail over to Azure/ },
  'InMageRcm:UnplannedFailoverCommitPendingStatesBegin': {
    state: 'Failed over to Azure · commit pending',
    runsIn: 'azure',
    actions: ['commit', 'changeRecoveryPoint', 'reprotectToOnPremises'],
    nextStep: /commit the failover to Azure/,
  },
  'InMageRcm:UnplannedFailoverCommitted': {
    state: 'Running in Azure · reprotect to on-premises',
    runsIn: 'azure',
    actions: ['reprotectToOnPremises'],
    nextStep: /Reprotect to on-premises/,
  },
  'InMageRcm:EnablingFailed': { state: "Protection couldn't be enabled", runsIn: 'onPremises', actions: [], nextStep: /None offered/ },
  'InMageRcmFailback:Protected': { state: 'Replicating to on-premises', runsIn: 'azure', actions: ['failover'], nextStep: /Fail over from Azure/ },
  'InMageRcmFailback:CommitPendingStatesBegin': {
    state: 'Failed back · commit pending',
    runsIn: 'onPremises',
    actions: ['commit', 'cancelFailover', 'reprotect'],
    nextStep: /commit, or reprotect to Azure/,
  },
  'InMage:Protected': { state: 'Replicating to on-premises', runsIn: 'azure', actions: ['failover'], nextStep: /Fail over from Azure/ },
  'InMage:UnplannedFailoverCommitPendingStatesBegin': { state: 'Failed back · commit pending', runsIn: 'onPremises', actions: ['commit'], nextStep: /then commit/ },
  'InMage:UnplannedFailoverCommitted': { state: 'Failed back · reprotect to Azure', runsIn: 'onPremises', actions: ['reprotect'], nextStep: /Reprotect to Azure/ },
};

const recordedItems: Array<{ r: Recorded; resource: any }> = allRecorded().flatMap((r) =>
  resourcesOf(r)
    .filter((x) => kindOf(x) === 'item')
    .map((resource) => ({ r, resource })),
);
const keyOf = (resource: any) => `${resource.properties?.providerSpecificDetails?.instanceType}:${resource.properties?.protectionState}`;

describe('contract (reading): recorded items as the extension shows them', () => {
  it('the recordings hold items of all four VMware providers', () => {
    const providers = new Set(recordedItems.map(({ resource }) => resource.properties.providerSpecificDetails.instanceType));
    for (const p of ['InMageAzureV2', 'InMageRcm', 'InMageRcmFailback']) assert.ok(providers.has(p), `no recorded ${p} item`);
    assert.ok(recordedItems.length >= 10, `only ${recordedItems.length} recorded items`);
  });

  for (const { r, resource } of recordedItems) {
    const name = `${r.file} · ${resource.properties.friendlyName} (${keyOf(resource)})`;
    it(name, () => {
      const expected = EXPECTED[keyOf(resource)];
      assert.ok(expected, `no expectation for the recorded state ${keyOf(resource)}: decide what the extension shows`);
      const [e] = explainJson(resource);
      assert.equal(e.kind, 'item');
      if (expected.state instanceof RegExp) assert.match(e.state, expected.state);
      else assert.equal(e.state, expected.state);
      assert.equal(e.runsIn, expected.runsIn);
      assert.deepEqual(e.actions, expected.actions);
      assert.match(e.nextStep, expected.nextStep);
      // A state outside the failback is never one of its steps.
      if (expected.runsIn === 'onPremises' && /Replicating to Azure/.test(e.state)) assert.equal(e.failoverRequest, null);
    });
  }

  it('the SDK path and the raw list-page path map every recorded item alike', async () => {
    const byVault = new Map<string, any[]>();
    for (const { resource } of recordedItems) {
      const v = vaultOf(resource.id).id.toLowerCase();
      byVault.set(v, [...(byVault.get(v) ?? []).filter((x) => x.id.toLowerCase() !== resource.id.toLowerCase()), resource]);
    }
    for (const resources of byVault.values()) {
      const vault = vaultOf(resources[0].id);
      const { scope } = recordedScope(resources);
      const raw = await scope.queries.listItemsPage(vault);
      for (const resource of resources) {
        const viaSdk = await scope.queries.getItem(toItem(vault, resource));
        const viaPage = raw.items.find((i) => i.id.toLowerCase() === resource.id.toLowerCase());
        assert.ok(viaPage, `${resource.properties.friendlyName} missing from the raw page`);
        assert.deepEqual(JSON.parse(JSON.stringify(viaPage)), JSON.parse(JSON.stringify(viaSdk)), resource.properties.friendlyName);
      }
    }
  });
});

describe('contract (reading): recorded defects stay fixed', () => {
  const find = (file: string, vm?: string) => {
    const found = recordedItems.find(({ r, resource }) => r.file.endsWith(file) && (!vm || resource.properties.friendlyName === vm));
    assert.ok(found, `${file} ${vm ?? ''}`);
    return toItem(vaultOf(found.resource.id), found.resource);
  };

  it('a modernized VM failed over to Azure and committed runs in Azure, and is offered only its reprotect to on-premises (defect 2)', () => {
    const [e] = explainJson({ value: [recordedItems.find(({ resource }) => keyOf(resource) === 'InMageRcm:UnplannedFailoverCommitted')!.resource] });
    assert.equal(e.runsIn, 'azure');
    assert.ok(!e.actions.includes('reprotect') && !e.actions.includes('failover') && !e.actions.includes('commit'));
    assert.deepEqual(e.actions, ['reprotectToOnPremises']);
  });

  it('modernized items keep the id their jobs name them by (defect 10)', () => {
    const item = find('TestV2ARCM540Reprotect.014.item-before-reProtect.json');
    assert.equal(item.internalId, 'e9cdc517-7028-5e5b-b842-9e82d4d2e6b0');
  });

  it('agent registration is not shown before any failback ran (defect 14)', () => {
    const before = recordedItems.find(({ resource }) => keyOf(resource) === 'InMageRcmFailback:Protected')!;
    const item = toItem(vaultOf(before.resource.id), before.resource);
    assert.equal(item.agentRegisteredAfterFailover ?? null, before.resource.properties.providerSpecificDetails.isAgentRegistrationSuccessfulAfterFailover ?? null);
    assert.ok(!itemTooltipRows(item, Date.now()).some(([k]) => /agent registered/i.test(k)));
    // Recorded (TestV2ARCMRecoveryPlan): an InMageRcmFailback item replicating home reports false; that is not "not yet".
    assert.ok(!itemTooltipRows({ ...item, agentRegisteredAfterFailover: false }, Date.now()).some(([k]) => /agent registered/i.test(k)));
    const after = find('TestV2ARCM540Reprotect.014.item-before-reProtect.json');
    assert.ok(itemTooltipRows(after, Date.now()).some(([k, v]) => /agent registered/i.test(k) && v === 'yes'));
  });
});

describe('contract (reading): recorded jobs and plans', () => {
  const jobs = allRecorded().flatMap((r) =>
    resourcesOf(r)
      .filter((x) => kindOf(x) === 'job')
      .map((resource) => ({ r, resource })),
  );
  it('every recorded job maps with its target, scenario and tasks', () => {
    assert.ok(jobs.length >= 5);
    for (const { r, resource } of jobs) {
      const [e] = explainJson(resource);
      assert.equal(e.kind, 'job', r.file);
      assert.equal(e.name, resource.properties.targetObjectName ?? resource.name, r.file);
      assert.ok(e.state.includes(resource.properties.stateDescription ?? resource.properties.state), r.file);
    }
  });

  it('a plan of VMs replicating to Azure is offered its test failover and failover to Azure, never a failback', () => {
    const plans = allRecorded().flatMap((r) => resourcesOf(r).filter((x) => kindOf(x) === 'plan'));
    assert.ok(plans.length > 0);
    for (const plan of plans) {
      const [e] = explainJson(plan);
      if (plan.properties.replicationProviders.every((p: string) => p === 'InMageRcm' || p === 'InMageAzureV2')) {
        // Recorded allowedOperations UnplannedFailover and TestFailover: both go to Azure.
        assert.deepEqual(e.actions, ['testFailover', 'failoverToAzure'], plan.properties.friendlyName);
        assert.equal(e.failoverRequest, null);
      }
    }
  });
});

describe('contract (reading): recorded process servers as the reprotect picker shows them (defect 13)', () => {
  const fabrics = allRecorded().flatMap((r) =>
    resourcesOf(r)
      .filter((x) => kindOf(x) === 'fabric')
      .map((resource) => ({ r, resource })),
  );
  // When the recordings were made: the newest heartbeat in them, plus a minute.
  const recordedNow = (resource: any) =>
    Math.max(...(resource.properties.customDetails.processServers ?? []).map((p: any) => Date.parse(p.lastHeartbeat ?? p.lastHeartbeatUtc))) + 60_000;

  it('classic and modernized fabrics were recorded', () => {
    const kinds = new Set(fabrics.map(({ resource }) => resource.properties.customDetails.instanceType));
    assert.ok(kinds.has('VMware') && kinds.has('InMageRcm'), [...kinds].join(', '));
  });

  for (const { r, resource } of fabrics) {
    it(`${r.file}: no "unknown" site, ages in a readable unit, stale heartbeats warned`, () => {
      const servers = toProcessServers(resource);
      assert.ok(servers.length > 0);
      for (const ps of servers) {
        const then = summarizeProcessServer(ps, recordedNow(resource));
        assert.doesNotMatch(`${then.description} ${then.detail}`, /unknown/);
        assert.match(then.detail, /heartbeat (just now|\d+ min ago)/);
        assert.equal(then.warning, !/normal/i.test(ps.health ?? 'Normal'));
        // Read years later, the same heartbeat is old news: said in years or days, and warned.
        const later = summarizeProcessServer(ps, Date.parse('2026-12-02T00:00:00Z'));
        assert.match(later.detail, /heartbeat \d+ (years|days) ago \(stale\)/);
        assert.ok(later.warning);
        assert.doesNotMatch(later.detail, /\d{4,} min/);
      }
    });
  }

  it("the configuration server's own process server is known to be on-premises", () => {
    const classic = fabrics.find(({ resource }) => resource.properties.customDetails.instanceType === 'VMware')!.resource;
    const own = toProcessServers(classic).find((ps) => ps.name.toLowerCase() === classic.properties.customDetails.hostName.toLowerCase());
    assert.equal(own?.location, 'on-premises');
  });
});

describe('contract (reading): the next step after each recorded job (defect 11)', () => {
  const jobs = allRecorded().flatMap((r) =>
    resourcesOf(r)
      .filter((x) => kindOf(x) === 'job')
      .map((resource) => ({ r, resource })),
  );
  const succeeded = (resource: any) => toJob(vaultOf(resource.id), { ...resource, properties: { ...resource.properties, state: 'Succeeded' } });
  const expected: Record<string, [NextStep, NextStep]> = {
    // scenario: [item replicating to Azure, failback item]
    UnplannedFailover: ['verifyAndCommitInAzure', 'verifyAndCommit'],
    PlannedFailover: ['verifyAndCommitInAzure', 'verifyAndCommit'],
    CommitFailover: ['reprotectToOnPremises', 'reprotect'],
    SwitchReplicationGroupProtection: ['replicatingToOnPremises', 'done'],
  };
  for (const { r, resource } of jobs.filter(({ resource }) => resource.properties.scenarioName in expected)) {
    it(`${r.file}: ${resource.properties.scenarioName}`, () => {
      const job = succeeded(resource);
      const affected = resource.properties.customDetails?.affectedObjectDetails ?? {};
      const recovery = affected.recoveryFabricProviderId ?? affected.RecoveryFabricProviderId;
      assert.ok(recovery, 'the job names its replication pair');
      const [toAzure, back] = expected[resource.properties.scenarioName];
      assert.equal(nextStepAfter(job), recovery === 'Azure' ? toAzure : back);
    });
  }

  it('the recorded reprotect of a failed-back VM leads back to "replicating to Azure"', () => {
    const job = succeeded(resourcesOf(recorded('TestV2ARCM540Reprotect.016.job-reProtect-inprogress.json'))[0]);
    assert.equal(nextStepAfter(job), 'done');
  });
});

describe('contract (reading): did the recorded failbacks shut the Azure VM down?', () => {
  const final = (file: string) => toJob(vaultOf(resourcesOf(recorded(file))[0].id), resourcesOf(recorded(file))[0]);
  it('classic failback with no source-side operation: the shutdown task was skipped, and the user is told to check', () => {
    const job = final('V2ATestFailback.605.job-failover-succeeded.json');
    assert.equal(shutdownVerdict(job), 'skipped');
    assert.match(shutdownText(shutdownVerdict(job)), /make sure the Azure VM is off/);
  });
  it('a job that has not reached its shutdown task says nothing yet', () => {
    assert.equal(shutdownVerdict(final('TestV2ARCMFailback.013.job-plannedFailover-inprogress.json')), 'unknown');
  });
});

describe('contract (reading): recorded fabrics through the SDK, as the reprotect pickers read them', () => {
  for (const file of ['TestV2ARCMReprotect.003.fabric.json', 'V2ATestSwitchProtection.002.fabric.json']) {
    it(`${file}: every component with its heartbeat, datastores and volumes`, async () => {
      const fabric = resourcesOf(recorded(file))[0];
      const vault = vaultOf(fabric.id);
      const { scope } = recordedScope([fabric]);
      const infra = await listOnPremisesInfrastructure(scope.clients, vault);
      const custom = fabric.properties.customDetails;
      if (custom.instanceType === 'InMageRcm') {
        assert.equal(infra.reprotectAgents.length, custom.reprotectAgents.length);
        for (const a of infra.reprotectAgents) {
          // The SDK hands these over as Dates: they must not be lost on the way.
          assert.ok(a.lastHeartbeat instanceof Date, `${a.name} heartbeat`);
          assert.ok(a.datastores.length > 0 && a.vcenterId);
        }
      } else {
        assert.equal(infra.masterTargets.length, custom.masterTargetServers.length);
        for (const m of infra.masterTargets) assert.ok(m.lastHeartbeat instanceof Date && m.osType && m.retentionVolumes.every((v) => v.freeBytes !== undefined), m.name);
        assert.ok(infra.masterTargets.some((m) => m.datastores.some((d) => d.freeGB !== undefined && d.capacityGB !== undefined)));
        assert.deepEqual(
          infra.runAsAccounts.map((a) => a.name),
          custom.runAsAccounts.map((a: any) => a.accountName),
        );
      }
      assert.ok(infra.processServers.every((p) => p.lastHeartbeat instanceof Date));
    });
  }
});

describe('contract (reading): checklist and tooltip of recorded items (defects 9 and 12)', () => {
  it('a VM replicating to Azure is not shown as a failback done', () => {
    const resource = recordedItems.find(({ resource }) => keyOf(resource) === 'InMageAzureV2:Protected')!.resource;
    const steps = failbackChecklist(toItem(vaultOf(resource.id), resource), 5);
    assert.equal(steps.find((s) => s.id === 'reprotected')?.status, 'blocked');
    for (const id of ['failover', 'verify', 'commit', 'reprotect'] as const) assert.notEqual(steps.find((s) => s.id === id)?.status, 'done', id);
  });

  it('the classic retention window (hours away from the job’s UTC times) is not shown as the latest point', () => {
    const resource = resourcesOf(recorded('V2ATestFailback.009.item-before-failover.json'))[0];
    const vm = toItem(vaultOf(resource.id), resource);
    assert.ok(resource.properties.providerSpecificDetails.retentionWindowEnd, 'the recording has the field');
    assert.equal(vm.latestRecoveryPointTime, undefined);
    const row = itemTooltipRows(vm, Date.parse('2021-04-06T12:02:36Z')).find(([k]) => k === 'Latest recovery point');
    assert.doesNotMatch(row?.[1] ?? '', /16:52/);
  });
});
