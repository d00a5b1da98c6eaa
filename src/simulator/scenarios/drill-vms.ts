import type { ItemData, PlanData } from './types';

/**
 * VMs that run on-premises and replicate to Azure (InMageAzureV2 / InMageRcm, Protected), for the
 * drill and the failover to Azure: some never test-failed-over (health warning 161011), one whose
 * last drill is 200 days old, and a recovery plan of them. Points as the other replicating VMs have.
 */
type Base = Pick<ItemData, 'fabric' | 'container' | 'policy' | 'recoveryResourceGroup' | 'processServerId' | 'datastoreName'> & Partial<ItemData>;

const POINTS = { crashEveryMinutes: 5, appEveryMinutes: 60, retentionHours: 24 };
const OLD_DRILL = 200 * 24 * 60;

function vm(base: Base, provider: ItemData['provider'], name: string, osType: ItemData['osType'], ipAddress: string, extra: Partial<ItemData> = {}): ItemData {
  return { ...base, name, friendlyName: name, provider, phase: 'Protected', osType, ipAddress, recoveryPoints: POINTS, ...extra };
}

const plan = (name: string, ...bootGroups: string[][]): PlanData => ({
  name,
  friendlyName: name,
  groups: [{ groupType: 'Shutdown', items: [] }, { groupType: 'Failover', items: [] }, ...bootGroups.map((items) => ({ groupType: 'Boot' as const, items }))],
});

/**
 * Classic: two VMs alone (ops-*) and the replication group payroll-tier (pay-*), which fails over
 * only through its plan dr-payroll.
 */
export function classicDrill(base: Base): { items: ItemData[]; plans: PlanData[] } {
  return {
    items: [
      vm(base, 'InMageAzureV2', 'ops-win-11', 'Windows', '10.1.0.21'),
      vm(base, 'InMageAzureV2', 'ops-lnx-12', 'Linux', '10.1.0.22', { lastTestFailoverMinutesAgo: OLD_DRILL }),
      vm(base, 'InMageAzureV2', 'pay-db-13', 'Linux', '10.1.0.23', { multiVmGroupName: 'payroll-tier' }),
      vm(base, 'InMageAzureV2', 'pay-app-14', 'Windows', '10.1.0.24', { multiVmGroupName: 'payroll-tier', recoveryPoints: { ...POINTS, appLagMinutes: 60 } }),
    ],
    plans: [plan('dr-payroll', ['pay-db-13'], ['pay-app-14'])],
  };
}

/** Modernized: bill-win-11 alone, and the replication group billing-tier; plan dr-billing holds all three. */
export function modernizedDrill(base: Base): { items: ItemData[]; plans: PlanData[] } {
  return {
    items: [
      vm(base, 'InMageRcm', 'bill-win-11', 'Windows', '10.2.0.21'),
      vm(base, 'InMageRcm', 'bill-lnx-12', 'Linux', '10.2.0.22', { multiVmGroupName: 'billing-tier', lastTestFailoverMinutesAgo: OLD_DRILL }),
      vm(base, 'InMageRcm', 'bill-db-13', 'Linux', '10.2.0.23', { multiVmGroupName: 'billing-tier', recoveryPoints: { ...POINTS, appLagMinutes: 60 } }),
    ],
    plans: [plan('dr-billing', ['bill-db-13'], ['bill-lnx-12', 'bill-win-11'])],
  };
}
