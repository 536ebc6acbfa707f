import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Two workers: most of a server test's time is spent waiting on the database, so
    // two files at once finish about 30% sooner on the 2-core machines (measured).
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/{server,scripts}/**/*.test.ts'],
          // Server tests keep no state in modules between files, so a
          // worker loads the server's modules once instead of once per file: the
          // server tests finish about a quarter sooner (docs/testing.md).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          // Screens and the device's data keep their isolation (each file gets its own
          // IndexedDB and DOM), and so do the pure rules, which must not see the zod
          // messages the server configures.
          include: ['test/{client,shared,docs}/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
