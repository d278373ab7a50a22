/**
 * The web view's GraphQL types, generated from the served schema (api/schema.graphql,
 * which `npm run schema` writes and api/compat.test.ts keeps equal to the live server):
 * `npm run codegen` writes web/src/api/generated/. Every document in web/src is written
 * with `graphql(...)` and validated here, so a field renamed in the API fails the
 * codegen check and the type check of the page that reads it. `npm test` runs
 * `npm run codegen -- --check`, which fails when the generated files are stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'api/schema.graphql',
  documents: ['web/src/**/*.ts', '!web/src/api/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents are sent as strings (POST /graphql); no graphql-js in the page.
        documentMode: 'string',
        // Enums as unions of string literals: the page compares and sends plain strings.
        enumType: 'string-literal',
        useTypeImports: true,
        // The page is ESM under NodeNext: relative imports name their file.
        importExtension: '.ts',
        scalars: { Date: 'string' },
      },
    },
  },
};

export default config;
