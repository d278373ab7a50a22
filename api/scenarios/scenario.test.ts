/**
 * `scenario` over HTTP, with answers worked out by hand from the contract (Scenarios,
 * Ecosystem health, CoverageCell) on one small world, and checks that nothing of it is
 * ever written.
 */
import { describe, expect, it } from 'vitest';
import { createToken } from '../../graph/access/index.ts';
import { graphVersion } from '../../graph/db/index.ts';
import type { EcosystemInput, PartnerInput } from '../../graph/model/index.ts';
import { codes, useTestApp } from '../../tests/support/api.ts';
import { snapshot } from '../../tests/support/graph.ts';

const partner = (id: string, regions: string[], holds: Record<string, number>): PartnerInput => ({
  id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR', regions, industries: ['FSI'],
  capabilities: Object.entries(holds).map(([capability, level]) => ({ capability, level })),
});

/**
 * Cells today (minLevel 3; pd holds sap at 2 only):
 *   (DE, ai)   demand e1; supply pa, pb → COVERED
 *   (DE, data) demand e3; supply pa     → SINGLE_POINT
 *   (DE, sap)  demand e1; supply none   → UNCOVERED
 *   (FR, data) demand e2; supply pc     → SINGLE_POINT
 *   (FR, sap)  demand e4; supply none   → UNCOVERED
 * Orchestrators today: e1 pa, e2 pc; e3 never had one, e4's (pc) ended in 2021.
 * LINEAR values: e1 1000 over pa and pb (500 each), e2 600 to pc; pd 0.
 */
const world = (): EcosystemInput => ({
  regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }],
  industries: [{ code: 'FSI', name: 'Financial services' }],
  capabilities: [{ id: 'ai', name: 'AI' }, { id: 'data', name: 'Data' }, { id: 'sap', name: 'SAP' }],
  partners: [
    partner('pa', ['DE'], { ai: 4, data: 3 }),
    partner('pb', ['DE'], { ai: 3 }),
    partner('pc', ['FR'], { data: 4 }),
    partner('pd', ['DE'], { sap: 2 }),
  ],
  customers: [
    { id: 'cd', name: 'Bank DE', region: 'DE', industry: 'FSI' },
    { id: 'cf', name: 'Bank FR', region: 'FR', industry: 'FSI' },
  ],
  engagements: [
    {
      id: 'e1', name: 'Claims copilot', customer: 'cd', status: 'ACTIVE', value: 1000,
      requires: [{ capability: 'ai', level: 3 }, { capability: 'sap', level: 3 }],
      participants: [{ partner: 'pa', role: 'ORCHESTRATOR', from: '2020-01-01' }, { partner: 'pb', role: 'CONTRIBUTOR', from: '2020-01-01' }],
      contributions: [{ id: 'k1', partner: 'pa', kind: 'SOURCED', date: '2024-01-01' }, { id: 'k2', partner: 'pb', kind: 'INFLUENCED', date: '2024-02-01' }],
    },
    {
      id: 'e2', name: 'Data platform', customer: 'cf', status: 'PLANNED', value: 600,
      requires: [{ capability: 'data', level: 3 }],
      participants: [{ partner: 'pc', role: 'ORCHESTRATOR', from: '2020-01-01' }],
      contributions: [{ id: 'k3', partner: 'pc', kind: 'SOURCED', date: '2024-03-01' }],
    },
    {
      id: 'e3', name: 'Data lake', customer: 'cd', status: 'PLANNED', requires: [{ capability: 'data', level: 3 }],
      participants: [{ partner: 'pb', role: 'CONTRIBUTOR', from: '2020-01-01' }],
    },
    {
      id: 'e4', name: 'SAP move', customer: 'cf', status: 'PLANNED', requires: [{ capability: 'sap', level: 3 }],
      participants: [{ partner: 'pc', role: 'ORCHESTRATOR', from: '2020-01-01', to: '2021-01-01' }],
    },
  ],
});

const t = useTestApp(world);
const { gql } = t;

const today = new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const CELL = 'region { code } industry { code } capability { id } demand supply status partners { id }';
const HEALTH = 'partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail';
const SCENARIO = `query($input: ScenarioInput!, $coverage: CoverageInput) { scenario(input: $input, coverage: $coverage) {
  coverage { before { ${CELL} } after { ${CELL} } }
  orphanedEngagements { id } adoptedEngagements { id }
  healthBefore { ${HEALTH} } healthAfter { ${HEALTH} } } }`;

