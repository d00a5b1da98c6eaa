// Bundles the extension (and, with --tests, the integration test suite) with esbuild.
//   node esbuild.mjs               development build (source maps, not minified)
//   node esbuild.mjs --production  minified build for packaging
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --tests       also bundle test/integration into out/integration
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Reports build problems in the "file:line:col: error: text" form VS Code's problem matcher reads. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        if (location) console.error(`${location.file}:${location.line}:${location.column}: error: ${text}`);
        else console.error(`error: ${text}`);
      }
      if (watch) console.log(`[watch] build finished (${result.errors.length} errors)`);
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'silent',
  plugins: [problemReporter],
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  // Parses big item-list pages off the extension host's thread (src/azure/itemLists/parser.ts).
  { ...common, entryPoints: ['src/azure/itemLists/worker.ts'], outfile: 'dist/itemListsWorker.js' },
];

if (tests) {
  const suiteDir = 'test/integration/suite';
  const suites = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(suiteDir, f));
  builds.push({
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: ['test/integration/index.ts', ...suites],
    outdir: 'out/integration',
    outbase: 'test/integration',
    // mocha is loaded from node_modules at run time (it reads its own files).
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (results.some((r) => r.errors.length > 0)) process.exit(1);
}
