import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import type { Graph } from './executor.ts';
import { AppError } from '../model/index.ts';
import { applySchema, isEmptyGraph, UNIQUE_KEYS } from './schema.ts';

let graph: Graph;

beforeAll(async () => {
  graph = await openTestGraph(); // applies the schema
  await wipe(graph);
});
afterAll(async () => graph?.close());

describe('the schema', () => {
  it('has a uniqueness constraint on the id of every label', async () => {
    const rows = await graph.read<{ label: string; key: string }>(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties[0] AS key");
    const present = rows.map((r) => `${r.label}.${r.key}`).sort();
    expect(present).toEqual(UNIQUE_KEYS.map(([label, key]) => `${label}.${key}`).sort());
    for (const label of ['Partner', 'Customer', 'Engagement', 'Contribution', 'Outcome', 'Commitment', 'Capability', 'Region', 'Industry', 'ApiToken']) {
      expect(present.some((p) => p.startsWith(`${label}.`)), label).toBe(true);
    }
  });

  it('has its indexes online, role intervals included', async () => {
    const rows = await graph.read<{ name: string; state: string; entityType: string }>(
      'SHOW INDEXES YIELD name, state, entityType RETURN name, state, entityType');
    expect(rows.every((r) => r.state === 'ONLINE')).toBe(true);
    expect(rows.filter((r) => r.entityType === 'RELATIONSHIP').map((r) => r.name).sort())
      .toEqual(expect.arrayContaining(['participation_from', 'participation_role_from', 'participation_to']));
  });

  it('applies again without a change', async () => {
    const count = async () => (await graph.read<{ n: number }>('SHOW INDEXES YIELD name RETURN count(*) AS n'))[0]!.n;
    const before = await count();
    await applySchema(graph);
    expect(await count()).toBe(before);
  });

  it('refuses a second node with the same id, as CONFLICT', async () => {
    await graph.write("CREATE (:Partner {id: 'dup', name: 'One'})");
    await expect(graph.write("CREATE (:Partner {id: 'dup', name: 'Two'})")).rejects.toSatisfy((err) => err instanceof AppError && err.code === 'CONFLICT');
    expect(await isEmptyGraph(graph)).toBe(false);
    await wipe(graph);
    expect(await isEmptyGraph(graph)).toBe(true);
  });
});
