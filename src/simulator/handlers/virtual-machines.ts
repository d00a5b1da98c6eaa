import { armError } from '../errors';
import type { Handler, HandlerContext, Params } from '../http-types';
import { ok } from '../http-types';
import { guidFrom, iso } from '../ids';
import { page } from '../paging';
import { sameText } from './common';
import { allAzureVms } from '../state/azure-vms';
import type { VmRecord } from '../state/model';

/**
 * Microsoft.Compute virtualMachines: the VMs failovers and test failovers create in Azure (see
 * state/azure-vms.ts), listed per resource group or subscription (ARM pages) and read one by one,
 * with `$expand=instanceView` or `/instanceView` for the power state. Read-only.
 * Assumed (not recorded): no Compute traffic is recorded; the shape follows Compute's VirtualMachine
 * model. The VM's disks and network interface are named but not served as resources.
 */

function vmId(vm: VmRecord): string {
  return `/subscriptions/${vm.subscriptionId}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`;
}

function instanceView(vm: VmRecord): Record<string, unknown> {
  const power = vm.powerState === 'running' ? ['PowerState/running', 'VM running'] : ['PowerState/deallocated', 'VM deallocated'];
  return {
    statuses: [
      { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time: iso(vm.createdAt) },
      { code: power[0], level: 'Info', displayStatus: power[1] },
    ],
  };
}

function vmView(vm: VmRecord, expandInstanceView: boolean): Record<string, unknown> {
  const id = vmId(vm);
  const rgId = id.split('/providers/')[0];
  const osDisk = `${vm.name}_OsDisk_1_${guidFrom(`${id}/osdisk`).replace(/-/g, '')}`;
  return {
    name: vm.name,
    id,
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    tags: {},
    properties: {
      vmId: guidFrom(id),
      hardwareProfile: { vmSize: 'Standard_D2s_v3' },
      storageProfile: {
        osDisk: {
          osType: vm.osType,
          name: osDisk,
          createOption: 'Attach',
          caching: 'ReadWrite',
          managedDisk: { storageAccountType: 'Standard_LRS', id: `${rgId}/providers/Microsoft.Compute/disks/${osDisk}` },
          diskSizeGB: 128,
        },
        dataDisks: [],
      },
      networkProfile: { networkInterfaces: [{ id: `${rgId}/providers/Microsoft.Network/networkInterfaces/${vm.name}-nic`, properties: { primary: true } }] },
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
      provisioningState: 'Succeeded',
      timeCreated: iso(vm.createdAt),
      ...(expandInstanceView ? { instanceView: instanceView(vm) } : {}),
    },
    // Not an ARM field: what made the VM and which network it is in, for practice mode.
    simulatorDetails: { role: vm.role, replicatedItemName: vm.itemName ?? null, networkId: vm.networkId },
  };
}

const expands = (q: Record<string, string>) => /instanceView/i.test(q['$expand'] ?? '');

export const listVmsInSubscription: Handler = (hc, p, req) => {
  hc.store.subscription(p.sub);
  const vms = allAzureVms(hc.store).filter((v) => sameText(v.subscriptionId, p.sub));
  return ok(
    page(
      req,
      vms.map((v) => vmView(v, false)),
      hc.config.pageSize,
    ),
  );
};

export const listVmsInGroup: Handler = (hc, p, req) => {
  hc.store.resourceGroup(p.sub, p.rg);
  const vms = allAzureVms(hc.store).filter((v) => sameText(v.subscriptionId, p.sub) && sameText(v.resourceGroup, p.rg));
  return ok(
    page(
      req,
      vms.map((v) => vmView(v, false)),
      hc.config.pageSize,
    ),
  );
};

function vm(hc: HandlerContext, p: Params): VmRecord {
  hc.store.resourceGroup(p.sub, p.rg);
  const found = allAzureVms(hc.store).find((v) => sameText(v.subscriptionId, p.sub) && sameText(v.resourceGroup, p.rg) && sameText(v.name, p.vm));
  if (!found) {
    throw armError(404, 'ResourceNotFound', `The Resource 'Microsoft.Compute/virtualMachines/${p.vm}' under resource group '${p.rg}' was not found.`);
  }
  return found;
}

export const getVm: Handler = (hc, p, req) => ok(vmView(vm(hc, p), expands(req.query)));

export const getVmInstanceView: Handler = (hc, p) => ok(instanceView(vm(hc, p)));
