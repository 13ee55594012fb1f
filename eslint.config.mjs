// ESLint (flat config) with typescript-eslint: `npm run lint`, part of `npm test`, zero warnings.
// Its no-restricted-imports rules state the layers that test/unit/architecture.test.ts also checks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeFree = (what) => ({
  paths: [{ name: 'vscode', message: `${what} runs in plain Node: it never imports vscode.` }],
  // ids.ts is plain data (command and setting names): the manifest tests read it.
  patterns: [{ group: ['**/src/vscode/*', '!**/src/vscode/ids', '../vscode/*', '../vscode/**', '**/extension'], message: `${what} does not reach into the VS Code layer.` }],
});

/** A vscode-free rule with more forbidden folders. */
const within = (rule, folders, message) => ({ ...rule, patterns: [...rule.patterns, { group: folders, message }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'demo/workspace/**', 'test/fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Control characters in patterns are the point: hostile text is stripped of them.
      'no-control-regex': 'off',
    },
  },
  // The shipped code's private members are ES #names: the minifier shortens those, not properties (7 KiB).
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: ':matches(PropertyDefinition, MethodDefinition, TSParameterProperty)[accessibility="private"]', message: 'Use an ES private member (#name): esbuild shortens it; a TypeScript private keeps its name in the bundle.' }],
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', vscodeFree('The core')] } },
  // The core's folders, in order: model, api, store, content; each imports only those before it.
  { files: ['src/core/model/**/*.ts'], rules: { 'no-restricted-imports': ['error', within(vscodeFree('The core'), ['../api/*', '../store/*', '../content/*'], 'core/model imports only itself')] } },
  { files: ['src/core/api/**/*.ts'], rules: { 'no-restricted-imports': ['error', within(vscodeFree('The core'), ['../store/*', '../content/*'], 'core/api imports only model and itself')] } },
  { files: ['src/core/store/**/*.ts'], rules: { 'no-restricted-imports': ['error', within(vscodeFree('The core'), ['../content/*'], 'core/store does not import content')] } },
  { files: ['src/vscode/views/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/commands/*'], message: 'Views never import commands.' }] }] } },
  { files: ['src/vscode/state/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/views/**', '**/commands/*', '**/editor/*', '**/ui/*'], message: 'State imports only the core and the shared basics.' }] }] } },
  { files: ['simulator/**/*.ts'], rules: { 'no-restricted-imports': ['error', vscodeFree('The simulator')] } },
  { files: ['test/unit/**/*.ts'], rules: { 'no-restricted-imports': ['error', vscodeFree('A unit test')] } },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
);
