import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql-js for everything. Vite would resolve our `import 'graphql'` to its
    // ESM build (index.mjs) while type-graphql and Apollo, loaded by Node, get the CJS
    // one (index.js): two realms, and type-graphql no longer recognises our scalars.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['{api,graph,web,seeds,bench,tests}/**/*.test.ts'],
    // The slow reliability tests (killed databases, minutes of load) run in `npm run test:faults`.
    exclude: [...configDefaults.exclude, 'tests/faults/**'],
    // One real Neo4j per run (global-setup.ts); test files share it, one after another,
    // each starting from an empty graph it builds itself.
    globalSetup: ['tests/global-setup.ts'],
    // An internal error a test did not expect fails that test.
    setupFiles: ['tests/setup/no-internal-errors.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
