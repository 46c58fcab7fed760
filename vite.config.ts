import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspPlugin } from './scripts/csp-plugin.ts';

/**
 * Longest test files first, across projects. Vitest's own order runs the projects one after the
 * other by name (browser, component, unit, walk) and only within a project the longest first, so
 * the walk's shards always ran last, one core idle at the end. Here the files are ordered by the
 * duration Vitest recorded for them last time; on a clean clone, with nothing recorded, by the
 * seconds they took on this machine (measured while writing this; a hint, not a limit).
 */
const EXPECTED_SECONDS: Record<string, number> = {
  'browser:test/browser/explorer.test.ts': 62,
  'browser:test/browser/robustness.test.ts': 61,
  'walk:test/walk/walk-1.test.tsx': 34,
  'walk:test/walk/walk-2.test.tsx': 34,
  'walk:test/walk/walk-3.test.tsx': 29,
  'browser:test/browser/a11y.test.ts': 24,
  'unit:test/unit/fuzz-estimate.test.ts': 14,
  'unit:test/unit/fuzz-url.test.ts': 7,
  'browser:test/browser/share.test.ts': 18,
  'browser:test/browser/chinese-page.test.ts': 15,
  'browser:test/browser/lang-share.test.ts': 13,
  'browser:test/browser/training-plan.test.ts': 10,
  'browser:test/browser/fine-tuning.test.ts': 7,
};

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const seconds = (file: TestSpecification) => {
      const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
      const recorded = this.ctx.cache.getFileTestResults(key)?.duration;
      return recorded !== undefined ? recorded / 1000 : (EXPECTED_SECONDS[key] ?? 0);
    };
    return base
      .map((file, index) => ({ file, index, seconds: seconds(file) }))
      .sort((a, b) => b.seconds - a.seconds || a.index - b.index)
      .map(({ file }) => file);
  }
}

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
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Files share a worker's module cache (no file mocks a module or leaves state behind):
          // each no longer imports the core again. Measured back to back, 37.8 / 41.1 s → 31.4 /
          // 32.2 s for the project.
          isolate: false,
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
          // As for unit (each file still gets its own jsdom): 30.8 / 28.0 s → 18.0 / 17.7 s.
          isolate: false,
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
