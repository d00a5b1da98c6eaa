// Child process (node --expose-gc --import tsx): heap held by 10,000 replicated items loaded
// through the queries (domain objects, as the tree keeps them), parsed on the worker. Prints one JSON line.
import { Scope } from '../src/scope';
import { SiteRecoverySimulator } from '../src/simulator/index';
import { queriesWithWorker } from './itemListsWorker';

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  if (!gc) throw new Error('run with node --expose-gc');
  const sim = SiteRecoverySimulator.create({ scenario: 'large', clock: 'manual', large: { fabrics: 2, containersPerFabric: 10, itemsPerContainer: 500 } });
  const scope = new Scope('bench', 'Bench', { credential: sim.credential, endpoint: sim.endpoint, httpClient: sim.httpClient, practice: true });
  const queries = queriesWithWorker(scope.clients); // items parsed on the worker, as the extension does
  const [vault] = await queries.listVaults(sim.subscriptionId);
  await queries.listItemsPage(vault); // SDK loaded, client built: not the items' cost
  const heap = () => {
    gc!();
    gc!();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const items = await queries.listAllItems(vault);
  const after = heap();
  queries.dispose();
  process.stdout.write(`${JSON.stringify({ items: items.length, heapBytes: after - before })}\n`);
  sim.dispose();
}

main().catch((e: unknown) => {
  process.stderr.write(`${String((e as Error)?.stack ?? e)}\n`);
  process.exit(1);
});
