// How a process server (or appliance) is presented when a person picks one: health, heartbeat age
// in a readable unit, load, and a warning when it looks unusable.
import type { ProcessServerInfo } from './model';
import { heartbeatText, isStale } from './ages';

export interface ProcessServerSummary {
  name: string;
  /** Health and, when Site Recovery's data tells it, where the server runs. */
  description: string;
  detail: string;
  warning: boolean;
}

export function summarizeProcessServer(ps: ProcessServerInfo, now: number): ProcessServerSummary {
  const healthy = !ps.health || /normal|healthy|none/i.test(ps.health);
  const stale = isStale(ps.lastHeartbeat, now);
  return {
    name: ps.name,
    description: [ps.location === 'azure' ? 'in Azure' : ps.location === 'on-premises' ? 'on-premises' : '', ps.health ? `health: ${ps.health}` : ''].filter(Boolean).join(' · '),
    detail: [
      heartbeatText(ps.lastHeartbeat, now),
      ps.load ? `load: ${ps.load}` : '',
      ps.ipAddress ?? '',
      healthy ? '' : 'unhealthy: replication may not start',
      stale ? 'not heard from for over 15 minutes: check that it runs' : '',
    ]
      .filter(Boolean)
      .join(' · '),
    warning: !healthy || stale,
  };
}
