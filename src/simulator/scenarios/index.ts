import { empty } from './empty';
import { failbackClassic } from './failback-classic';
import { failbackModernized } from './failback-modernized';
import { largeScenario, type LargeOptions } from './large';
import type { ScenarioData } from './types';

const SCENARIOS: Record<string, (large?: LargeOptions) => ScenarioData> = {
  'failback-classic': () => failbackClassic,
  'failback-modernized': () => failbackModernized,
  empty: () => empty,
  large: (opts) => largeScenario(opts),
};

export function listScenarios(): string[] {
  return Object.keys(SCENARIOS);
}

/** Resolves a scenario name (or data) to a private deep copy, so runs never share state. */
export function resolveScenario(scenario: string | ScenarioData | undefined, large?: LargeOptions): ScenarioData {
  if (scenario !== undefined && typeof scenario !== 'string') {
    return structuredClone(scenario);
  }
  const make = SCENARIOS[scenario ?? 'failback-classic'];
  if (!make) {
    throw new Error(`Unknown scenario '${scenario}'. Known scenarios: ${listScenarios().join(', ')}.`);
  }
  return structuredClone(make(large));
}
