import {
  COMPUTE_DISK_API_VERSIONS,
  COMPUTE_VM_API_VERSIONS,
  NETWORK_API_VERSIONS,
  SITE_RECOVERY_API_VERSIONS,
  SUBSCRIPTION_API_VERSIONS,
  VAULT_API_VERSIONS,
} from './api-versions';
import * as arm from './handlers/arm';
import * as actions from './handlers/item-actions';
import * as fabrics from './handlers/fabrics';
import * as items from './handlers/items';
import * as jobs from './handlers/jobs';
import * as networks from './handlers/networks';
import * as ops from './handlers/operations';
import * as planTfo from './handlers/plan-test-failover';
import * as plans from './handlers/plans';
import * as tfo from './handlers/test-failover';
import * as vms from './handlers/virtual-machines';
import type { Handler } from './http-types';

export interface Route {
  segments: string[];
  methods: Partial<Record<'GET' | 'POST' | 'DELETE', Handler>>;
  apiVersions: Set<string>;
}

const VAULT = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults/{vault}';
const CONTAINER = `${VAULT}/replicationFabrics/{fabric}/replicationProtectionContainers/{container}`;
const ITEM = `${CONTAINER}/replicationProtectedItems/{item}`;
const PLAN = `${VAULT}/replicationRecoveryPlans/{plan}`;
const JOB = `${VAULT}/replicationJobs/{job}`;
const DISKS = '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/disks';
const VNETS = 'providers/Microsoft.Network/virtualNetworks';
const VMS = 'providers/Microsoft.Compute/virtualMachines';

const route = (path: string, methods: Route['methods'], apiVersions = SITE_RECOVERY_API_VERSIONS): Route => ({
  segments: path.split('/').filter(Boolean),
  methods,
  apiVersions,
});

