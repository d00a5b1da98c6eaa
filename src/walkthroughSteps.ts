// The walkthrough's steps (package.json, walkthrough "failback") that each completed action
// ticks. Ticking goes two ways: the step's onContext completion event (the context key flips),
// and VS Code's own welcome.markStepComplete. The second is needed because VS Code swallows an
// onContext event whose key is already true when it registers the walkthrough, which it does
// lazily (the first time a walkthrough is shown): steps done before that would stay unticked.
import type { WalkthroughStep } from './walkthrough';

export const WALKTHROUGH_ID = 'failback';

/** Walkthrough step ids per completed action; the shutdown check is part of the failover. */
export const WALKTHROUGH_STEP_IDS: Record<WalkthroughStep, readonly string[]> = {
  practice: ['practice'],
  checklist: ['checklist'],
  reprotectToOnPremises: ['reprotectToOnPremises'],
  failover: ['failover', 'verify'],
  commit: ['commit'],
  reprotect: ['reprotect'],
  seedDisks: ['seedDisks'],
};

/** The ids welcome.markStepComplete takes: "<extension id>#<walkthrough id>#<step id>". */
export function walkthroughStepIds(extensionId: string, step: WalkthroughStep): string[] {
  return WALKTHROUGH_STEP_IDS[step].map((id) => `${extensionId}#${WALKTHROUGH_ID}#${id}`);
}
