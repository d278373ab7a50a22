import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the slow reliability tests (tests/faults), which kill databases,
 * interrupt imports and load the API for minutes. One shared Neo4j (global-setup.ts) for
 * the tests that do not kill theirs; the others start their own.
 */
export default defineConfig({
  resolve: {
    // One graphql-js for everything (see vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
