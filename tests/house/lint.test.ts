/**
 * The house's arrows (eslint.config.js) catch what they are for: each case is a line
 * a newcomer might write, linted as if it were in the named file, and must be refused
 * by the named rule. `npm test` also lints the whole tree (npm run lint).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the house rules', () => {
  it.each([
    ['api/gaps/gaps.resolver.ts', "import { engagementGaps } from '../../graph/gaps/engagement-gaps.ts';\n", 'import-x/no-restricted-paths'],
    ['graph/engagements/roles.ts', "import { checkRules } from '../import/rules.ts';\n", 'import-x/no-restricted-paths'],
    ['bench/operations.ts', "import { ACCOUNTABILITY } from '../graph/accountability/accountability.queries.ts';\n", 'import-x/no-restricted-paths'],
    ['api/network/network.resolver.ts', "import { Partner } from '../directory/directory.type.ts';\n", 'import-x/no-restricted-paths'],
    ['graph/db/executor.ts', "import { startApp } from '../../api/app.ts';\n", 'import-x/no-restricted-paths'],
    ['web/src/main.ts', "import { ERROR_CODES } from '../../graph/model/index.ts';\n", 'import-x/no-restricted-paths'],
    ['api/graphql/context.ts', "import neo4j from 'neo4j-driver';\nexport const n = neo4j;\n", 'no-restricted-imports'],
    ['api/network/network.resolver.ts', 'export const Q = `MATCH (p:Partner) RETURN p`;\n', 'no-restricted-syntax'],
    ['seeds/generate.ts', "export const Q = 'UNWIND $rows AS r MERGE (n:Region {code: r.code})';\n", 'no-restricted-syntax'],
    ['graph/gaps/coverage.ts', 'export default function coverage() {}\n', 'no-restricted-exports'],
  ])('%s: %s is refused (%s)', async (file, code, rule) => {
    expect(await rulesHit(file, code)).toContain(rule);
  });

  it('lets the doors, the model and Cypher in graph/ through', async () => {
    expect(await rulesHit('api/gaps/gaps.resolver.ts', "import { engagementGaps } from '../../graph/gaps/index.ts';\nexport const f = engagementGaps;\n")).toEqual([]);
    expect(await rulesHit('graph/gaps/coverage.ts', "import { graphVersion } from '../db/index.ts';\nexport const Q = `MATCH (p:Partner) RETURN p`, v = graphVersion;\n")).toEqual([]);
  });
});
