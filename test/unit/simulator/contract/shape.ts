/**
 * Key comparison for the contract tests: every key the recording has must be in the simulator's
 * object. Keys match case-insensitively because the oldest recordings (api-version 2018-07-10) spell
 * a few differently from today's API (sourceVmCPUCount / sourceVmCpuCount, enableRDPOnTargetOption),
 * and two keys that API version had were renamed since.
 */
const RENAMED: Record<string, string> = {
  // api-version 2018-07-10 (V2ATFOJob.010); today both are the one list `healthErrors`.
  replicationhealtherrors: 'healtherrors',
  failoverhealtherrors: 'healtherrors',
};

export function missingKeys(recorded: unknown, ours: unknown): string[] {
  if (!recorded || typeof recorded !== 'object' || Array.isArray(recorded)) {
    return [];
  }
  const have = new Set(Object.keys((ours ?? {}) as object).map((k) => k.toLowerCase()));
  return Object.keys(recorded).filter((k) => {
    const key = k.toLowerCase();
    return !have.has(key) && !have.has(RENAMED[key] ?? key);
  });
}

/** Keys of the recorded entries of a list (union) that the simulator's first entry lacks. */
export function missingEntryKeys(recorded: unknown, ours: unknown): string[] {
  if (!Array.isArray(recorded) || recorded.length === 0) {
    return [];
  }
  const first = Array.isArray(ours) ? ours[0] : undefined;
  if (!first) {
    return ['(no entry)'];
  }
  return [...new Set(recorded.flatMap((e) => missingKeys(e, first)))];
}

/**
 * A string enum is spelled as recorded: either a recorded value, or a member the recordings don't
 * show (no recorded value reads the same once case and punctuation are ignored). "true"/"false"
 * flags must keep the recorded casing.
 */
export function spelledAsRecorded(value: unknown, recorded: Set<unknown>): boolean {
  if (recorded.has(value) || typeof value !== 'string') {
    return recorded.has(value) || value === null;
  }
  const flip: Record<string, string> = { true: 'false', false: 'true', True: 'False', False: 'True' };
  if (value in flip) {
    return recorded.has(flip[value]) || ![...recorded].some((r) => typeof r === 'string' && r.toLowerCase() in { true: 1, false: 1 });
  }
  const norm = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ![...recorded].some((r) => typeof r === 'string' && norm(r) === norm(value));
}
