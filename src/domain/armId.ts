// ARM ids as Site Recovery writes them ("/Subscriptions/…", mixed casing): parsed by segment
// names, case-insensitively.

export interface ParsedArmId {
  subscriptionId?: string;
  resourceGroup?: string;
  segments: Record<string, string>;
}

export function parseArmId(id: string): ParsedArmId {
  const parts = id.split('/').filter(Boolean);
  const segments: Record<string, string> = {};
  // Names are rarely escaped; decoding only when needed keeps big lists cheap to map.
  for (let i = 0; i + 1 < parts.length; i += 2) segments[parts[i].toLowerCase()] = decoded(parts[i + 1]);
  return { subscriptionId: segments['subscriptions'], resourceGroup: segments['resourcegroups'], segments };
}

const ITEM_TAIL = /\/replicationFabrics\/([^/]+)\/replicationProtectionContainers\/([^/]+)\/replicationProtectedItems\/([^/]+)\/?$/i;

/** A name as written in an id, unescaped; a '%' that starts no escape ("100%") stays as written. */
function decoded(part: string): string {
  if (!part.includes('%')) return part;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Fabric, container and item names from a replicated item's ARM id. One match of the id's
 * tail: a big vault maps thousands of items, and splitting every id cost more than mapping the rest.
 */
export function replicatedItemNames(id: string): { fabric?: string; container?: string; item?: string } {
  const m = ITEM_TAIL.exec(id);
  if (m) return { fabric: decoded(m[1]), container: decoded(m[2]), item: decoded(m[3]) };
  const s = parseArmId(id).segments;
  return { fabric: s['replicationfabrics'], container: s['replicationprotectioncontainers'], item: s['replicationprotecteditems'] };
}

/** The key of an ARM id in maps and sets: ids compare case-insensitively. */
export function idKey(id: string): string {
  return id.toLowerCase();
}

/** Same resource? ARM ids compare case-insensitively. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function portalUrl(id: string, portalHost = 'https://portal.azure.com'): string {
  return `${portalHost}/#resource${id}`;
}
