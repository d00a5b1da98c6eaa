import type { ReplicatedItem } from './model';
import { isAzureFabric } from './direction';

/** The on-premises site of an item, named for the confirmation ("From Azure to on-premises: <site>"). */
export function onPremisesSite(item: ReplicatedItem): string {
  const candidates = [item.recoveryFabricFriendlyName, item.primaryFabricFriendlyName].filter((n): n is string => !!n);
  return candidates.find((n) => !isAzureFabric(n)) ?? 'the on-premises site';
}
