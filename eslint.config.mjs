// ESLint (flat config) with typescript-eslint: `npm run lint`, part of `npm test`, zero warnings.
// Its no-restricted-imports rules state the layers that test/unit/architecture.test.ts also checks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeFree = (what) => ({
  paths: [{ name: 'vscode', message: `${what} runs in plain Node: it never imports vscode.` }],
  // ids.ts is plain data (command and setting names): the manifest tests read it.
  patterns: [{ group: ['**/src/vscode/*', '!**/src/vscode/ids', '../vscode/*', '../vscode/**', '**/extension'], message: `${what} does not reach into the VS Code layer.` }],
});

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
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', vscodeFree('The core')] } },
  { files: ['simulator/**/*.ts'], rules: { 'no-restricted-imports': ['error', vscodeFree('The simulator')] } },
  { files: ['test/unit/**/*.ts'], rules: { 'no-restricted-imports': ['error', vscodeFree('A unit test')] } },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
  },
);
