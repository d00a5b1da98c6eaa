// npm run explain -- [--json] FILE...
// For each ARM JSON file (a replicated item, job, recovery plan, a list response holding them, or
// a recorded exchange) prints what the extension shows and offers. Nothing is sent anywhere.
import { readFileSync } from 'node:fs';
import { explainJson, explanationText, type Explanation } from './explain';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  if (files.length === 0) {
    process.stderr.write('Usage: npm run explain -- [--json] FILE...\n  FILE: ARM JSON of a replicated item, job or recovery plan, or a list response holding them.\n');
    return 2;
  }
  const all: Explanation[] = [];
  let failed = false;
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      process.stderr.write(`${file}: ${e instanceof SyntaxError ? `not JSON (${e.message})` : (e as Error).message}\n`);
      failed = true;
      continue;
    }
    const found = explainJson(doc);
    if (found.length === 0) process.stderr.write(`${file}: no replicated item, job or recovery plan in it.\n`);
    all.push(...found);
    if (!json) for (const e of found) process.stdout.write(`${explanationText(e)}\n\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
