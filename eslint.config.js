// One lint gate, zero warnings. The layer rules below keep the arrows of architecture.md one way:
// renderer → shared ← electron/core ← electron shell.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'better-sqlite3', 'electron'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'renderer/ is browser code: no Node, Electron or SQLite (architecture §1).' },
            { group: ['**/electron/**', '../electron', '../../electron'], message: 'renderer/ talks to the backend only through the API client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeOnly, 'react', 'react-dom', 'lexical', '@lexical/*'], message: 'shared/ is pure TypeScript: no Node, DOM, Electron or UI (architecture §1).' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts', 'electron/teamserver/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'The core runs under plain Node (CLI, browser mode, tests): only the shell imports electron.' },
            { group: ['**/renderer/**'], message: 'The core never imports UI code.' },
          ],
        },
      ],
    },
  },
);
