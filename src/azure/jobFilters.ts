// Site Recovery's job list takes an OData $filter over JobQueryParameter fields
// (startTime, endTime, fabricId, affectedObjectTypes, jobStatus, jobName, …).
// Every filter the extension sends is built here.

export function jobsSinceFilter(since: Date): string {
  return `startTime ge '${since.toISOString()}'`;
}
