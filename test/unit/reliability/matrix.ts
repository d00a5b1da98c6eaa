// The fault matrix: operation × fault × step, with the outcome each cell must end in.

export type Operation = 'failover' | 'commit' | 'reprotect';
export type Fault = 'throttle' | 'serverError' | 'unavailable' | 'reset' | 'malformedJson' | 'expiredToken' | 'stallJob';
/**
 * - read: on the reads that precede the POST (the item re-read, recovery points, reprotect choices);
 * - postRefused: on the POST, refused before Site Recovery looked at it (afterProcessing false);
 * - postProcessed: on the POST, after Site Recovery started the job (afterProcessing true);
 * - poll: on the job reads of the JobTracker while it follows the job.
 */
export type Step = 'read' | 'postRefused' | 'postProcessed' | 'poll';

/** tracked: the job is followed to its end and reported once; refused: a clear error, nothing started. */
export type Outcome = 'tracked' | 'refused';

export const OPERATIONS: readonly Operation[] = ['failover', 'commit', 'reprotect'];
export const FAULTS: readonly Fault[] = ['throttle', 'serverError', 'unavailable', 'reset', 'malformedJson', 'expiredToken', 'stallJob'];
export const STEPS: readonly Step[] = ['read', 'postRefused', 'postProcessed', 'poll'];

export interface Cell {
  operation: Operation;
  fault: Fault;
  step: Step;
  expected: Outcome;
}

/**
 * Why a cell does not exist, or undefined when it does. These combinations cannot happen
 * against Azure, so a test of them would test the simulator, not the extension.
 */
export function notApplicable(fault: Fault, step: Step): string | undefined {
  if (fault === 'stallJob' && (step === 'read' || step === 'postRefused')) return 'no job exists yet to stall';
  if (fault === 'malformedJson' && step === 'postRefused') return 'a response body exists only for a processed request';
  if ((fault === 'throttle' || fault === 'expiredToken') && step === 'postProcessed') {
    return 'ARM throttles and authenticates at its front door, before the request reaches Site Recovery';
  }
  return undefined;
}

/**
 * What the extension must make of the fault: reads are retried by the SDK (429, 5xx,
 * reset) and otherwise fail before anything is sent; a refused POST is re-sent only on
 * 429; a processed POST is found again (its job is tracked); polling recovers.
 */
export function expectedOutcome(fault: Fault, step: Step): Outcome {
  switch (step) {
    case 'read':
      return fault === 'malformedJson' || fault === 'expiredToken' ? 'refused' : 'tracked';
    case 'postRefused':
      return fault === 'throttle' ? 'tracked' : 'refused';
    default:
      return 'tracked';
  }
}

export function faultMatrix(): { cells: Cell[]; skipped: Array<{ fault: Fault; step: Step; why: string }> } {
  const cells: Cell[] = [];
  const skipped: Array<{ fault: Fault; step: Step; why: string }> = [];
  for (const step of STEPS) {
    for (const fault of FAULTS) {
      const why = notApplicable(fault, step);
      if (why) {
        skipped.push({ fault, step, why });
        continue;
      }
      for (const operation of OPERATIONS) cells.push({ operation, fault, step, expected: expectedOutcome(fault, step) });
    }
  }
  return { cells, skipped };
}
