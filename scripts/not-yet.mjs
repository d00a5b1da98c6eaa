// node scripts/not-yet.mjs <name> — stands in for an npm script whose implementation has not
// landed yet. It says so and exits 1: a placeholder must never look like a passing step.
const PLANNED = {
  bench: 'the benchmarks issue (tree load, job polling, activation, memory and package size on the simulator; bench/)',
};

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/not-yet.mjs <name>');
  process.exit(2);
}
const where = PLANNED[name] ?? 'its own issue';
console.error(`npm run ${name}: not implemented yet — ${where} will add it. Nothing was run.`);
process.exit(1);
