// Site Recovery marks "nothing" with sentinel values instead of leaving fields out:
// with no operation running, currentScenario is scenario "None", job ".../replicationJobs/None"
// and start time 1753-01-01; tasks that have not started carry 0001-01-01. They are never dates.

/** Dates before this are sentinels, never real timestamps. */
const EARLIEST_REAL_DATE = Date.UTC(1900, 0, 1);

export function realDate(value: Date | string | undefined | null): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  const time = date.getTime();
  if (Number.isNaN(time) || time < EARLIEST_REAL_DATE) return undefined;
  return date;
}

export function isNoneScenario(scenarioName: string | undefined | null): boolean {
  return !scenarioName || scenarioName.toLowerCase() === 'none';
}

/** Last segment of an ARM id ("…/replicationJobs/abc" → "abc"); undefined for the "None" job. */
export function jobNameFromId(jobId: string | undefined | null): string | undefined {
  if (!jobId) return undefined;
  const name = jobId.split('/').filter(Boolean).pop();
  return name && name.toLowerCase() !== 'none' ? name : undefined;
}
