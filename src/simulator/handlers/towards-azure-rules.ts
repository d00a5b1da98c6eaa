import { asrError, ASR_ERROR_CODES } from '../errors';
import type { HandlerContext } from '../http-types';
import type { ItemRecord } from '../state/model';
import { findNetwork, isNetworkId, networkArmId } from '../state/networks';
import { classicGroup } from '../state/replication-group';
import { badInput, stringAt } from './common';
import { planItems } from './plan-view';

/**
 * Checks of the operations that bring VMs up in Azure (test failover, failover to Azure) that are
 * not about the item's state: the test network, and replication groups of classic VMs.
 */

const region = (l: string) => l.toLowerCase().replace(/\s+/g, '');

/**
 * The virtual network a test failover puts its test VMs in. Recorded requests send
 * `networkType: "VmNetworkAsInput"` and `networkId` (InMageRcm repeats it in its details:
 * TestV2ARCMTestFailover.012, V2ATFOJob.012).
 * Assumed (not recorded): ASR refuses at once (400) a request without a network, with another
 * networkType, or naming a network that doesn't exist in the vault's subscription or lies outside
 * the vault's region (a VMware VM's test VM is created in the vault's region and needs a network).
 */
export function requireTestNetwork(hc: HandlerContext, vaultKey: string, subject: string, props: Record<string, unknown>, details?: Record<string, unknown>): string {
  const networkType = props['networkType'];
  if (networkType !== undefined && networkType !== null && networkType !== 'VmNetworkAsInput') {
    throw badInput(
      `The network type '${String(networkType)}' is invalid for the test failover of ${subject}.`,
      'The test virtual machines of VMware VMs are created in Azure and need an Azure virtual network: networkType must be VmNetworkAsInput.',
      "Retry with networkType 'VmNetworkAsInput' and the networkId of an Azure virtual network.",
      ASR_ERROR_CODES.invalidTestNetwork,
    );
  }
  const given = [stringAt(props, 'networkId'), stringAt(details, 'networkId')].filter((n): n is string => n !== undefined);
  if (given.length === 0) {
    throw badInput(
      `A network is required for the test failover of ${subject}.`,
      'The request names no networkId: the test virtual machines would have no network to start in.',
      'Pick an Azure virtual network of the vault region, ideally one isolated from production, and send its ARM id as networkId.',
      ASR_ERROR_CODES.missingProviderInputField,
    );
  }
  const vault = hc.store.vaults.get(vaultKey);
  const found: string[] = [];
  for (const id of given) {
    const network = findNetwork(hc.store, id);
    if (!isNetworkId(id) || !network || network.subscriptionId.toLowerCase() !== vault?.subscriptionId.toLowerCase()) {
      throw asrError(400, {
        code: ASR_ERROR_CODES.invalidTestNetwork,
        message: `The virtual network '${id}' given for the test failover of ${subject} wasn't found.`,
        possibleCauses: "The network doesn't exist, was deleted, belongs to another subscription, or the id is not a Microsoft.Network/virtualNetworks id.",
        recommendedAction: "List the subscription's virtual networks and send the ARM id of one of them.",
      });
    }
    if (vault && region(network.location) !== region(vault.location)) {
      throw asrError(400, {
        code: ASR_ERROR_CODES.invalidTestNetwork,
        message: `The virtual network '${network.name}' is in '${network.location}', not in the vault's region '${vault.location}', so it can't hold the test virtual machines of ${subject}.`,
        possibleCauses: "Test virtual machines are created in the vault's region and can only join a network of that region.",
        recommendedAction: `Pick a virtual network in '${vault.location}'.`,
      });
    }
    found.push(networkArmId(network));
  }
  return found[0];
}

/**
 * A classic VM that is in a replication group created at protection time fails over with its
 * group. Azure PowerShell refuses a single VM's test failover and failover unless multiVmGroupName
 * is a GUID equal to multiVmGroupId ("Replication Group was created at the time of Protection",
 * StartAzureRmRecoveryServicesAsrTestFailoverJob.cs / ...UnPlannedFailover.cs).
 * Assumed (not recorded): the service refuses it too, with a 400 that names the group and its plans.
 * Only InMageAzureV2 (towards Azure) is refused here; the classic failback of one InMage VM of a group
 * stays accepted, as the simulator accepted it before.
 */
export function ensureNotInReplicationGroup(hc: HandlerContext, item: ItemRecord, operation: string): void {
  if (item.mutable.provider !== 'InMageAzureV2') {
    return;
  }
  const group = classicGroup(item);
  if (group.name === group.id) {
    return;
  }
  const plans = (hc.store.plans.get(item.vaultKey) ?? []).filter((p) => planItems(hc, p).includes(item)).map((p) => `'${p.friendlyName}'`);
  throw asrError(400, {
    code: ASR_ERROR_CODES.replicationGroupMember,
    message:
      `The ${operation} can't be started for the virtual machine '${item.friendlyName}' alone: it is in the replication group '${group.name}', ` +
      'whose virtual machines fail over together through their recovery plan.',
    possibleCauses: 'The replication group was created when replication was enabled; its VMs share multi-VM consistent recovery points.',
    recommendedAction: plans.length
      ? `Run the ${operation} of the recovery plan ${plans.join(' or ')}, which holds the virtual machine.`
      : `Create a recovery plan with every virtual machine of the replication group '${group.name}' and run its ${operation}.`,
  });
}
