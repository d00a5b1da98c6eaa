// The item-list worker as the extension ships it: bundled from src/azure/itemLists/worker.ts the
// way esbuild.mjs builds dist/itemListsWorker.js, into a temporary file. Run from sources, the
// queries find no bundled worker and parse on the host thread; the bench measures the real path.
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AzureClients } from '../src/azure/clients';
import { PageParser } from '../src/azure/itemLists';
import { SiteRecoveryQueries } from '../src/azure/queries';

let script: string | undefined;

function bundled(): string {
  if (!script) {
    script = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'itemListsWorker.js');
    buildSync({
      entryPoints: [path.join(__dirname, '../src/azure/itemLists/worker.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      logLevel: 'silent',
    });
  }
  return script;
}

/** Queries whose item lists parse on the shipped worker (dispose them when done). */
export function queriesWithWorker(clients: AzureClients): SiteRecoveryQueries {
  const file = bundled();
  return new SiteRecoveryQueries(clients, new PageParser({ start: () => new Worker(file) }));
}
