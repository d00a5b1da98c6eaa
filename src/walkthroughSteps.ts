// The walkthroughs' steps (package.json: "failback" and "rehearse") that each completed action
// ticks. Ticking goes two ways: the step's onContext completion event (the context key flips),
// and VS Code's own welcome.markStepComplete. The second is needed because VS Code swallows an
// onContext event whose key is already true when it registers the walkthrough, which it does
// lazily (the first time a walkthrough is shown): steps done before that would stay unticked.
import type { WalkthroughStep } from './walkthrough';

export const WALKTHROUGH_ID = 'failback';
/** "Rehearse a disaster": the whole cycle, to Azure and back, in the practice vault. */
export const REHEARSAL_WALKTHROUGH_ID = 'rehearse';

/** Step ids per walkthrough and completed action; the shutdown check is part of the failover. */
export const WALKTHROUGH_STEP_IDS: Record<string, Partial<Record<WalkthroughStep, readonly string[]>>> = {
  [WALKTHROUGH_ID]: {
    practice: ['practice'],
    checklist: ['checklist'],
    reprotectToOnPremises: ['reprotectToOnPremises'],
    failover: ['failover', 'verify'],
    commit: ['commit'],
    reprotect: ['reprotect'],
    seedDisks: ['seedDisks'],
  },
  [REHEARSAL_WALKTHROUGH_ID]: {
    practice: ['rehearsePractice'],
    testFailover: ['testFailover'],
    cleanupTestFailover: ['cleanupTestFailover'],
    failoverToAzure: ['failoverToAzure'],
    commitInAzure: ['commitInAzure'],
    reprotectToOnPremises: ['rehearseReprotectToOnPremises'],
    failover: ['failBack'],
    commit: ['commitOnPremises'],
    reprotect: ['rehearseReprotect'],
  },
};

/** The ids welcome.markStepComplete takes: "<extension id>#<walkthrough id>#<step id>". */
export function walkthroughStepIds(extensionId: string, step: WalkthroughStep): string[] {
  return Object.entries(WALKTHROUGH_STEP_IDS).flatMap(([walkthrough, steps]) => (steps[step] ?? []).map((id) => `${extensionId}#${walkthrough}#${id}`));
}
