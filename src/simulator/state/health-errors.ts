import { guidFrom, iso, MINUTE } from '../ids';
import { isModernized, replicatesToAzure } from './item-states';
import type { ItemRecord } from './model';

type HealthError = Record<string, unknown> & { errorLevel: string; errorCategory: string };

/** Normal / Warning / Critical from the errors that count for one health. */
export function healthOf(errors: HealthError[]): string {
  return errors.some((e) => e.errorLevel === 'Error') ? 'Critical' : errors.some((e) => e.errorLevel === 'Warning') ? 'Warning' : 'Normal';
}

/** The item's healthErrors; `entityId` is the id jobs name the VM by (see itemTargetId). */
export function healthErrorsOf(item: ItemRecord, entityId: string, pointCount: number, now: number): HealthError[] {
  const errors: HealthError[] = [];
  const m = item.mutable;
  if (m.phase === 'EnablingFailed') {
    // TestV2ARCMReprotect.011 (Rcm-W2K16-153).
    errors.push(
      healthError(item, now, {
        errorCode: '310056',
        errorLevel: 'Error',
        summaryMessage: 'Enable replication failed',
        errorMessage: `Protection could not be configured for the machine '${item.friendlyName}'.`,
        possibleCauses: 'Check the failed Enable Protection job for more information.',
        recommendedAction: 'Resolve the issue, disable protection on the machine and then retry the enable protection operation.',
      }),
    );
  }
  if (m.phase === 'Protected' && !m.busy && pointCount === 0) {
    // Assumed (not recorded): the warning a replicating VM without any recovery point shows.
    errors.push(
      healthError(item, now, {
        errorCode: '325092',
        errorLevel: 'Warning',
        summaryMessage: 'No app-consistent recovery point available',
        errorMessage: 'No recovery point has been generated for the virtual machine yet.',
        possibleCauses: 'Replication may not have produced its first point, or data upload is stalled.',
        recommendedAction: 'Check the process server health and the network connectivity of the virtual machine.',
      }),
    );
  }
  if (m.phase === 'Protected' && replicatesToAzure(m.provider) && m.lastSuccessfulTestFailoverTime === undefined) {
    // Recorded on replicating VMs never test-failed-over: InMageAzureV2 (V2AFailoverJob.008, errorType 8010)
    // and InMageRcm (TestV2ARCMTestFailover.011, errorType 15), gone once a test failover succeeded.
    const errorType = isModernized(m.provider) ? '15' : '8010';
    errors.push({
      ...healthError(item, now, {
        errorCode: '161011',
        errorLevel: 'Warning',
        summaryMessage: '',
        errorMessage: `No successful test failover has been done on the virtual machine '${item.friendlyName}'.`,
        possibleCauses: 'No successful test failover has been done on the virtual machine after it was replicated.',
        recommendedAction: 'Do a test failover on the virtual machine.',
      }),
      errorSource: 'ReplicationUnitFailoverValidatorError',
      errorType,
      errorCategory: 'TestFailover',
      entityId,
      errorId: `6:${errorType}`,
    });
  }
  return errors;
}

interface ErrorText {
  errorCode: string;
  errorLevel: string;
  summaryMessage: string;
  errorMessage: string;
  possibleCauses: string;
  recommendedAction: string;
}

function healthError(item: ItemRecord, now: number, text: ErrorText): HealthError {
  return {
    innerHealthErrors: [],
    errorSource: item.friendlyName,
    errorType: '0',
    errorLevel: text.errorLevel,
    errorCategory: 'Replication',
    errorCode: text.errorCode,
    summaryMessage: text.summaryMessage,
    errorMessage: text.errorMessage,
    possibleCauses: text.possibleCauses,
    recommendedAction: text.recommendedAction,
    creationTimeUtc: iso(now - 5 * MINUTE),
    recoveryProviderErrorMessage: null,
    entityId: item.vmId,
    errorId: guidFrom(`${item.vmId}/${text.errorCode}`),
    customerResolvability: 'NotAllowed',
  };
}
