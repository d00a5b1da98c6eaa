import { jobsSinceFilter } from '../azure/jobFilters';

// The job list's $filter for the pollers. Site Recovery's job query (JobQueryParameter) has
// no "these job names" field, so the narrowest filter that still returns every watched job
// is a start-time bound (built, like every job filter, in azure/jobFilters.ts).

/** Slack for the service truncating times. */
const MARGIN_MS = 60_000;

/** Jobs of the vault that started no earlier than the oldest watched job. */
export function watchedJobsFilter(oldestStart: Date): string {
  return jobsSinceFilter(new Date(oldestStart.getTime() - MARGIN_MS));
}
