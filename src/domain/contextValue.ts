// contextValue strings for tree nodes and the regexes package.json's `when` clauses use.
// Both come from here; test/unit/domain/menus.test.ts checks package.json against them.

export type NodeKind = 'item' | 'plan' | 'job' | 'vault' | 'seedDisk' | 'practice' | 'subscription' | 'folder';

/** e.g. "siteRecovery.item can.failover can.disableProtection" */
export function contextValue(kind: NodeKind, actions: readonly string[] = []): string {
  return [`siteRecovery.${kind}`, ...actions.map((a) => `can.${a}`)].join(' ');
}

/** The `when` regex that matches nodes of `kind` offering `action`. */
export function whenRegex(kind: NodeKind, action?: string): string {
  return action ? `/^siteRecovery\\.${kind}\\b.*\\bcan\\.${action}\\b/` : `/^siteRecovery\\.${kind}\\b/`;
}
