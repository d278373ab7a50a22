/**
 * A scenario's health after its changes (healthAfterChangesOn) against ecosystemHealth
 * read whole on the same changed graph, in a transaction that is rolled back: equal
 * when the changed partners are named, different when one is left out (so the
 * comparison can tell).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import { fixture } from '../../tests/support/fixture.ts';
import type { Graph, Tx } from '../db/index.ts';
import { importEcosystem } from '../import/index.ts';
import { ecosystemHealthOn, healthAfterChangesOn, healthBaselineOn } from './index.ts';

let graph: Graph;

beforeAll(async () => {
  graph = await openTestGraph();
  await wipe(graph);
  await importEcosystem(graph, fixture(), 60_000);
});
afterAll(async () => graph?.close());

/** p1 leaves, nj joins and takes a role in e4 (ACTIVE), p5 comes back ACTIVE: every figure kind moves. */
async function change(tx: Tx): Promise<void> {
  await tx.run(`MATCH (p:Partner {id: 'p1'}) SET p.status = 'INACTIVE'`);
  await tx.run(`CREATE (:Partner {id: 'nj', name: 'New joiner', nameLower: 'new joiner', type: 'AI_NATIVE', status: 'ACTIVE'})`);
  await tx.run(`MATCH (p:Partner {id: 'nj'}), (e:Engagement {id: 'e4'}) CREATE (p)-[:PARTICIPATES_IN {role: 'CONTRIBUTOR', from: date('2026-03-01')}]->(e)`);
  await tx.run(`MATCH (p:Partner {id: 'p5'}) SET p.status = 'ACTIVE'`);
}

describe('health after changes', () => {
  it('equals the whole health on the changed graph when the changed partners are named', async () => {
    const { before, after, whole, missingOne } = await graph.rolledBackTx(async (tx) => {
      const baseline = await healthBaselineOn(tx);
      expect(baseline.health).toEqual(await ecosystemHealthOn(tx));
      await change(tx);
      return {
        before: baseline.health,
        whole: await ecosystemHealthOn(tx),
        after: await healthAfterChangesOn(tx, baseline, ['p1', 'nj', 'p5']),
        missingOne: await healthAfterChangesOn(tx, baseline, ['nj', 'p5']),
      };
    });
    expect(after).toEqual(whole);
    expect(whole).not.toEqual(before);
    expect(whole.partners).toBe(before.partners + 1);
    expect(whole.activePartners).toBe(before.activePartners + 1); // - p1 + nj + p5
    expect(missingOne).not.toEqual(whole);
    // Rolled back: the stored graph is as it was.
    expect(await graph.readTx(ecosystemHealthOn)).toEqual(before);
  });
});
