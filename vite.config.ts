import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspPlugin } from './scripts/csp-plugin.ts';

// `npm run build` emits relative asset URLs (base './') so the output works from any sub-path;
// `npm run build:single` (mode "single") inlines everything into dist-single/index.html for file://.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: mode === 'single' ? [react(), viteSingleFile(), cspPlugin(true)] : [react(), cspPlugin(false)],
  build: {
    outDir: mode === 'single' ? 'dist-single' : 'dist',
    target: 'es2022',
  },
  test: {
    // Every core: the workers are CPU-bound and the main process idles (Vitest's default leaves a
    // core free, i.e. one worker on a 2-core machine). Browser test files run beside the others,
    // so Node tests fill the time the browser tests spend waiting for Chromium.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/load-estimate.ts'],
          // npm test runs lint, tsc, the builds and every project at once on two cores: a test
          // that takes half a second alone can take ten times that. Time limits catch hangs here,
          // not slowness (bench scripts measure speed).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/load-estimate.ts', 'test/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The whole-page walk (every preset × precision × accelerator) in jsdom. It runs React's
        // production build, like the browser walk it replaces ran the production bundle: the
        // development build's checks made it four times slower. (React's own warnings are the
        // component project's business.)
        extends: true,
        oxc: { jsx: { runtime: 'automatic', development: false } },
        test: {
          name: 'walk',
          env: { NODE_ENV: 'production' },
          include: ['test/walk/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/load-estimate.ts', 'test/walk/setup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
}));
