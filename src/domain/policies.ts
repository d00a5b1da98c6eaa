// Which replication policy fits which reprotect. Recorded: a reprotect to Azure names a policy of
// the provider it starts (InMageAzureV2 classic, InMageRcm modernized); a reprotect to on-premises
// names a failback policy (InMage classic, InMageRcmFailback modernized).
import type { Generation } from './model';
import type { PolicyInfo } from './infrastructure';

const TO_AZURE: Record<Generation, string> = { classic: 'InMageAzureV2', modernized: 'InMageRcm' };
const TO_ON_PREMISES: Record<Generation, string> = { classic: 'InMage', modernized: 'InMageRcmFailback' };

export function policiesFor(policies: readonly PolicyInfo[], generation: Generation, direction: 'toAzure' | 'toOnPremises'): PolicyInfo[] {
  const wanted = (direction === 'toAzure' ? TO_AZURE : TO_ON_PREMISES)[generation];
  return policies.filter((p) => p.providerType === wanted);
}
