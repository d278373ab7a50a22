/**
 * Gaps and credit over HTTP, with answers worked out by hand from the contract's
 * definitions, on three small worlds built for them (each test group imports its own).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../graph/access/index.ts';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput, EngagementInput, PartnerInput } from '../../graph/model/index.ts';
import { codes, useTestApp } from '../../tests/support/api.ts';
import { wipe } from '../../tests/support/graph.ts';

const t = useTestApp();
const { gql } = t;

async function load(world: EcosystemInput): Promise<void> {
  await wipe(t.graph);
  await importEcosystem(t.graph, world, 120_000); // setup, not under test: no 10 s budget on a busy machine
}

async function data<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const res = await gql<T>(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const base = {
  regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }],
  industries: [{ code: 'FSI', name: 'Financial services' }, { code: 'MFG', name: 'Manufacturing' }],
  capabilities: [{ id: 'ai', name: 'AI' }, { id: 'data', name: 'Data' }, { id: 'sap', name: 'SAP' }],
  customers: [
    { id: 'cd1', name: 'Bank DE', region: 'DE', industry: 'FSI' },
    { id: 'cd2', name: 'Plant DE', region: 'DE', industry: 'MFG' },
    { id: 'cf1', name: 'Bank FR', region: 'FR', industry: 'FSI' },
  ],
};

const partner = (id: string, regions: string[], industries: string[], holds: Record<string, number>, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): PartnerInput => ({
  id, name: `Partner ${id}`, type: 'SYSTEM_INTEGRATOR', status, regions, industries,
  capabilities: Object.entries(holds).map(([capability, level]) => ({ capability, level })),
});

const engagement = (id: string, customer: string, status: EngagementInput['status'], requires: Record<string, number>, orchestrator: string, extra: Partial<EngagementInput> = {}): EngagementInput => ({
  id, name: `Engagement ${id}`, customer, status,
  requires: Object.entries(requires).map(([capability, level]) => ({ capability, level })),
  participants: [{ partner: orchestrator, role: 'ORCHESTRATOR', from: '2026-01-01' }],
  ...extra,
});

describe('coverageGaps and exitImpact', () => {
  /**
   * Supply at minLevel 3 (q4 is INACTIVE, q6 holds data only at 2):
   *   (DE, ai) demand g1, g2; supply q1, q2      → COVERED (THIN when thinRatio < 1)
   *   (DE, sap) demand g1; supply q2              → SINGLE_POINT (q4 would be a second)
   *   (DE, data) demand g3; supply q1, q3         → COVERED
   *   (FR, data) demand g5; supply q3             → SINGLE_POINT
   *   (FR, sap) demand g7; supply none            → UNCOVERED
   * g4 is COMPLETED: no demand.
   */
  const world: EcosystemInput = {
    ...base,
    partners: [
      partner('q1', ['DE'], ['FSI', 'MFG'], { ai: 5, data: 3 }),
      partner('q2', ['DE'], ['FSI'], { ai: 3, sap: 4 }),
      partner('q3', ['DE', 'FR'], ['MFG'], { data: 4, ai: 2 }),
      partner('q4', ['DE'], ['FSI'], { sap: 5 }, 'INACTIVE'),
      partner('q5', ['FR'], ['FSI'], { ai: 4 }),
      partner('q6', ['DE'], ['FSI'], { data: 2 }),
    ],
    engagements: [
      engagement('g1', 'cd1', 'ACTIVE', { ai: 3, sap: 3 }, 'q1'),
      engagement('g2', 'cd1', 'PLANNED', { ai: 3 }, 'q2', {
        commitments: [
          { id: 'mq2a', owner: 'q2', description: 'pending', status: 'PENDING' },
          { id: 'mq2b', owner: 'q2', description: 'done', status: 'DELIVERED' },
        ],
      }),
      engagement('g3', 'cd2', 'ACTIVE', { data: 3 }, 'q3', {
        commitments: [{ id: 'mq3a', owner: 'q3', description: 'in progress', status: 'IN_PROGRESS' }],
      }),
      engagement('g4', 'cd1', 'COMPLETED', { ai: 3 }, 'q1', { participants: [{ partner: 'q1', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-12-31' }] }),
      engagement('g5', 'cf1', 'ACTIVE', { data: 3 }, 'q5'),
      engagement('g7', 'cf1', 'PLANNED', { sap: 2 }, 'q5'),
    ],
  };
  const COVERAGE = `query($input: CoverageInput) { coverageGaps(input: $input) {
    region { code } industry { code } capability { id } demand supply status partners { id } } }`;
  const cells = async (input?: Record<string, unknown>) => (await data(COVERAGE, { input })).coverageGaps
    .map((c: any) => [c.region.code, c.industry?.code ?? null, c.capability.id, c.demand, c.supply, c.status, c.partners.map((p: any) => p.id)]);

  beforeAll(async () => load(world));

  it('every status, ordered by status, then demand, region, capability; inactive partners never count', async () => {
    expect(await cells()).toEqual([
      ['FR', null, 'sap', 1, 0, 'UNCOVERED', []],
      ['DE', null, 'sap', 1, 1, 'SINGLE_POINT', ['q2']],
      ['FR', null, 'data', 1, 1, 'SINGLE_POINT', ['q3']],
      ['DE', null, 'ai', 2, 2, 'COVERED', ['q1', 'q2']],
      ['DE', null, 'data', 1, 2, 'COVERED', ['q1', 'q3']],
    ]);
  });

  it('thinRatio, minLevel and includeCovered', async () => {
    expect(await cells({ thinRatio: 0.5, includeCovered: false })).toEqual([
      ['FR', null, 'sap', 1, 0, 'UNCOVERED', []],
      ['DE', null, 'sap', 1, 1, 'SINGLE_POINT', ['q2']],
      ['FR', null, 'data', 1, 1, 'SINGLE_POINT', ['q3']],
      ['DE', null, 'ai', 2, 2, 'THIN', ['q1', 'q2']], // 2 / 2 > 0.5; (DE, data) 1 / 2 is not
    ]);
    const low = await cells({ minLevel: 2 });
    expect(low.find((c: any[]) => c[0] === 'DE' && c[2] === 'data')).toEqual(['DE', null, 'data', 1, 3, 'COVERED', ['q1', 'q3', 'q6']]);
    expect(low.find((c: any[]) => c[0] === 'DE' && c[2] === 'ai')).toEqual(['DE', null, 'ai', 2, 3, 'COVERED', ['q1', 'q2', 'q3']]);
  });

  it('by industry: supply must serve the customer industry too', async () => {
    expect(await cells({ byIndustry: true })).toEqual([
      ['FR', 'FSI', 'data', 1, 0, 'UNCOVERED', []], // q3 serves MFG only
      ['FR', 'FSI', 'sap', 1, 0, 'UNCOVERED', []],
      ['DE', 'FSI', 'sap', 1, 1, 'SINGLE_POINT', ['q2']],
      ['DE', 'FSI', 'ai', 2, 2, 'COVERED', ['q1', 'q2']],
      ['DE', 'MFG', 'data', 1, 2, 'COVERED', ['q1', 'q3']],
    ]);
  });

  it('region and capability filters', async () => {
    expect((await cells({ regions: ['FR'] })).map((c: any[]) => c.slice(0, 3))).toEqual([['FR', null, 'sap'], ['FR', null, 'data']]);
    expect((await cells({ capabilities: ['data'] })).map((c: any[]) => c.slice(0, 3))).toEqual([['FR', null, 'data'], ['DE', null, 'data']]);
  });

  it('a bad minLevel is BAD_USER_INPUT', async () => {
    expect(codes(await gql(COVERAGE, { input: { minLevel: 9 } }))).toEqual(['BAD_USER_INPUT']);
  });

  const EXIT = `query($ids: [ID!]!) { exitImpact(partnerIds: $ids) { partners { id } orphanedEngagements { id } atRiskCommitments { id }
    newlyUncovered { region { code } capability { id } supply status partners { id } }
    newlySinglePoint { region { code } capability { id } supply status partners { id } } } }`;

  it('exit impact: orphaned engagements, commitments at risk, cells uncovered and thinned', async () => {
    expect((await data(EXIT, { ids: ['q2'] })).exitImpact).toEqual({
      partners: [{ id: 'q2' }],
      orphanedEngagements: [{ id: 'g2' }],
      atRiskCommitments: [{ id: 'mq2a' }],
      newlyUncovered: [{ region: { code: 'DE' }, capability: { id: 'sap' }, supply: 0, status: 'UNCOVERED', partners: [] }],
      newlySinglePoint: [{ region: { code: 'DE' }, capability: { id: 'ai' }, supply: 1, status: 'SINGLE_POINT', partners: [{ id: 'q1' }] }],
    });
    expect((await data(EXIT, { ids: ['q3', 'q1'] })).exitImpact).toEqual({
      partners: [{ id: 'q1' }, { id: 'q3' }],
      orphanedEngagements: [{ id: 'g1' }, { id: 'g3' }],
      atRiskCommitments: [{ id: 'mq3a' }],
      newlyUncovered: [
        { region: { code: 'DE' }, capability: { id: 'data' }, supply: 0, status: 'UNCOVERED', partners: [] },
        { region: { code: 'FR' }, capability: { id: 'data' }, supply: 0, status: 'UNCOVERED', partners: [] },
      ],
      newlySinglePoint: [{ region: { code: 'DE' }, capability: { id: 'ai' }, supply: 1, status: 'SINGLE_POINT', partners: [{ id: 'q2' }] }],
    });
  });

  it('exit impact: unknown partners are BAD_USER_INPUT; PARTNER tokens are FORBIDDEN', async () => {
    const res = await gql(EXIT, { ids: ['q1', 'nobody'] });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions.problems).toEqual([{ path: 'partnerIds[1]', message: expect.any(String) }]);
    const q1 = (await createToken(t.graph, 'PARTNER', 'q1', null)).secret;
    expect(codes(await gql(EXIT, { ids: ['q2'] }, q1))).toEqual(['FORBIDDEN']);
    expect((await data(COVERAGE, {}, q1)).coverageGaps).toHaveLength(5); // coverage is for everyone
  });
});

describe('engagementGaps', () => {
  /**
   * x1 (ACTIVE, FR customer) requires data 3 and ai 3; only z5 (ai 4) participates today.
   * Candidates for data (ACTIVE, in FR, data >= 3, not participating today):
   *   z9 level 5; then level 4: z7 shares x8 and x9 with the orchestrator z5, z8 shares x8
   *   (success 1/1), z10 shares x9 (success 0/1), z11 and z3 share nothing (by id: "z11" < "z3").
   *   z12 is INACTIVE, z13 operates in DE only, z14 holds data at 2.
   */
  const frData = (id: string, level: number, extra: Partial<PartnerInput> = {}) => ({ ...partner(id, ['FR'], ['FSI'], { data: level }), ...extra });
  const world: EcosystemInput = {
    ...base,
    partners: [
      partner('z5', ['FR'], ['FSI'], { ai: 4 }),
      frData('z3', 4), frData('z7', 4), frData('z8', 4), frData('z9', 5), frData('z10', 4), frData('z11', 4),
      frData('z12', 5, { status: 'INACTIVE' }), partner('z13', ['DE'], ['FSI'], { data: 5 }), frData('z14', 2),
    ],
    engagements: [
      engagement('x1', 'cf1', 'ACTIVE', { data: 3, ai: 3 }, 'z5', {
        participants: [
          { partner: 'z5', role: 'ORCHESTRATOR', from: '2026-01-01' },
          { partner: 'z9', role: 'CONTRIBUTOR', from: '2025-01-01', to: '2025-06-01' }, // no longer participates
        ],
      }),
      engagement('x8', 'cf1', 'COMPLETED', {}, 'z5', {
        participants: [
          { partner: 'z5', role: 'ORCHESTRATOR', from: '2024-01-01', to: '2024-12-31' },
          { partner: 'z7', role: 'CONTRIBUTOR', from: '2024-01-01', to: '2024-12-31' },
          { partner: 'z8', role: 'CONTRIBUTOR', from: '2024-01-01', to: '2024-12-31' },
        ],
        outcomes: [{ id: 'ox8', description: 'met', status: 'MET', dueDate: '2024-12-01' }],
      }),
      engagement('x9', 'cf1', 'COMPLETED', {}, 'z7', {
        participants: [
          { partner: 'z7', role: 'ORCHESTRATOR', from: '2023-01-01', to: '2023-12-31' },
          { partner: 'z5', role: 'CONTRIBUTOR', from: '2023-01-01', to: '2023-12-31' },
          { partner: 'z10', role: 'CONTRIBUTOR', from: '2023-01-01', to: '2023-12-31' },
        ],
        outcomes: [{ id: 'ox9', description: 'missed', status: 'MISSED', dueDate: '2023-12-01' }],
      }),
      engagement('x2', 'cf1', 'PLANNED', { data: 3 }, 'z5', {
        participants: [{ partner: 'z5', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-06-01' }],
      }),
    ],
  };
  const GAPS = `query($id: ID!, $n: Int) { engagementGaps(engagementId: $id) { engagement { id } orchestrationGap
    missing { capability { id } level candidates(first: $n) { id } } } }`;

  beforeAll(async () => load(world));

  it('ranks candidates by level, co-delivery with the orchestrator, success rate, then id', async () => {
    expect((await data(GAPS, { id: 'x1', n: 10 })).engagementGaps).toEqual({
      engagement: { id: 'x1' },
      orchestrationGap: false,
      missing: [{ capability: { id: 'data' }, level: 3, candidates: ['z9', 'z7', 'z8', 'z10', 'z11', 'z3'].map((id) => ({ id })) }],
    });
    const firstFive = (await data(GAPS, { id: 'x1' })).engagementGaps.missing[0].candidates.map((p: any) => p.id);
    expect(firstFive).toEqual(['z9', 'z7', 'z8', 'z10', 'z11']); // first defaults to 5
  });

  it('a PLANNED engagement without an orchestrator today has an orchestration gap; nobody participates, so every requirement is missing', async () => {
    const report = (await data(GAPS, { id: 'x2', n: 2 })).engagementGaps;
    expect(report.orchestrationGap).toBe(true);
    // Without an orchestrator there is no co-delivery to count: success rate decides (z8: 1, z7: 1/2), then id.
    expect(report.missing).toEqual([{ capability: { id: 'data' }, level: 3, candidates: [{ id: 'z9' }, { id: 'z8' }] }]);
  });

  it('out of scope is NOT_FOUND, like a missing engagement', async () => {
    const z13 = (await createToken(t.graph, 'PARTNER', 'z13', null)).secret;
    expect(codes(await gql(GAPS, { id: 'x1' }, z13))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(GAPS, { id: 'nope' }))).toEqual(['NOT_FOUND']);
  });
});

describe('attribution and ecosystemHealth', () => {
  /**
   * h1 (value 1000): touches in order k1 pa 01-01, k2 pb 01-11, k3 pa 01-11 (same day: by id), k4 pc 01-21.
   * h2 (no value): k5 pa, k6 pb.  h3 (value 500): no touches.  h4 (value 300): k7 pd (INACTIVE).
   */
  const touch = (id: string, p: string, date: string) => ({ id, partner: p, kind: 'DELIVERY' as const, date });
  const world: EcosystemInput = {
    ...base,
    partners: [
      partner('pa', ['DE'], ['FSI'], {}), partner('pb', ['DE'], ['FSI'], {}), partner('pc', ['DE'], ['FSI'], {}),
      partner('pd', ['DE'], ['FSI'], {}, 'INACTIVE'), partner('pe', ['DE'], ['FSI'], {}),
    ],
    engagements: [
      engagement('h1', 'cd1', 'ACTIVE', {}, 'pa', {
        value: 1000,
        participants: [
          { partner: 'pa', role: 'ORCHESTRATOR', from: '2026-01-01' },
          { partner: 'pb', role: 'CONTRIBUTOR', from: '2026-01-01' },
          { partner: 'pc', role: 'CONTRIBUTOR', from: '2026-01-01' },
        ],
        contributions: [touch('k4', 'pc', '2026-01-21'), touch('k3', 'pa', '2026-01-11'), touch('k2', 'pb', '2026-01-11'), touch('k1', 'pa', '2026-01-01')],
        outcomes: [
          { id: 'oh1', description: 'a', status: 'MET', dueDate: '2026-03-01' },
          { id: 'oh2', description: 'b', status: 'MISSED', dueDate: '2026-03-01' },
        ],
      }),
      engagement('h2', 'cd1', 'COMPLETED', {}, 'pa', { contributions: [touch('k5', 'pa', '2025-01-01'), touch('k6', 'pb', '2025-02-01')] }),
      engagement('h3', 'cd1', 'COMPLETED', {}, 'pa', { value: 500 }),
      engagement('h4', 'cd1', 'COMPLETED', {}, 'pd', {
        value: 300,
        contributions: [touch('k7', 'pd', '2025-03-01')],
        outcomes: [
          { id: 'oh3', description: 'c', status: 'PARTIALLY_MET', dueDate: '2025-06-01' },
          { id: 'oh4', description: 'd', status: 'PENDING', dueDate: '2027-01-01' },
        ],
      }),
    ],
  };
  const ATTRIBUTION = `query($id: ID!, $model: AttributionModel!, $h: Float) {
    attribution(engagementId: $id, model: $model, halfLifeDays: $h) { partner { id } share amount } }`;
  const shares = async (id: string, model: string, h?: number) =>
    (await data(ATTRIBUTION, { id, model, h })).attribution.map((s: any) => [s.partner.id, s.share, s.amount]);
  const close = (actual: any[][], expected: any[][]) => {
    expect(actual.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    actual.forEach((r, i) => {
      expect(r[1]).toBeCloseTo(expected[i]![1], 10);
      if (expected[i]![2] === null) expect(r[2]).toBeNull();
      else expect(r[2]).toBeCloseTo(expected[i]![2], 6);
    });
  };

  beforeAll(async () => load(world));

  it('the five models on a deal with several touches by one partner and two on the same day', async () => {
    close(await shares('h1', 'FIRST_TOUCH'), [['pa', 1, 1000]]);
    close(await shares('h1', 'LAST_TOUCH'), [['pc', 1, 1000]]);
    close(await shares('h1', 'LINEAR'), [['pa', 0.5, 500], ['pb', 0.25, 250], ['pc', 0.25, 250]]);
    // 0.4 first (pa), 0.4 last (pc), 0.2 / 2 to each of k2 (pb) and k3 (pa)
    close(await shares('h1', 'POSITION_BASED'), [['pa', 0.5, 500], ['pc', 0.4, 400], ['pb', 0.1, 100]]);
    // weights 2^(-20/7), 2^(-10/7), 2^(-10/7), 1, normalised
    close(await shares('h1', 'TIME_DECAY'), [['pc', 0.5316297551918135, 531.6297551918135], ['pa', 0.27087054977060937, 270.87054977060937], ['pb', 0.1974996950375772, 197.4996950375772]]);
    // half-life 10: weights 1/4, 1/2, 1/2, 1 over 9/4
    close(await shares('h1', 'TIME_DECAY', 10), [['pc', 4 / 9, 4000 / 9], ['pa', 1 / 3, 1000 / 3], ['pb', 2 / 9, 2000 / 9]]);
  });

  it('an engagement without a value has shares but no amounts; one without touches has no shares', async () => {
    close(await shares('h2', 'LINEAR'), [['pa', 0.5, null], ['pb', 0.5, null]]);
    close(await shares('h2', 'POSITION_BASED'), [['pa', 0.5, null], ['pb', 0.5, null]]);
    expect(await shares('h3', 'TIME_DECAY')).toEqual([]);
    close(await shares('h4', 'POSITION_BASED'), [['pd', 1, 300]]);
  });

  it('LINEAR is the default model; a bad half-life is BAD_USER_INPUT; an unknown engagement NOT_FOUND', async () => {
    const byDefault = (await data('{ attribution(engagementId: "h1") { partner { id } share } }')).attribution;
    expect(byDefault.map((s: any) => s.partner.id)).toEqual(['pa', 'pb', 'pc']);
    expect(codes(await gql(ATTRIBUTION, { id: 'h1', model: 'TIME_DECAY', h: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(ATTRIBUTION, { id: 'nope', model: 'LINEAR' }))).toEqual(['NOT_FOUND']);
  });

  it('ecosystem health: Gini and top decile over ACTIVE partners, success rate, long tail', async () => {
    const { ecosystemHealth } = await data('{ ecosystemHealth { partners activePartners engagements outcomeSuccessRate valueGini topDecileValueShare longTail } }');
    // ACTIVE values: pa 500, pb 250, pc 250, pe 0 (pd's 300 is INACTIVE): Gini 3000 / (2 * 16 * 250)
    expect(ecosystemHealth).toEqual({
      partners: 5, activePartners: 4, engagements: 4,
      outcomeSuccessRate: expect.closeTo(1 / 3, 10),
      valueGini: expect.closeTo(0.375, 10),
      topDecileValueShare: expect.closeTo(500 / 1300, 10), // one partner; all attributed value is 1000 + 300
      longTail: 1, // pe
    });
    const pa = (await createToken(t.graph, 'PARTNER', 'pa', null)).secret;
    expect(codes(await gql('{ ecosystemHealth { partners } }', undefined, pa))).toEqual(['FORBIDDEN']);
  });
});
