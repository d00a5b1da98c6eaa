import type { TreeNode } from './node';
import type { JobInfo } from '../domain/model';

/** What tree nodes need from the rest of the extension. */
export interface TreeContext {
  refresh(node?: TreeNode): void;
  /** Filter text per vault id for replicated items (name or state, case-insensitive). */
  itemFilter(vaultId: string): string | undefined;
  /** Jobs the tracker is watching right now, to show fresh state without another request. */
  watchedJob(jobName: string): JobInfo | undefined;
}