async function run(input: Record<string, unknown>, coverage?: Record<string, unknown>, token?: string) {
  const res = await gql<{ scenario: any }>(SCENARIO, { input, coverage }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.scenario;
}

const cell = (region: string, capability: string, demand: number, status: string, partners: string[]) => ({
  region: { code: region }, industry: null, capability: { id: capability }, demand, supply: partners.length, status,
  partners: partners.map((id) => ({ id })),
});

/** Values pa 500, pb 500, pc 600, pd 0: sum_i (2i - n - 1) x_(i) = 1800, Gini 1800 / (4 * 1600); top 10%: pc, 600 / 1600. */
const HEALTH_TODAY = {
  partners: 4, activePartners: 4, engagements: 4, outcomeSuccessRate: null,
  valueGini: expect.closeTo(0.28125, 10), topDecileValueShare: expect.closeTo(0.375, 10), longTail: 1,
};

describe('scenario', () => {
  it('a join turns an UNCOVERED cell SINGLE_POINT; the joining partner is named and counts as ACTIVE with no value', async () => {
    const answer = await run({ joins: [{ ...partner('nj', ['DE'], { sap: 4 }), name: 'New SAP house' }] });
    expect(answer.coverage).toEqual([{ before: cell('DE', 'sap', 1, 'UNCOVERED', []), after: cell('DE', 'sap', 1, 'SINGLE_POINT', ['nj']) }]);
    expect(answer.orphanedEngagements).toEqual([]);
    expect(answer.adoptedEngagements).toEqual([]);
    expect(answer.healthBefore).toEqual(HEALTH_TODAY);
    // Values 0, 0, 500, 500, 600: sum_i (2i - n - 1) x_(i) = 0 + 0 + 0 + 1000 + 2400 = 3400; Gini 3400 / (5 * 1600).
    expect(answer.healthAfter).toEqual({
      partners: 5, activePartners: 5, engagements: 4, outcomeSuccessRate: null,
      valueGini: expect.closeTo(0.425, 10), topDecileValueShare: expect.closeTo(0.375, 10), longTail: 2, // pd and nj
    });
    const named = await gql<any>(`query($input: ScenarioInput!) { scenario(input: $input) { coverage { after { partners { id name status regions { code } capabilities { capability { id } level } } } } } }`,
      { input: { joins: [{ ...partner('nj', ['DE'], { sap: 4 }), name: 'New SAP house' }] } });
    expect(named.data.scenario.coverage[0].after.partners).toEqual([
      { id: 'nj', name: 'New SAP house', status: 'ACTIVE', regions: [{ code: 'DE' }], capabilities: [{ capability: { id: 'sap' }, level: 4 }] },
    ]);
  });

  it('an exit and a join in the same cell: status and supply stay, the partners change, so the cell is listed; the Gini after is hand-computed', async () => {
    const answer = await run({ exits: ['pc'], joins: [partner('nj', ['FR'], { data: 3 })] });
    expect(answer.coverage).toEqual([{ before: cell('FR', 'data', 1, 'SINGLE_POINT', ['pc']), after: cell('FR', 'data', 1, 'SINGLE_POINT', ['nj']) }]);
    expect(answer.orphanedEngagements).toEqual([{ id: 'e2' }]);
    expect(answer.healthBefore).toEqual(HEALTH_TODAY);
    // pc INACTIVE: ACTIVE values 0 (pd), 0 (nj), 500, 500: sum (2i - n - 1) x_(i) = 500 + 1500 = 2000, Gini 2000 / (4 * 1000);
    // the top 10% (one partner) hold 500 of all 1600 (pc's 600 keeps its value, outside the ACTIVE partners).
    expect(answer.healthAfter).toEqual({
      partners: 5, activePartners: 4, engagements: 4, outcomeSuccessRate: null,
      valueGini: expect.closeTo(0.5, 10), topDecileValueShare: expect.closeTo(0.3125, 10), longTail: 2,
    });
  });

  it('changes that cancel out list no cell: pd supplies nothing at minLevel 3, and nj supplies a cell without demand', async () => {
    const answer = await run({ exits: ['pd'], joins: [partner('nj', ['FR'], { ai: 5 })] });
    expect(answer.coverage).toEqual([]);
    expect(answer.orphanedEngagements).toEqual([]);
    // The same exit and join at minLevel 2: pd's sap 2 counted, (DE, sap) loses its only supplier.
    const low = await run({ exits: ['pd'], joins: [partner('nj', ['FR'], { ai: 5 })] }, { minLevel: 2 });
    expect(low.coverage).toEqual([{ before: cell('DE', 'sap', 1, 'SINGLE_POINT', ['pd']), after: cell('DE', 'sap', 1, 'UNCOVERED', []) }]);
  });

  it('an exit orphans what the partner orchestrates today, and thins its cells', async () => {
    const answer = await run({ exits: ['pa'] });
    expect(answer.orphanedEngagements).toEqual([{ id: 'e1' }]);
    expect(answer.adoptedEngagements).toEqual([]);
    expect(answer.coverage).toEqual([
      { before: cell('DE', 'ai', 1, 'COVERED', ['pa', 'pb']), after: cell('DE', 'ai', 1, 'SINGLE_POINT', ['pb']) },
      { before: cell('DE', 'data', 1, 'SINGLE_POINT', ['pa']), after: cell('DE', 'data', 1, 'UNCOVERED', []) },
    ]);
    // Without includeCovered the same changes are listed: each one has a side that is not COVERED.
    expect((await run({ exits: ['pa'] }, { includeCovered: false })).coverage).toHaveLength(2);
  });

  it('handovers: exiting the orchestrator and handing over keeps the engagement; an orphaned one is adopted, also by a joining partner', async () => {
    const answer = await run({
      exits: ['pc'],
      joins: [partner('nj', ['DE'], {})],
      handovers: [
        { engagementId: 'e2', partnerId: 'pa', from: today }, // pc leaves, pa takes over the same day: not orphaned
        { engagementId: 'e4', partnerId: 'pa', from: today }, // no orchestrator since 2021: adopted
        { engagementId: 'e3', partnerId: 'nj', from: today }, // never had one: adopted by a joining partner
      ],
    });
    expect(answer.orphanedEngagements).toEqual([]);
    expect(answer.adoptedEngagements).toEqual([{ id: 'e3' }, { id: 'e4' }]);
    // A handover in the future leaves a gap from today: the engagement is orphaned today.
    const later = await run({ exits: ['pa'], handovers: [{ engagementId: 'e1', partnerId: 'pb', from: daysFromToday(30) }] });
    expect(later.orphanedEngagements).toEqual([{ id: 'e1' }]);
    // Handing over without an exit: pa hands e1 to pb today, e1 still has an orchestrator.
    const plain = await run({ handovers: [{ engagementId: 'e1', partnerId: 'pb', from: today }] });
    expect([plain.orphanedEngagements, plain.adoptedEngagements, plain.coverage]).toEqual([[], [], []]);
  });

  it('every problem of the input at once, with its path', async () => {
    const res = await gql(SCENARIO, {
      input: {
        exits: ['pb', 'ghost'],
        joins: [
          { ...partner('nx', ['ZZ'], { ai: 4, sap: 7 }), status: 'INACTIVE' },
          partner('pa', ['DE'], { ai: 3 }),
        ],
        handovers: [
          { engagementId: 'nope', partnerId: 'pa', from: today },
          { engagementId: 'e1', partnerId: 'nobody', from: today },
          { engagementId: 'e2', partnerId: 'pa', from: '2019-06-01' },
          { engagementId: 'e3', partnerId: 'pb', from: today },
        ],
      },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    // In input order: exits, joins, handovers, each by index.
    expect(res.errors![0]!.extensions.problems!.map((p) => p.path)).toEqual([
      'exits[1]', // unknown partner
      'joins[0].capabilities[1].level', // 7
      'joins[0].regions[0]', // unknown region
      'joins[0].status', // a joining partner is ACTIVE
      'joins[1].id', // already stored
      'handovers[0].engagementId', // unknown engagement
      'handovers[1].partnerId', // unknown partner
      'handovers[2].from', // before pc's open interval starts (2020-01-01)
      'handovers[3].partnerId', // pb leaves in this scenario
    ]);
    const bad = await gql(SCENARIO, { input: {}, coverage: { minLevel: 9 } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions.problems).toEqual([{ path: 'coverage.minLevel', message: expect.any(String) }]);
  });

  it('nothing is written: the same graph, graph version and audit log afterwards', async () => {
    const audit = async () => (await t.graph.read<{ n: number }>('MATCH (a:AuditEntry) RETURN count(a) AS n'))[0]!.n;
    const [version, entries, state] = [await graphVersion(t.graph), await audit(), await snapshot(t.graph)];
    await run({
      exits: ['pa', 'pc'], joins: [partner('nj', ['DE', 'FR'], { sap: 5, data: 4 })],
      handovers: [{ engagementId: 'e1', partnerId: 'nj', from: today }, { engagementId: 'e4', partnerId: 'pb', from: daysFromToday(10) }],
    });
    expect([await graphVersion(t.graph), await audit(), await snapshot(t.graph)]).toEqual([version, entries, state]);
    expect((await gql<any>('{ partner(id: "nj") { id } }')).data.partner).toBeNull();
  });

  it('ADMIN and ANALYST only: a PARTNER token is FORBIDDEN', async () => {
    const analyst = (await createToken(t.graph, 'ANALYST', null, null)).secret;
    expect((await run({ exits: ['pa'] }, undefined, analyst)).orphanedEngagements).toEqual([{ id: 'e1' }]);
    const pa = (await createToken(t.graph, 'PARTNER', 'pa', null)).secret;
    expect(codes(await gql(SCENARIO, { input: { exits: ['pb'] } }, pa))).toEqual(['FORBIDDEN']);
  });
});
