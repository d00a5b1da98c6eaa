// The job list's $filter for the pollers. Site Recovery's job query (JobQueryParameter) has
// no "these job names" field, so the narrowest filter that still returns every watched job
// is a start-time bound. ASR reads `startTime eq X` as "jobs started from X on"; that is
// the form its own clients send (Get-AzRecoveryServicesAsrJob -StartTime), so it is used
// here rather than `ge`, which ASR's documentation does not promise.

/** Slack for the service truncating times. */
const MARGIN_MS = 60_000;

/** Jobs of the vault that started no earlier than the oldest watched job. */
export function watchedJobsFilter(oldestStart: Date): string {
  return `startTime eq '${new Date(oldestStart.getTime() - MARGIN_MS).toISOString()}'`;
}
