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
  for (let i = 0; i + 1 < parts.length; i += 2) segments[parts[i].toLowerCase()] = parts[i + 1].includes('%') ? decodeURIComponent(parts[i + 1]) : parts[i + 1];
  return { subscriptionId: segments['subscriptions'], resourceGroup: segments['resourcegroups'], segments };
}


/** Same resource? ARM ids compare case-insensitively. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function portalUrl(id: string, portalHost = 'https://portal.azure.com'): string {
  return `${portalHost}/#resource${id}`;
}
