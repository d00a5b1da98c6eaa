import { AzureClients } from './azure/clients';
import type { ArmConnection } from './azure/connection';
import { SiteRecoveryOperations } from './azure/operations';
import { SiteRecoveryQueries } from './azure/queries';

/**
 * One way into Resource Manager: a signed-in account, or the practice simulator. Tree
 * nodes, commands and the job tracker find their clients through the scope of their vault.
 */
export class Scope {
  readonly clients: AzureClients;
  readonly queries: SiteRecoveryQueries;
  readonly operations: SiteRecoveryOperations;

  constructor(
    readonly key: string,
    readonly label: string,
    connection: ArmConnection,
  ) {
    this.clients = new AzureClients(connection);
    this.queries = new SiteRecoveryQueries(this.clients);
    this.operations = new SiteRecoveryOperations(this.clients, this.queries);
  }

  get practice(): boolean {
    return this.clients.connection.practice;
  }
}
