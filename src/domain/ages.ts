// How long ago something happened, in the unit a person reads at a glance ("3 min", "5 h",
// "34 days"), and whether a server's heartbeat is too old to trust.

/** Site Recovery components report a heartbeat every few minutes; 15 minutes of silence is a warning sign. */
export const STALE_HEARTBEAT_MS = 15 * 60_000;

export function ageText(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return 'just now';
  if (min < 120) return `${min} min ago`;
  const hours = Math.round(min / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 730) return `${days} days ago`;
  return `${Math.round(days / 365)} years ago`;
}

export function heartbeatText(last: Date | undefined, now: number): string {
  if (!last) return 'no heartbeat reported';
  const text = `heartbeat ${ageText(now - last.getTime())}`;
  return isStale(last, now) ? `${text} (stale)` : text;
}

export function isStale(last: Date | undefined, now: number): boolean {
  return !last || now - last.getTime() > STALE_HEARTBEAT_MS;
}
