import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers: core and scenario are pure (no React, Zustand, Recharts, DOM); features never import
// each other; app composes them. See docs/architecture.md.
const pureLayer = {
  paths: [
    { name: 'react', message: 'src/core and src/scenario are pure: no React.' },
    { name: 'react-dom', message: 'src/core and src/scenario are pure: no React DOM.' },
    { name: 'zustand', message: 'src/core and src/scenario are pure: no store.' },
    { name: 'recharts', message: 'src/core and src/scenario are pure: no charts.' },
    { name: '@tanstack/react-table', message: 'src/core and src/scenario are pure: no tables.' },
  ],
  patterns: [
    { group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*'], message: 'pure layer' },
    { group: ['**/store/**', '**/features/**', '**/components/**', '**/app/**', '**/i18n/**'], message: 'pure layer: imports flow core → store → features → app' },
  ],
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
    files: ['src/core/**/*.ts', 'src/scenario/**/*.ts', 'src/data/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', pureLayer],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'location', 'history', 'navigator'],
    },
  },
);
