import { AzureClients } from './azure/clients';
import type { ArmConnection } from './azure/connection';
import { SiteRecoveryOperations } from './azure/operations';
import { SiteRecoveryQueries } from './azure/queries';
import { wallClock, type WorkflowClock } from './workflows/clock';

/**
 * One way into Resource Manager: a signed-in account, or the practice simulator. Tree
 * nodes, commands and the job tracker find their clients through the scope of their vault,
 * and its clock: Azure's is the wall clock, the practice vault's the simulator's faster one, so
 * a practice vault never moves the time windows of a real one.
 */
export class Scope {
  readonly clients: AzureClients;
  readonly queries: SiteRecoveryQueries;
  readonly operations: SiteRecoveryOperations;

  constructor(
    readonly key: string,
    readonly label: string,
    connection: ArmConnection,
    readonly clock: WorkflowClock = wallClock,
  ) {
    this.clients = new AzureClients(connection);
    this.queries = new SiteRecoveryQueries(this.clients);
    this.operations = new SiteRecoveryOperations(this.clients, this.queries);
  }

  get practice(): boolean {
    return this.clients.connection.practice;
  }

  /** This scope's time, as a Date. */
  now(): Date {
    return new Date(this.clock.now());
  }

  /** Stops what the scope owns (the item-list worker). */
  dispose(): void {
    this.queries.dispose();
  }
}
