// Lint for the whole repository. The browser fence: code that runs in the browser (dashboard/) and the
// browser-safe modules it shares with the pipeline (contract/, core/) may not import Node built-ins or
// Node-only code (pipeline/, tools/), the way Observable Framework fences src/client/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = {
  patterns: [
    { group: ['node:*'], message: 'Browser code may not import Node built-ins.' },
    {
      group: ['**/pipeline/**', '**/tools/**', '**/bench/**', '**/tests/**'],
      message: 'Browser code may not import Node-only code.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.tmp/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['pipeline/**', 'tools/**', 'tests/**', 'bench/**', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['dashboard/**', 'core/**', 'contract/**'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-imports': ['error', nodeOnly] },
  },
  {
    files: ['core/**', 'contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeOnly.patterns,
            { group: ['**/dashboard/**'], message: 'core/ and contract/ may not import the dashboard.' },
          ],
        },
      ],
    },
  },
);
