import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{api,graph,web,seeds,bench,tests}/**/*.test.ts'],
    // One real Neo4j per run (global-setup.ts); test files share it, one after another,
    // each starting from an empty graph it builds itself.
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