/** Every path the simulator serves. Literal segments match case-insensitively, like ARM. */
export const ROUTES: Route[] = [
  route('/subscriptions', { GET: arm.listSubscriptions }, SUBSCRIPTION_API_VERSIONS),
  route('/tenants', { GET: arm.listTenants }, SUBSCRIPTION_API_VERSIONS),
  route('/subscriptions/{sub}', { GET: arm.getSubscription }, SUBSCRIPTION_API_VERSIONS),
  route('/subscriptions/{sub}/providers/Microsoft.RecoveryServices/vaults', { GET: arm.listVaultsInSubscription }, VAULT_API_VERSIONS),
  route('/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults', { GET: arm.listVaultsInGroup }, VAULT_API_VERSIONS),
  route(VAULT, { GET: arm.getVault }, VAULT_API_VERSIONS),
  route(DISKS, { GET: arm.listDisks }, COMPUTE_DISK_API_VERSIONS),
  route(`${DISKS}/{disk}`, { GET: arm.getDisk, DELETE: arm.deleteDisk }, COMPUTE_DISK_API_VERSIONS),
  route('/subscriptions/{sub}/providers/Microsoft.Compute/locations/{location}/operations/{operation}', { GET: arm.getComputeOperation }, COMPUTE_DISK_API_VERSIONS),
  route(`/subscriptions/{sub}/${VNETS}`, { GET: networks.listNetworksInSubscription }, NETWORK_API_VERSIONS),
  route(`/subscriptions/{sub}/resourceGroups/{rg}/${VNETS}`, { GET: networks.listNetworksInGroup }, NETWORK_API_VERSIONS),
  route(`/subscriptions/{sub}/resourceGroups/{rg}/${VNETS}/{network}`, { GET: networks.getNetwork }, NETWORK_API_VERSIONS),
  route(`/subscriptions/{sub}/${VMS}`, { GET: vms.listVmsInSubscription }, COMPUTE_VM_API_VERSIONS),
  route(`/subscriptions/{sub}/resourceGroups/{rg}/${VMS}`, { GET: vms.listVmsInGroup }, COMPUTE_VM_API_VERSIONS),
  route(`/subscriptions/{sub}/resourceGroups/{rg}/${VMS}/{vm}`, { GET: vms.getVm }, COMPUTE_VM_API_VERSIONS),
  route(`/subscriptions/{sub}/resourceGroups/{rg}/${VMS}/{vm}/instanceView`, { GET: vms.getVmInstanceView }, COMPUTE_VM_API_VERSIONS),

  route(`${VAULT}/replicationFabrics`, { GET: fabrics.listFabrics }),
  route(`${VAULT}/replicationFabrics/{fabric}`, { GET: fabrics.getFabric }),
  route(`${VAULT}/replicationFabrics/{fabric}/replicationProtectionContainers`, { GET: fabrics.listContainersOfFabric }),
  route(`${VAULT}/replicationProtectionContainers`, { GET: fabrics.listContainers }),
  route(CONTAINER, { GET: fabrics.getContainer }),
  route(`${VAULT}/replicationPolicies`, { GET: fabrics.listPolicies }),
  route(`${VAULT}/replicationPolicies/{policy}`, { GET: fabrics.getPolicy }),

  route(`${VAULT}/replicationProtectedItems`, { GET: items.listItemsInVault }),
  route(`${CONTAINER}/replicationProtectedItems`, { GET: items.listItemsInContainer }),
  route(ITEM, { GET: items.getItem }),
  route(`${ITEM}/recoveryPoints`, { GET: items.listRecoveryPoints }),
  route(`${ITEM}/recoveryPoints/{point}`, { GET: items.getRecoveryPoint }),
  route(`${ITEM}/unplannedFailover`, { POST: actions.unplannedFailover }),
  route(`${ITEM}/plannedFailover`, { POST: actions.plannedFailover }),
  route(`${ITEM}/failoverCommit`, { POST: actions.failoverCommit }),
  route(`${ITEM}/failoverCancel`, { POST: actions.failoverCancel }),
  route(`${ITEM}/reProtect`, { POST: actions.reprotect }),
  route(`${ITEM}/applyRecoveryPoint`, { POST: actions.applyRecoveryPoint }),
  route(`${ITEM}/testFailover`, { POST: tfo.testFailover }),
  route(`${ITEM}/testFailoverCleanup`, { POST: tfo.testFailoverCleanup }),
  route(`${ITEM}/remove`, { POST: actions.disableProtection }),
  route(`${ITEM}/{action}`, { POST: actions.otherItemAction }),

  route(`${VAULT}/replicationRecoveryPlans`, { GET: plans.listPlans }),
  route(PLAN, { GET: plans.getPlan }),
  route(`${PLAN}/unplannedFailover`, { POST: plans.planUnplannedFailover }),
  route(`${PLAN}/plannedFailover`, { POST: plans.planPlannedFailover }),
  route(`${PLAN}/failoverCommit`, { POST: plans.planFailoverCommit }),
  route(`${PLAN}/failoverCancel`, { POST: plans.planFailoverCancel }),
  route(`${PLAN}/reProtect`, { POST: plans.planReprotect }),
  route(`${PLAN}/testFailover`, { POST: planTfo.planTestFailover }),
  route(`${PLAN}/testFailoverCleanup`, { POST: planTfo.planTestFailoverCleanup }),

  route(`${VAULT}/replicationJobs`, { GET: jobs.listJobs }),
  route(JOB, { GET: jobs.getJob }),
  route(`${JOB}/cancel`, { POST: jobs.cancelJob }),
  route(`${JOB}/restart`, { POST: jobs.restartJob }),
  route(`${JOB}/resume`, { POST: jobs.resumeJob }),
  route(`${JOB}/operationResults/{operationId}`, { GET: ops.getOperationResult }),
  route(`${VAULT}/replicationOperationStatus/{operationId}`, { GET: ops.getOperationStatus }),
];

/** Finds the route for a path; exact literal matches win over `{placeholder}` ones. */
export function matchRoute(path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  for (const r of ROUTES) {
    if (r.segments.length !== parts.length) {
      continue;
    }
    const params: Record<string, string> = {};
    let literals = 0;
    let matched = true;
    for (let i = 0; i < parts.length && matched; i++) {
      const seg = r.segments[i];
      if (seg.startsWith('{')) {
        try {
          params[seg.slice(1, -1)] = decodeURIComponent(parts[i]);
        } catch {
          params[seg.slice(1, -1)] = parts[i];
        }
      } else if (seg.toLowerCase() === parts[i].toLowerCase()) {
        literals++;
      } else {
        matched = false;
      }
    }
    if (matched && (!best || literals > best.literals)) {
      best = { route: r, params, literals };
    }
  }
  return best && { route: best.route, params: best.params };
}
