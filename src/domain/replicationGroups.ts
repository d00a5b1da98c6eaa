// Replication groups (multi-VM consistency). Recorded: a classic VM that is alone reports its own
// implicit group, the same GUID as multiVmGroupName and multiVmGroupId; only a group created at
// protection time carries a name of its own. Azure PowerShell's cmdlets apply the same test before
// a classic test failover or failover of one VM (Start-AzRecoveryServicesAsrTestFailoverJob,
// Start-AzRecoveryServicesAsrUnplannedFailoverJob) and refuse a VM of a named group.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY_GUID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** The group's name when the VM is in a real replication group; undefined when it is alone. */
export function replicationGroupName(name: string | undefined, id: string | undefined): string | undefined {
  if (!name) return undefined;
  const implicit = GUID.test(name) && !EMPTY_GUID.test(name) && id !== undefined && name.toLowerCase() === id.toLowerCase();
  return implicit ? undefined : name;
}
