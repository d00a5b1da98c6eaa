// ESLint flat config: typescript-eslint's recommended rules, plus the dependency rules of
// the project's layout that keep the layers apart:
//   src/domain/**     pure TypeScript: imports nothing but src/domain (no `vscode`, no packages)
//   src/simulator/**  an independent implementation of the service: no `vscode`, and nothing
//                     from src/domain or src/azure (if it shared the client's rules, a wrong
//                     rule would pass its own tests)
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Relative-import prefix that climbs `levels` folders: up(2) = '../../'. */
const up = (levels) => '(\\.\\./)'.concat(`{${levels}}`);

/**
 * One config block per folder depth below `root`, since how many `../` leave a folder depends on
 * where the importing file sits. `patterns(depth)` gives the restricted patterns for files at that
 * depth (depth 0 = files directly in root).
 */
function restrictImportsUnder(root, paths, patterns) {
  return Array.from({ length: 6 }, (_, depth) => ({
    files: [`${root}/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns: patterns(depth) }] },
  }));
}

const NO_VSCODE = [{ name: 'vscode', message: 'This layer must not depend on the VS Code API.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-output/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `let x: T;` declared before the closures that use it, assigned once later, is fine.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    // Scripts may shadow a global on purpose: const { performance } = require('node:perf_hooks').
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests feed ill-typed input on purpose and load modules late (after stubbing `vscode`).
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  ...restrictImportsUnder('src/domain', NO_VSCODE, (depth) => [
    {
      regex: `^${up(depth + 1)}`,
      message: 'src/domain imports only from src/domain (the domain imports nothing of ours but the domain).',
    },
    {
      regex: '^[^.]',
      message: 'src/domain is pure TypeScript: no packages, no Node built-ins.',
    },
  ]),
  ...restrictImportsUnder('src/simulator', NO_VSCODE, (depth) => [
    {
      regex: `^${up(depth + 1)}(domain|azure)(/|$)`,
      message: 'The simulator is independent of the client: nothing from src/domain or src/azure.',
    },
  ]),
);
