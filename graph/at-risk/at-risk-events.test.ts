/**
 * The daily outcome.at_risk events against a real Neo4j: the first look announces
 * every outcome at risk, a look on the same day nothing, the next day only what became
 * at risk since, and an outcome that recovered and fell back is announced again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestGraph, wipe } from '../../tests/support/graph.ts';
import type { Graph } from '../db/index.ts';
import { setCommitmentStatus } from '../engagements/index.ts';
import { eventsAfter, lastSequence, sequenceEvents } from '../events/index.ts';
import { importEcosystem } from '../import/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { recordNewlyAtRisk } from './index.ts';

let graph: Graph;

/**
 * o1 depends on m1 (LATE): at risk from the start. o2 depends on m2 (PENDING, due
 * 2026-07-10): at risk once m2 is overdue, from 2026-07-11. o3 depends on m3 (PENDING,
 * no due date): never, until m3 turns FAILED.
 */
const WORLD: EcosystemInput = {
  regions: [{ code: 'R1', name: 'Region' }],
  industries: [{ code: 'I1', name: 'Industry' }],
  partners: [{ id: 'p1', name: 'Partner', type: 'SYSTEM_INTEGRATOR' }, { id: 'p2', name: 'Other', type: 'ISV' }],
  customers: [{ id: 'c1', name: 'Customer', region: 'R1', industry: 'I1' }],
  engagements: [{
    id: 'e1', name: 'One', customer: 'c1', status: 'ACTIVE', startDate: '2026-01-01',
    participants: [{ partner: 'p1', role: 'ORCHESTRATOR', from: '2026-01-01' }, { partner: 'p2', role: 'CONTRIBUTOR', from: '2026-01-01' }],
    commitments: [
      { id: 'm1', owner: 'p2', description: 'm1', status: 'LATE', dueDate: '2026-06-01', dependsOn: [] },
      { id: 'm2', owner: 'p2', description: 'm2', status: 'PENDING', dueDate: '2026-07-10', dependsOn: [] },
      { id: 'm3', owner: 'p2', description: 'm3', status: 'PENDING', dueDate: null, dependsOn: [] },
    ],
    outcomes: [
      { id: 'o1', description: 'o1', status: 'PENDING', dueDate: '2026-12-31', dependsOn: ['m1'] },
      { id: 'o2', description: 'o2', status: 'PENDING', dueDate: '2026-12-31', dependsOn: ['m2'] },
      { id: 'o3', description: 'o3', status: 'PENDING', dueDate: '2026-12-31', dependsOn: ['m3'] },
    ],
  }],
};

async function announced(after: number): Promise<Array<Record<string, unknown>>> {
  while (await sequenceEvents(graph) > 0) { /* drain */ }
  return (await eventsAfter(graph, { after, types: ['outcome.at_risk'], limit: 100 })).map((e) => JSON.parse(e.data) as Record<string, unknown>);
}

beforeAll(async () => { graph = await openTestGraph(); });
afterAll(async () => graph?.close());
beforeEach(async () => {
  await wipe(graph);
  // The watch's state survives wipes (it is GraphState); these tests start it afresh.
  await graph.write("MATCH (s:GraphState {key: 'at-risk-watch'}) DELETE s");
  await importEcosystem(graph, WORLD, 60_000);
});

describe('outcome.at_risk, once a day', () => {
  it('first look: every outcome at risk; the same day again: nothing; the next days: only the newly at risk', async () => {
    const start = await lastSequence(graph);
    expect(await recordNewlyAtRisk(graph, '2026-07-01')).toEqual(['o1']);
    expect(await recordNewlyAtRisk(graph, '2026-07-01')).toEqual([]);
    expect(await recordNewlyAtRisk(graph, '2026-07-10')).toEqual([]);
    expect(await recordNewlyAtRisk(graph, '2026-07-11')).toEqual(['o2']);
    // A day already looked at, or an earlier one, is not looked at again.
    expect(await recordNewlyAtRisk(graph, '2026-07-05')).toEqual([]);
    const events = await announced(start);
    expect(events).toEqual([
      {
        outcomeId: 'o1', engagementId: 'e1', dueDate: '2026-12-31', asOf: '2026-07-01', daysToDue: 183,
        reasons: ['DEFECTIVE_DEPENDENCY'], orchestratorNowId: 'p1', orchestratorOnDueDateId: 'p1', defective: ['m1'], overdue: [],
      },
      {
        outcomeId: 'o2', engagementId: 'e1', dueDate: '2026-12-31', asOf: '2026-07-11', daysToDue: 173,
        reasons: ['OVERDUE_DEPENDENCY'], orchestratorNowId: 'p1', orchestratorOnDueDateId: 'p1', defective: [], overdue: ['m2'],
      },
    ]);
  });

  it('an outcome that recovers and falls back is announced again; one that turns at risk by a write the next day', async () => {
    const start = await lastSequence(graph);
    await recordNewlyAtRisk(graph, '2026-07-01');
    await setCommitmentStatus(graph, 'm1', 'DELIVERED', null);
    expect(await recordNewlyAtRisk(graph, '2026-07-02')).toEqual([]);
    await setCommitmentStatus(graph, 'm1', 'FAILED', null);
    await setCommitmentStatus(graph, 'm3', 'FAILED', null);
    expect(await recordNewlyAtRisk(graph, '2026-07-03')).toEqual(['o1', 'o3']);
    expect((await announced(start)).map((e) => [e.outcomeId, e.asOf])).toEqual([['o1', '2026-07-01'], ['o1', '2026-07-03'], ['o3', '2026-07-03']]);
  });

  it('two processes looking at once announce each outcome once', async () => {
    const start = await lastSequence(graph);
    const [a, b] = await Promise.all([recordNewlyAtRisk(graph, '2026-07-11'), recordNewlyAtRisk(graph, '2026-07-11')]);
    expect([...a, ...b].sort()).toEqual(['o1', 'o2']);
    expect((await announced(start)).map((e) => e.outcomeId)).toEqual(['o1', 'o2']);
  });
});
