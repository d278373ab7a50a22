/**
 * No N+1: the statements one operation sends do not grow with the items it returns.
 * Counted on the app's own executor (every statement goes through it).
 */
import { describe, expect, it } from 'vitest';
import { generateEcosystem } from '../seeds/generate.ts';
import { useTestApp } from '../tests/support/api.ts';

const NESTED = `query Nested($n: Int!) {
  partners(first: $n) {
    totalCount
    edges { node { id name
      participations(first: 3) { totalCount edges { node { role from
        engagement { id name customer { name } outcomes { id status dependsOn { id owner { id name } } } }
      } } }
    } }
  }
}`;

const t = useTestApp(() => generateEcosystem({ partners: 80, engagements: 600, seed: 7 }));
const { gql } = t;

async function roundTrips(n: number): Promise<{ count: number; partners: number; participations: number }> {
  const before = t.graph.roundTrips;
  const res = await gql<{ partners: { edges: Array<{ node: { participations: { edges: unknown[] } } }> } }>(NESTED, { n });
  expect(res.errors).toBeUndefined();
  const edges = res.data!.partners.edges;
  return {
    count: t.graph.roundTrips - before,
    partners: edges.length,
    participations: edges.reduce((sum, e) => sum + e.node.participations.edges.length, 0),
  };
}

describe('database round trips of a nested query', () => {
  it('are the same for 5 and for 50 partners', async () => {
    const five = await roundTrips(5);
    const fifty = await roundTrips(50);
    expect(five.partners).toBe(5);
    expect(fifty.partners).toBe(50);
    expect(fifty.participations).toBeGreaterThan(five.participations * 3); // real work was returned
    expect(fifty.count).toBe(five.count);
    // The partners page, then the participations with their engagements, customers,
    // outcomes, dependencies and owners (api/graphql/loaders.ts).
    expect(five.count).toBe(2);
  });
});
