import { defineConfig } from 'vitest/config';

// One runner for every layer. Unit and glue tests are fast and run in parallel; the end-to-end
// tests each start Chromium and a host, so they run in their own project with a single worker.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/glue/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A cold Chromium on a busy 2-core machine takes seconds to paint the first page.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One real WordPress for the project (its install takes seconds); test files reach it
          // through inject(). Files share the site, so each uses titles and tokens of its own.
          globalSetup: ['tests/support/wordpress.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
