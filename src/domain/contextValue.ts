// contextValue strings for tree nodes and the regexes package.json's `when` clauses use.
// Both come from here; test/unit/domain/menus.test.ts checks package.json against them.

export type NodeKind = 'item' | 'plan' | 'job' | 'vault' | 'seedDisk' | 'practice' | 'subscription' | 'folder';

/** e.g. "siteRecovery.item can.failover can.disableProtection" */
export function contextValue(kind: NodeKind, actions: readonly string[] = []): string {
  return [`siteRecovery.${kind}`, ...actions.map((a) => `can.${a}`)].join(' ');
}

/** The `when` regex that matches nodes of one of `kinds` offering `action` (any node of those kinds without one). */
export function whenRegex(kinds: NodeKind | readonly NodeKind[], action?: string): string {
  const list = typeof kinds === 'string' ? [kinds] : kinds;
  const kind = list.length === 1 ? list[0] : `(${list.join('|')})`;
  return action ? `/^siteRecovery\\.${kind}\\b.*\\bcan\\.${action}\\b/` : `/^siteRecovery\\.${kind}\\b/`;
}

/** The full `when` clause for a context-menu entry of the explorer view. */
export function menuWhen(kinds: NodeKind | readonly NodeKind[], action?: string): string {
  return `view == siteRecovery.explorer && viewItem =~ ${whenRegex(kinds, action)}`;
}
