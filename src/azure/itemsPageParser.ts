// Transitional, for createServices.ts only (it imports this name and hands it to Services.itemPages).
// Item lists have no process-wide parser any more: each SiteRecoveryQueries owns its worker
// (itemLists/). Delete this file once createServices.ts drops the import and Services.itemPages.
import { PageParser } from './itemLists';

export const itemsPageParser = {
  /** Item-list workers running in this process. */
  get workers(): number {
    return PageParser.running;
  },
  dispose(): void {
    // Each SiteRecoveryQueries stops its own worker (dispose); an idle one stops by itself.
  },
};
