// A vault in one line for its tree row: how many VMs stand where in the failback cycle, and how
// many replicate with a recovery point older than their policy allows.
import type { ReplicatedItem } from './model';
import { failbackPhase, type FailbackPhase } from './itemState';
import { replicationRpo } from './rpo';

/** Short words per phase, in the order of the cycle; phases sharing words are counted together. */
const PHASE_WORDS: Record<FailbackPhase, string> = {
  replicatingToAzure: 'to Azure',
  failedOverToAzure: 'in Azure',
  runningInAzure: 'in Azure',
  readyToFailBack: 'to on-premises',
  awaitingCommit: 'failed back',
  needsReprotect: 'failed back',
  operationRunning: 'busy',
  notReady: 'not ready',
  unsupported: 'other',
};
const ORDER = [...new Set(Object.values(PHASE_WORDS))];

export interface VaultSummary {
  /** "12 VMs: 4 to Azure, 3 in Azure, 5 to on-premises · ⚠ 2 over RPO". */
  text: string;
  overRpo: number;
}

/**
 * `thresholdOf`: the RPO threshold of the VM's policy, in minutes (undefined: none recorded).
 * `more`: the vault holds VMs not loaded yet; the counts are of the loaded ones ("100+ VMs").
 */
export function vaultSummary(items: readonly ReplicatedItem[], thresholdOf: (item: ReplicatedItem) => number | undefined, more = false): VaultSummary {
  const counts = new Map<string, number>();
  let overRpo = 0;
  for (const item of items) {
    const phase = failbackPhase(item);
    const words = PHASE_WORDS[phase];
    counts.set(words, (counts.get(words) ?? 0) + 1);
    if (replicationRpo(item, phase, thresholdOf(item))?.over) overRpo++;
  }
  if (items.length === 0) return { text: more ? 'no VMs loaded yet' : 'no VMs', overRpo };
  const total = `${items.length}${more ? '+' : ''} VM${items.length === 1 && !more ? '' : 's'}`;
  const groups = ORDER.filter((w) => counts.has(w)).map((w) => `${counts.get(w)} ${w}`);
  const text = `${total}: ${groups.join(', ')}${overRpo ? ` · ⚠ ${overRpo} over RPO` : ''}`;
  return { text, overRpo };
}
