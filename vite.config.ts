import type { UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Rolldown prints a "[PLUGIN_TIMINGS]" block when plugins take a large share of a build, which on
 * a busy two-core machine is most builds: it reads as a warning and says nothing about the code.
 * Only that check is off; every other warning still shows.
 */
export const ROLLDOWN_OPTIONS = { checks: { bundlerTimings: false } } as const;

/**
 * The citizen page's two scripts are built apart from the analyst app (`--mode citizen`,
 * `--mode sw`): each is one small self-contained file with a fixed name, never sharing a chunk
 * with the dashboard, so no chart code can reach the citizen page.
 */
function citizenScript(name: 'citizen' | 'sw', entry: string): UserConfig {
  return {
    root: 'client',
    publicDir: false,
    build: {
      outDir: '../dist/client/q-assets',
      emptyOutDir: false,
      sourcemap: false,
      rolldownOptions: ROLLDOWN_OPTIONS,
      lib: { entry, formats: ['iife'], name: `hailong_${name}`, fileName: () => `${name}.js` },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'citizen') return citizenScript('citizen', 'citizen/enhance.ts');
  if (mode === 'sw') return citizenScript('sw', 'citizen/service-worker.ts');
  // The analyst app is built from client/ into dist/client and served by the server under /app/.
  return {
    root: 'client',
    base: '/app/',
    publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: '../dist/client',
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: ROLLDOWN_OPTIONS,
    },
    test: {
      root: '.',
      projects: [
        {
          extends: true,
          test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
        },
        {
          extends: true,
          test: {
            name: 'api',
            include: ['test/api/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // Checks that need a tool installed beside Node (GNU PSPP, LibreOffice, Poppler): run by CI, not by npm test.
          extends: true,
          test: {
            name: 'tools',
            include: ['test/tools/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // hailong as a province runs it (test/support/cluster): root, the local PostgreSQL, pgbouncer
          // and nginx; `npm run test:cluster`, run by CI, not by npm test.
          extends: true,
          test: {
            name: 'cluster',
            include: ['test/cluster/**/*.test.ts'],
            environment: 'node',
            testTimeout: 240_000,
            hookTimeout: 400_000,
            fileParallelism: false,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            globalSetup: ['test/browser/build-client.global-setup.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 300_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
