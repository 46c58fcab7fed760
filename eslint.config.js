import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint.layers.js';

// Layers only look down (eslint.layers.js resolves every relative import):
//   data ← core ← scenario ← store ← view ← features ← app; i18n and components/ui are leaves.
// core, scenario and data are also pure: no React, Zustand, Recharts or DOM. See docs/architecture.md.
const pureLayer = {
  paths: [
    { name: 'react', message: 'src/core and src/scenario are pure: no React.' },
    { name: 'react-dom', message: 'src/core and src/scenario are pure: no React DOM.' },
    { name: 'zustand', message: 'src/core and src/scenario are pure: no store.' },
    { name: 'recharts', message: 'src/core and src/scenario are pure: no charts.' },
    { name: '@tanstack/react-table', message: 'src/core and src/scenario are pure: no tables.' },
  ],
  patterns: [{ group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*'], message: 'pure layer' }],
};

// The chart kit takes props and callbacks: no store library either.
const kitLayer = {
  paths: [{ name: 'zustand', message: 'components/ui takes props and callbacks: no store.' }],
  patterns: [{ group: ['zustand/*'], message: 'components/ui takes props and callbacks: no store.' }],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not run the React Compiler; TanStack's hook is fine without it.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML: render text only.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/only-down': 'error' },
  },
  {
    // No code file over 600 lines (issue #12); data tables aside.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/data/**'],
    rules: { 'max-lines': ['error', { max: 600 }] },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', kitLayer] },
  },
  {
    files: ['src/core/**/*.ts', 'src/scenario/**/*.ts', 'src/data/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', pureLayer],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'location', 'history', 'navigator'],
    },
  },
);
