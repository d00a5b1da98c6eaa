import type { VaultRef } from '../../domain/model';
import { ItemNode } from '../../tree/itemNode';
import { JobNode } from '../../tree/jobsFolder';
import { PlanNode } from '../../tree/plansFolder';
import { VaultNode } from '../../tree/vaultNode';
import { scopeOf } from './targets';
import type { Scope } from '../../scope';

export interface NodeResource {
  id: string;
  name: string;
  vault: VaultRef;
  scope: Scope;
  apiVersion: 'siteRecovery' | 'vaults';
}

/** The ARM resource behind a tree node, for Open in Portal / Copy ID / View Properties. */
export function nodeResource(node: unknown): NodeResource | undefined {
  const scope = scopeOf(node as { parent?: unknown });
  if (!scope) return undefined;
  if (node instanceof ItemNode) return { id: node.item.id, name: node.item.friendlyName, vault: node.item.vault, scope, apiVersion: 'siteRecovery' };
  if (node instanceof PlanNode) return { id: node.plan.id, name: node.plan.friendlyName, vault: node.plan.vault, scope, apiVersion: 'siteRecovery' };
  if (node instanceof JobNode) return { id: node.job.id, name: node.job.friendlyName, vault: node.job.vault, scope, apiVersion: 'siteRecovery' };
  if (node instanceof VaultNode) return { id: node.vault.id, name: node.vault.vaultName, vault: node.vault, scope, apiVersion: 'vaults' };
  return undefined;
}
