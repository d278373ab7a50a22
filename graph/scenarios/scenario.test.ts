/**
 * The scenario's transaction against concurrent work on the real database: readers
 * never see its changes, a write to what it changed waits for its rollback (and no
 * longer), a write to anything else does not wait at all.
 */
import { describe, expect, it } from 'vitest';
import { eachTestFrom } from '../../tests/support/graph.ts';
import { graphVersion, type Graph } from '../db/index.ts';
import { partnersByIds } from '../directory/index.ts';
import { assignRole } from '../engagements/index.ts';
import { coverageCells } from '../gaps/index.ts';
import { importEcosystem } from '../import/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { scenario } from './index.ts';

/** qa orchestrates x1 (ai) and qb contributes; x2 has no orchestrator. Only qa holds ai in DE. */
const world: EcosystemInput = {
  regions: [{ code: 'DE', name: 'Germany' }],
  industries: [{ code: 'MFG', name: 'Manufacturing' }],
  capabilities: [{ id: 'ai', name: 'AI' }],
  partners: [
    { id: 'qa', name: 'Alpha', type: 'ISV', regions: ['DE'], capabilities: [{ capability: 'ai', level: 4 }] },
    { id: 'qb', name: 'Beta', type: 'MSP', regions: ['DE'] },
  ],
  customers: [{ id: 'cu', name: 'Plant', region: 'DE', industry: 'MFG' }],
  engagements: [
    {
      id: 'x1', name: 'Vision QA', customer: 'cu', status: 'ACTIVE', requires: [{ capability: 'ai', level: 3 }],
      participants: [{ partner: 'qa', role: 'ORCHESTRATOR', from: '2021-01-01' }, { partner: 'qb', role: 'CONTRIBUTOR', from: '2021-01-01' }],
    },
    { id: 'x2', name: 'Forecasting', customer: 'cu', status: 'PLANNED', participants: [{ partner: 'qb', role: 'CONTRIBUTOR', from: '2021-01-01' }] },
  ],
};

const today = new Date().toISOString().slice(0, 10);
const changes = {
  exits: ['qa'],
  joins: [{ id: 'qn', name: 'Newcomer', type: 'AI_NATIVE' as const, regions: ['DE'], capabilities: [{ capability: 'ai', level: 5 }] }],
  handovers: [{ engagementId: 'x2', partnerId: 'qn', from: today }],
};

/** The orchestrator of `engagement` held today, read from outside the scenario. */
async function orchestratorToday(graph: Graph, engagement: string): Promise<string | null> {
  const rows = await graph.read<{ id: string }>(`
    MATCH (p:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(:Engagement {id: $engagement})
    WHERE r.from <= date($today) AND (r.to IS NULL OR date($today) < r.to) RETURN p.id AS id`, { engagement, today });
  return rows[0]?.id ?? null;
}

let graph: Graph;
eachTestFrom(world, (opened) => { graph = opened; }, { timeoutMs: 120_000 });

describe('scenario transaction', () => {
  it('concurrent readers see the stored graph only, while the changes are in place and after', async () => {
    const cellsBefore = await coverageCells(graph);
    const version = await graphVersion(graph);
    const seen: unknown[] = [];
    const answer = await scenario(graph, changes, {}, today, {
      whileChanged: async () => {
        seen.push(await coverageCells(graph), (await partnersByIds(graph, ['qn', 'qa'])).filter(Boolean), await orchestratorToday(graph, 'x2'), await graphVersion(graph));
      },
    });
    // Inside, the changes were there: qn replaced qa in the only cell and adopted x2.
    expect(answer.coverage.map((c) => [c.before?.partners, c.after?.partners])).toEqual([[['qa'], ['qn']]]);
    expect([answer.orphanedEngagements, answer.adoptedEngagements]).toEqual([['x1'], ['x2']]);
    // Outside, meanwhile: no qn, qa still ACTIVE, x2 without orchestrator, the same version.
    expect(seen).toEqual([cellsBefore, [expect.objectContaining({ id: 'qa', status: 'ACTIVE' })], null, version]);
    expect([await coverageCells(graph), await partnersByIds(graph, ['qn']), await graphVersion(graph)]).toEqual([cellsBefore, [null], version]);
  });

  it('a write to what the scenario changed waits for its rollback, no longer, and then succeeds; other writes do not wait', async () => {
    const HOLD_MS = 1_500;
    const at: Record<string, number> = {};
    let racing: Promise<void> | undefined;
    let other: Promise<void> | undefined;
    const started = Date.now();
    await scenario(graph, changes, {}, today, {
      whileChanged: async () => {
        at.changed = Date.now();
        // qa's interval on x1 ended in the scenario (qa is locked): handing x1 to qb rewrites x1's intervals, qa's included.
        racing = assignRole(graph, 'x1', 'qb', 'ORCHESTRATOR', today).then(() => { at.racingDone = Date.now(); });
        // x2 was handed over in the scenario, but a created relationship locks nothing: this one goes through at once.
        other = assignRole(graph, 'x2', 'qb', 'ORCHESTRATOR', today).then(() => { at.otherDone = Date.now(); });
        await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
        at.released = Date.now();
      },
    });
    at.rolledBack = Date.now();
    await Promise.all([racing, other]);

    expect(at.otherDone).toBeLessThan(at.released!);
    // The racing write ended after the rollback: it waited for the scenario.
    expect(at.racingDone).toBeGreaterThanOrEqual(at.rolledBack! - 50);
    // Its wait is bounded by the rest of the scenario (HOLD_MS, then the "after" reads);
    // once the locks are gone it finishes quickly (generous for a busy machine).
    expect(at.racingDone! - at.rolledBack!).toBeLessThan(2_000);
    expect(at.racingDone! - at.changed!).toBeLessThan(at.rolledBack! - at.changed! + 2_000);
    expect(at.rolledBack! - started).toBeLessThan(HOLD_MS + 20_000);
    // Both writes are stored; nothing of the scenario is.
    expect([await orchestratorToday(graph, 'x1'), await orchestratorToday(graph, 'x2')]).toEqual(['qb', 'qb']);
    expect(await partnersByIds(graph, ['qa', 'qn'])).toEqual([expect.objectContaining({ id: 'qa', status: 'ACTIVE' }), null]);
  });
});

describe('the kept "before"', () => {
  it('is the stored graph of this version: after a write, before and after both show it', async () => {
    const exitOnly = { exits: ['qa'] };
    const first = await scenario(graph, exitOnly, {}, today);
    expect(first.coverage.map((c) => [c.before?.status, c.after?.status])).toEqual([['SINGLE_POINT', 'UNCOVERED']]);
    expect(first.healthBefore.activePartners).toBe(2);
    // qb now holds ai in DE as well: a second supplier of the cell the exit touches.
    await importEcosystem(graph, { partners: [{ ...world.partners![1]!, capabilities: [{ capability: 'ai', level: 3 }] }] }, 60_000);
    const second = await scenario(graph, exitOnly, {}, today);
    expect(second.coverage.map((c) => [c.before?.status, c.before?.partners, c.after?.status, c.after?.partners]))
      .toEqual([['COVERED', ['qa', 'qb'], 'SINGLE_POINT', ['qb']]]);
  });

  it('a scenario that reaches no cell (handovers only) lists none and still compares health and orchestration', async () => {
    const row = await scenario(graph, { handovers: [{ engagementId: 'x2', partnerId: 'qa', from: today }] }, {}, today);
    expect(row.coverage).toEqual([]);
    expect(row.adoptedEngagements).toEqual(['x2']);
    expect(row.healthAfter).toEqual(row.healthBefore);
  });
});
