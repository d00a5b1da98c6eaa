// Site Recovery's job list takes an OData $filter over JobQueryParameter fields
// (startTime, endTime, fabricId, affectedObjectTypes, jobStatus, jobName, …).
// Every filter the extension sends is built here.

export function jobsSinceFilter(since: Date): string {
  // Site Recovery reads `startTime eq` as "started at or after" (its own clients send eq).
  return `startTime eq '${since.toISOString()}'`;
}
