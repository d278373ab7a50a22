/**
 * The house's arrows, checked by `npm test` (`npm run lint`). A small rule set on purpose:
 * each rule says which way imports may point, or where a kind of code may live.
 *
 * - graph/<area>/ and api/<area>/ are entered only through their index.ts: no file
 *   outside an area imports another of its files. Areas are the folders themselves,
 *   so a new area is covered the day it is created.
 * - graph/ imports nothing from api/, web/, seeds/ or bench/; api/ nothing from web/;
 *   web/ nothing but its own files (it talks to the server over HTTP only).
 * - neo4j-driver and Cypher live in graph/ only (tests and benchmarks, which look at
 *   the database from outside, may read it directly).
 * - Named exports only; no import cycles.
 */
import { readdirSync, statSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const TOP = ['api', 'graph', 'web', 'seeds', 'bench', 'tests'];

/** The area folders of `side` (graph or api): every folder with an index.ts. */
function areasOf(side) {
  return readdirSync(side).filter((name) => {
    try {
      return statSync(`${side}/${name}`).isDirectory() && statSync(`${side}/${name}/index.ts`).isFile();
    } catch {
      return false;
    }
  });
}

/** One zone per area: everything outside it may import only its index.ts. */
function doorZones(side) {
  return areasOf(side).map((area) => ({
    target: [
      ...TOP.filter((top) => top !== side).map((top) => `./${top}/**/*`),
      `./${side}/*.ts`,
      `./${side}/!(${area})/**/*`,
    ],
    from: `./${side}/${area}`,
    except: ['./index.ts'],
    message: `${side}/${area}/ is entered through ${side}/${area}/index.ts only (docs/ARCHITECTURE.md).`,
  }));
}

/** Cypher keywords at the start of a clause, as they appear in statements (upper case). */
const CYPHER = String.raw`/\b(MATCH|MERGE|UNWIND|DETACH DELETE|OPTIONAL MATCH)\s+[(\w$]/`;

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'web/dist/**', 'bench/out/**', 'graph/db/server/target/**', '.data/**', 'web/src/api/generated/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.js'], 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [
          ...doorZones('graph'),
          ...doorZones('api'),
          { target: './graph', from: ['./api', './web', './seeds', './bench'], message: 'graph/ knows nothing of its callers.' },
          // Tests beside the code may use the shared test support (a test database, fixtures).
          { target: './graph/**/!(*.test).ts', from: './tests', message: 'graph/ knows nothing of its callers.' },
          { target: './api', from: ['./web', './bench'], message: 'api/ does not import the page or the benchmarks.' },
          { target: './api/**/!(*.test).ts', from: './tests', message: 'api/ does not import test support.' },
          { target: './web', from: ['./api', './graph', './seeds', './bench', './tests'], message: 'web/ talks to the server over HTTP only.' },
        ],
      }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  {
    // Product code outside graph/ never talks to Neo4j itself.
    files: ['api/**/*.ts', 'web/**/*.ts', 'seeds/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'neo4j-driver', message: 'neo4j-driver is used in graph/ only; call a graph area door.' }] }],
      'no-restricted-syntax': ['error',
        { selector: `Literal[value=${CYPHER}]`, message: 'Cypher lives in graph/<area>/ only.' },
        { selector: `TemplateElement[value.raw=${CYPHER}]`, message: 'Cypher lives in graph/<area>/ only.' },
      ],
    },
  },
  {
    // Tool configuration files are read through their default export, and ambient
    // module declarations describe a package's default export.
    files: ['*.config.ts', '**/vite.config.ts', '**/*.d.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
