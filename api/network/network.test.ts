/**
 * `network` over HTTP against the real database.
 *
 * Zachary's karate club, 78 ties loaded as 78 two-partner engagements, checked against
 * NetworkX's published betweenness and PageRank; then a small world with every answer
 * worked out by hand from the contract's rules:
 *
 *   partners  pa SYSTEM_INTEGRATOR DE/FSI   pb ISV DE,FR/FSI,MFG   pc MSP FR/MFG
 *             pd ISV DE/MFG                 pe RESELLER FR/FSI (never participates)
 *   customers c1 Bank DE/FSI   c2 Works FR/MFG   c3 Insurer FR/FSI
 *
 *   e1 c1 2024-01-01..2024-06-30   pa ORCHESTRATOR, pb CONTRIBUTOR
 *   e2 c1 2025-03-01..(open)       pa ORCHESTRATOR, pb, pd CONTRIBUTOR
 *   e3 c2 2025-01-01..(open)       pb ORCHESTRATOR until 2025-06-01, then pc ORCHESTRATOR
 *                                  and pb CONTRIBUTOR (pb held both roles)
 *   e4 c3 no dates at all          pc ORCHESTRATOR, pd CONTRIBUTOR
 *   e5 c1 2023-01-01..2023-03-31   pa ORCHESTRATOR, pb CONTRIBUTOR
 *   e6 c2 (no start)..2022-06-30   pd ORCHESTRATOR alone
 *
 *   unfiltered CO_DELIVERS: pa-pb 3 (e1, e2, e5), pa-pd 1, pb-pd 1, pb-pc 1, pc-pd 1 (e4)
 */
import { UndirectedGraph } from 'graphology';
import { modularity } from 'graphology-metrics/graph/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../../graph/import/index.ts';
import type { EcosystemInput, EngagementInput } from '../../graph/model/index.ts';
import { networkComputations } from '../../graph/network/index.ts';
import { setOutcomeStatus } from '../../graph/engagements/index.ts';
import { ADMIN, codes, useTestApp } from '../../tests/support/api.ts';
import { wipe } from '../../tests/support/graph.ts';
import { KARATE_BETWEENNESS, KARATE_MEMBERS, KARATE_PAGERANK, KARATE_TIES, memberId } from '../../tests/support/karate.ts';
import { makeTokens, type TestTokens } from '../../tests/support/tokens.ts';

interface Node { id: string; kind: string; label: string; partnerType: string | null; degree: number; betweenness: number; pagerank: number; community: number }
interface Edge { source: string; target: string; kind: string; weight: number }
interface Net { nodes: Node[]; edges: Edge[]; truncated: boolean; stale?: boolean; computedAt?: string }

const NETWORK = `query($filter: NetworkFilter, $limit: Int) { network(filter: $filter, limit: $limit) {
  truncated
  nodes { id kind label partnerType degree betweenness pagerank community }
  edges { source target kind weight } } }`;
const WITH_STATE = NETWORK.replace('truncated', 'truncated stale computedAt');

const t = useTestApp();
const { gql } = t;

/** One answer, stale or not, with `stale` and `computedAt`. */
async function answer(filter?: Record<string, unknown>, limit?: number, token?: string): Promise<Net> {
  const res = await gql<{ network: Net }>(WITH_STATE, { filter, limit }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.network;
}

/**
 * The fresh network: after a write the first answers are the last computed metrics
 * (stale: true) while one recomputation runs; this asks again until it has finished.
 */
async function network(filter?: Record<string, unknown>, limit?: number, token?: string): Promise<Net> {
  for (;;) {
    const { stale, computedAt: _computedAt, ...net } = await answer(filter, limit, token);
    if (!stale) return net;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface ScaleNode extends Node { articulationPoint: boolean }
interface Scale {
  nodes: ScaleNode[];
  edges: Array<Edge & { bridge: boolean }>;
  partnerCount: number;
  stale: boolean;
  betweennessSample: number | null;
  communities: Array<{ id: number; size: number; label: string; topPartners: ScaleNode[] }>;
  communityLinks: Array<{ source: number; target: number; weight: number }>;
}

const NODE_FIELDS = 'id kind label partnerType degree betweenness pagerank community articulationPoint';
const SCALE = `query($filter: NetworkFilter, $limit: Int) { network(filter: $filter, limit: $limit) {
  partnerCount stale betweennessSample
  nodes { ${NODE_FIELDS} } edges { source target kind weight bridge }
  communities { id size label topPartners { ${NODE_FIELDS} } } communityLinks { source target weight } } }`;

/** The fresh network with the fields of the network at scale. */
async function scaleAnswer(filter: Record<string, unknown>, limit?: number): Promise<Scale> {
  await network(filter, limit);
  const res = await gql<{ network: Scale }>(SCALE, { filter, limit });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.network;
}

const edgeText = (e: Edge) => `${e.source} ${e.kind} ${e.target} ${e.weight}`;
const shape = (net: Net) => ({ nodes: net.nodes.map((n) => `${n.id} ${n.degree}`), edges: net.edges.map(edgeText), truncated: net.truncated });

describe("Zachary's karate club: 78 two-partner engagements", () => {
  let net: Net;
  beforeAll(async () => {
    await wipe(t.graph);
    await importEcosystem(t.graph, {
      regions: [{ code: 'US', name: 'United States' }],
      industries: [{ code: 'EDU', name: 'Education' }],
      partners: Array.from({ length: KARATE_MEMBERS }, (_, n) => ({ id: memberId(n), name: `Member ${n}`, type: 'BOUTIQUE_CONSULTANCY' as const })),
      customers: [{ id: 'dojo', name: 'Karate club', region: 'US', industry: 'EDU' }],
      engagements: KARATE_TIES.map(([a, b], i) => ({
        id: `tie${String(i).padStart(2, '0')}`, name: `Tie ${a}-${b}`, customer: 'dojo', status: 'COMPLETED' as const,
        startDate: '1970-01-01', endDate: '1972-01-01',
        participants: [
          { partner: memberId(a), role: 'ORCHESTRATOR' as const, from: '1970-01-01', to: '1972-01-01' },
          { partner: memberId(b), role: 'CONTRIBUTOR' as const, from: '1970-01-01', to: '1972-01-01' },
        ],
      })),
    }, 120_000);
    net = await network();
  });

  it('34 partner nodes by id and the 78 ties as CO_DELIVERS edges of weight 1', () => {
    expect(net.nodes.map((n) => n.id)).toEqual(Array.from({ length: KARATE_MEMBERS }, (_, n) => memberId(n)));
    expect(net.nodes.every((n) => n.kind === 'PARTNER' && n.partnerType === 'BOUTIQUE_CONSULTANCY')).toBe(true);
    expect(net.nodes[33]!.label).toBe('Member 33');
    expect(net.edges.map(edgeText)).toEqual(KARATE_TIES.map(([a, b]) => `${memberId(a)} CO_DELIVERS ${memberId(b)} 1`));
    expect(net.truncated).toBe(false);
    // Members 33 and 0 have the most ties: 17 and 16.
    expect([net.nodes[33]!.degree, net.nodes[0]!.degree]).toEqual([17, 16]);
  });

  it("betweenness of the five most central members is NetworkX's (normalized), to 1e-4", () => {
    const top = [...net.nodes].sort((x, y) => y.betweenness - x.betweenness).slice(0, 5);
    expect(top.map((n) => n.id)).toEqual(KARATE_BETWEENNESS.map(([n]) => memberId(n)));
    for (const [n, value] of KARATE_BETWEENNESS) expect(Math.abs(net.nodes[n]!.betweenness - value), `member ${n}`).toBeLessThan(1e-4);
  });

  it("PageRank (alpha 0.85) of the five highest-ranked members is NetworkX's, to 1e-4", () => {
    const top = [...net.nodes].sort((x, y) => y.pagerank - x.pagerank).slice(0, 5);
    expect(top.map((n) => n.id)).toEqual(KARATE_PAGERANK.map(([n]) => memberId(n)));
    for (const [n, value] of KARATE_PAGERANK) expect(Math.abs(net.nodes[n]!.pagerank - value), `member ${n}`).toBeLessThan(1e-4);
  });

  it('Louvain: a partition of modularity 0.37-0.43, numbered 0..k-1 by smallest member, the same on every computation', async () => {
    const graph = new UndirectedGraph();
    for (const n of net.nodes) graph.addNode(n.id, { community: n.community });
    for (const e of net.edges) graph.addUndirectedEdge(e.source, e.target, { weight: e.weight });
    const q = modularity(graph, { getNodeCommunity: 'community' });
    expect(q).toBeGreaterThan(0.37);
    expect(q).toBeLessThan(0.43);
    // In id order, each community first appears right after the ones before it: 0, then 1, ...
    const firstSeen = [...new Set(net.nodes.map((n) => n.community))];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i));
    expect(firstSeen.length).toBeGreaterThanOrEqual(2);
    // A different limit is another computation of the same data: the same communities.
    const again = await network({}, 100);
    expect(again.nodes.map((n) => n.community)).toEqual(net.nodes.map((n) => n.community));
  });

  it('member 0 is the only articulation point and (0, 11) the only bridge; betweenness is exact; every community is labelled and linked', async () => {
    const scale = await scaleAnswer({});
    expect(scale.nodes.filter((n) => n.articulationPoint).map((n) => n.id)).toEqual([memberId(0)]);
    expect(scale.edges.filter((e) => e.bridge).map((e) => [e.source, e.target])).toEqual([[memberId(0), memberId(11)]]);
    expect([scale.partnerCount, scale.betweennessSample, scale.stale]).toEqual([34, null, false]);
    // Karate members hold no region or capability: a label is the name of the member of highest pagerank.
    for (const community of scale.communities) {
      const members = scale.nodes.filter((n) => n.community === community.id)
        .sort((a, b) => b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1));
      expect(community.size).toBe(members.length);
      expect(community.topPartners.map((p) => p.id)).toEqual(members.slice(0, 5).map((m) => m.id));
      expect(community.label).toBe(members[0]!.label);
    }
    const between = new Map<string, number>();
    const community = new Map(scale.nodes.map((n) => [n.id, n.community]));
    for (const e of scale.edges) {
      const [a, b] = [community.get(e.source)!, community.get(e.target)!].sort((x, y) => x - y);
      if (a !== b) between.set(`${a} ${b}`, (between.get(`${a} ${b}`) ?? 0) + e.weight);
    }
    expect(scale.communityLinks.map((l) => [`${l.source} ${l.target}`, l.weight])).toEqual([...between].sort());
  });
});

describe('single points of failure and community labels: two triangles joined by one partnership', () => {
  // q1-q2-q3 and q4-q5-q6 deliver in pairs twice each; q3 and q4 once: q3 and q4 are the
  // only articulation points, q3-q4 the only bridge, and Louvain finds the two triangles.
  // Community 0 operates in JP (q1, q2) and KR (q2, q3): JP by code; holds aws at level >= 3
  // (q2, q3; sap counts once, q2's level 2 does not); q3 ranks highest: "JP · aws · Kestrel Systems".
  // Community 1: SG (q4, q5), no capability at level >= 3, q4 ranks highest: "SG · Osprey Digital".
  const partner = (id: string, name: string, regions: string[], capabilities: Array<[string, number]>) => ({
    id, name, type: 'ISV' as const, regions, capabilities: capabilities.map(([capability, level]) => ({ capability, level })),
  });
  const pair = (id: string, a: string, b: string) => closed(id, 'k1', '2024-01-01', '2024-02-01', [[a, 'ORCHESTRATOR'], [b, 'CONTRIBUTOR']]);
  beforeAll(async () => {
    await wipe(t.graph);
    await importEcosystem(t.graph, {
      regions: ['JP', 'KR', 'SG'].map((code) => ({ code, name: code })),
      industries: [{ code: 'FSI', name: 'Financial services' }],
      capabilities: [{ id: 'aws', name: 'AWS' }, { id: 'sap', name: 'SAP' }],
      partners: [
        partner('q1', 'Heron Partners', ['JP'], [['sap', 4]]),
        partner('q2', 'Ibis Consulting', ['JP', 'KR'], [['sap', 2], ['aws', 5]]),
        partner('q3', 'Kestrel Systems', ['KR'], [['aws', 3]]),
        partner('q4', 'Osprey Digital', ['SG'], []),
        partner('q5', 'Plover Cloud', ['SG'], [['sap', 1]]),
        partner('q6', 'Rail Analytics', [], []),
      ],
      customers: [{ id: 'k1', name: 'Kumo Bank', region: 'JP', industry: 'FSI' }],
      engagements: [
        ...[['q1', 'q2'], ['q2', 'q3'], ['q1', 'q3'], ['q4', 'q5'], ['q5', 'q6'], ['q4', 'q6']]
          .flatMap(([a, b]) => [pair(`x-${a}-${b}-1`, a!, b!), pair(`x-${a}-${b}-2`, a!, b!)]),
        pair('x-q3-q4', 'q3', 'q4'),
      ],
    }, 120_000);
  });

  it('marks q3 and q4 as articulation points and q3-q4 as the bridge', async () => {
    const scale = await scaleAnswer({});
    expect(scale.nodes.filter((n) => n.articulationPoint).map((n) => n.id)).toEqual(['q3', 'q4']);
    expect(scale.edges.map((e) => `${e.source}-${e.target} ${e.weight}${e.bridge ? ' bridge' : ''}`)).toEqual([
      'q1-q2 2', 'q1-q3 2', 'q2-q3 2', 'q3-q4 1 bridge', 'q4-q5 2', 'q4-q6 2', 'q5-q6 2',
    ]);
  });

  it('labels the communities by region, capability and top partner, and links them by their one partnership', async () => {
    const scale = await scaleAnswer({});
    expect(scale.communities.map((c) => [c.id, c.size, c.label, c.topPartners[0]!.id])).toEqual([
      [0, 3, 'JP · aws · Kestrel Systems', 'q3'],
      [1, 3, 'SG · Osprey Digital', 'q4'],
    ]);
    expect(scale.communityLinks).toEqual([{ source: 0, target: 1, weight: 1 }]);
  });

  it('`communities` draws one community and its edges; limit trims it; neither changes a metric', async () => {
    const whole = await scaleAnswer({});
    const one = await scaleAnswer({ communities: [1] });
    expect([one.partnerCount, one.nodes.map((n) => n.id)]).toEqual([3, ['q4', 'q5', 'q6']]);
    expect(one.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['q4-q5', 'q4-q6', 'q5-q6']);
    expect(one.nodes).toEqual(whole.nodes.filter((n) => n.community === 1));
    expect([one.communities, one.communityLinks]).toEqual([whole.communities, whole.communityLinks]);
    const overview = await scaleAnswer({}, 0);
    expect([overview.nodes, overview.partnerCount, overview.communities]).toEqual([[], 6, whole.communities]);
  });
});

const WORLD_PARTNERS: EcosystemInput['partners'] = [
  { id: 'pa', name: 'Alpha Integrators', type: 'SYSTEM_INTEGRATOR', regions: ['DE'], industries: ['FSI'] },
  { id: 'pb', name: 'Beta Software', type: 'ISV', regions: ['DE', 'FR'], industries: ['FSI', 'MFG'] },
  { id: 'pc', name: 'Gamma Managed', type: 'MSP', regions: ['FR'], industries: ['MFG'] },
  { id: 'pd', name: 'Delta Apps', type: 'ISV', regions: ['DE'], industries: ['MFG'] },
  { id: 'pe', name: 'Epsilon Resale', type: 'RESELLER', regions: ['FR'], industries: ['FSI'] },
];

const closed = (id: string, customer: string, startDate: string | null, endDate: string, team: Array<[string, 'ORCHESTRATOR' | 'CONTRIBUTOR']>): EngagementInput => ({
  id, name: `Engagement ${id}`, customer, status: 'COMPLETED', startDate, endDate,
  participants: team.map(([partner, role]) => ({ partner, role, from: startDate ?? '2022-01-01', to: endDate })),
});

function world(): EcosystemInput {
  return {
    regions: [{ code: 'DE', name: 'Germany' }, { code: 'FR', name: 'France' }],
    industries: [{ code: 'FSI', name: 'Financial services' }, { code: 'MFG', name: 'Manufacturing' }],
    partners: WORLD_PARTNERS,
    customers: [
      { id: 'c1', name: 'Bank', region: 'DE', industry: 'FSI' },
      { id: 'c2', name: 'Works', region: 'FR', industry: 'MFG' },
      { id: 'c3', name: 'Insurer', region: 'FR', industry: 'FSI' },
    ],
    engagements: [
      {
        ...closed('e1', 'c1', '2024-01-01', '2024-06-30', [['pa', 'ORCHESTRATOR'], ['pb', 'CONTRIBUTOR']]),
        outcomes: [{ id: 'o1', description: 'Launched', status: 'PENDING', dueDate: '2024-06-30' }],
      },
      {
        id: 'e2', name: 'Engagement e2', customer: 'c1', status: 'ACTIVE', startDate: '2025-03-01',
        participants: [
          { partner: 'pa', role: 'ORCHESTRATOR', from: '2025-03-01' },
          { partner: 'pb', role: 'CONTRIBUTOR', from: '2025-03-01' },
          { partner: 'pd', role: 'CONTRIBUTOR', from: '2025-04-01' },
        ],
      },
      {
        id: 'e3', name: 'Engagement e3', customer: 'c2', status: 'ACTIVE', startDate: '2025-01-01',
        participants: [
          { partner: 'pb', role: 'ORCHESTRATOR', from: '2025-01-01', to: '2025-06-01' },
          { partner: 'pc', role: 'ORCHESTRATOR', from: '2025-06-01' },
          { partner: 'pb', role: 'CONTRIBUTOR', from: '2025-06-01' },
        ],
      },
      {
        id: 'e4', name: 'Engagement e4', customer: 'c3', status: 'PLANNED',
        participants: [{ partner: 'pc', role: 'ORCHESTRATOR', from: '2026-01-01' }, { partner: 'pd', role: 'CONTRIBUTOR', from: '2026-01-01' }],
      },
      closed('e5', 'c1', '2023-01-01', '2023-03-31', [['pa', 'ORCHESTRATOR'], ['pb', 'CONTRIBUTOR']]),
      { ...closed('e6', 'c2', null, '2022-06-30', [['pd', 'ORCHESTRATOR']]), status: 'CANCELLED' },
    ],
  };
}

describe('a hand-built world', () => {
  let tokens: TestTokens;
  beforeAll(async () => {
    await wipe(t.graph);
    await importEcosystem(t.graph, world(), 120_000);
    tokens = await makeTokens(t.graph, ['pa']);
  });

  describe('the whole network', () => {
    it('partners that took part in an engagement, with co-delivery weights; degree counts edges', async () => {
      const net = await network();
      expect(shape(net)).toEqual({
        nodes: ['pa 2', 'pb 3', 'pc 2', 'pd 3'],
        edges: ['pa CO_DELIVERS pb 3', 'pa CO_DELIVERS pd 1', 'pb CO_DELIVERS pc 1', 'pb CO_DELIVERS pd 1', 'pc CO_DELIVERS pd 1'],
        truncated: false,
      });
    });

    it('labels, types and metrics: betweenness by hand, PageRank solved exactly, two communities', async () => {
      const net = await network();
      expect(net.nodes.map((n) => [n.id, n.kind, n.label, n.partnerType])).toEqual([
        ['pa', 'PARTNER', 'Alpha Integrators', 'SYSTEM_INTEGRATOR'], ['pb', 'PARTNER', 'Beta Software', 'ISV'],
        ['pc', 'PARTNER', 'Gamma Managed', 'MSP'], ['pd', 'PARTNER', 'Delta Apps', 'ISV'],
      ]);
      // pa and pc are joined by two shortest paths, through pb and through pd: half a pair each, of 3.
      expect(net.nodes.map((n) => n.betweenness)).toEqual([0, 1 / 6, 0, 1 / 6]);
      const rank = [0.27562651, 0.34359605, 0.15880385, 0.22197360];
      net.nodes.forEach((n, i) => expect(n.pagerank, n.id).toBeCloseTo(rank[i]!, 5));
      // {pa, pb} (their weight-3 tie) and {pc, pd}: modularity 0.031, the best of this graph.
      expect(net.nodes.map((n) => n.community)).toEqual([0, 0, 1, 1]);
    });

    it('with customers: ORCHESTRATES_FOR / CONTRIBUTES_TO weighted by engagements; customers without metrics', async () => {
      const net = await network({ includeCustomers: true });
      expect(shape(net)).toEqual({
        nodes: ['c1 3', 'c2 4', 'c3 2', 'pa 3', 'pb 6', 'pc 4', 'pd 6'],
        edges: [
          'pa ORCHESTRATES_FOR c1 3', 'pa CO_DELIVERS pb 3', 'pa CO_DELIVERS pd 1',
          'pb CONTRIBUTES_TO c1 3', 'pb CONTRIBUTES_TO c2 1', 'pb ORCHESTRATES_FOR c2 1', 'pb CO_DELIVERS pc 1', 'pb CO_DELIVERS pd 1',
          'pc ORCHESTRATES_FOR c2 1', 'pc ORCHESTRATES_FOR c3 1', 'pc CO_DELIVERS pd 1',
          'pd CONTRIBUTES_TO c1 1', 'pd ORCHESTRATES_FOR c2 1', 'pd CONTRIBUTES_TO c3 1',
        ],
        truncated: false,
      });
      expect(net.nodes[0]).toEqual({ id: 'c1', kind: 'CUSTOMER', label: 'Bank', partnerType: null, degree: 3, betweenness: 0, pagerank: 0, community: -1 });
      // Partner metrics are those of the co-delivery graph alone.
      const partnersOnly = await network();
      expect(net.nodes.slice(3).map((n) => [n.betweenness, n.pagerank, n.community]))
        .toEqual(partnersOnly.nodes.map((n) => [n.betweenness, n.pagerank, n.community]));
    });
  });

  describe('filters', () => {
    it('regions: partners operating there and engagements of customers there', async () => {
      // FR partners pb, pc (pe never took part); FR engagements e3, e4, e6 (pd is not in FR).
      expect(shape(await network({ regions: ['FR'] }))).toEqual({ nodes: ['pb 1', 'pc 1'], edges: ['pb CO_DELIVERS pc 1'], truncated: false });
      expect(shape(await network({ regions: ['FR'], includeCustomers: true }))).toEqual({
        nodes: ['c2 3', 'c3 1', 'pb 3', 'pc 3'],
        edges: ['pb CONTRIBUTES_TO c2 1', 'pb ORCHESTRATES_FOR c2 1', 'pb CO_DELIVERS pc 1', 'pc ORCHESTRATES_FOR c2 1', 'pc ORCHESTRATES_FOR c3 1'],
        truncated: false,
      });
    });

    it('industries: partners serving one and engagements of customers in one', async () => {
      expect(shape(await network({ industries: ['FSI'] }))).toEqual({ nodes: ['pa 1', 'pb 1'], edges: ['pa CO_DELIVERS pb 3'], truncated: false });
    });

    it('regions and industries together: both must hold, for partners and for customers', async () => {
      // Customers in DE or FR and MFG: c2 (e3, e6). Partners in DE or FR serving MFG: pb, pc, pd.
      expect(shape(await network({ regions: ['DE', 'FR'], industries: ['MFG'] }))).toEqual({
        nodes: ['pb 1', 'pc 1', 'pd 0'], edges: ['pb CO_DELIVERS pc 1'], truncated: false,
      });
      // No customer is in DE and in MFG.
      expect(shape(await network({ regions: ['DE'], industries: ['MFG'] }))).toEqual({ nodes: [], edges: [], truncated: false });
      // An empty list is "one of none": nothing matches (as missedOutcomes' filter).
      expect(shape(await network({ regions: [] }))).toEqual({ nodes: [], edges: [], truncated: false });
    });

    it('partnerTypes: only those partners are nodes; customers of every matching engagement', async () => {
      expect(shape(await network({ partnerTypes: ['ISV'] }))).toEqual({ nodes: ['pb 1', 'pd 1'], edges: ['pb CO_DELIVERS pd 1'], truncated: false });
      expect(shape(await network({ partnerTypes: ['ISV'], includeCustomers: true }))).toEqual({
        nodes: ['c1 2', 'c2 3', 'c3 1', 'pb 4', 'pd 4'],
        edges: [
          'pb CONTRIBUTES_TO c1 3', 'pb CONTRIBUTES_TO c2 1', 'pb ORCHESTRATES_FOR c2 1', 'pb CO_DELIVERS pd 1',
          'pd CONTRIBUTES_TO c1 1', 'pd ORCHESTRATES_FOR c2 1', 'pd CONTRIBUTES_TO c3 1',
        ],
        truncated: false,
      });
    });

    it('since: engagements still running on or after it; no endDate is still running', async () => {
      // e2 and e3 (no endDate), e4 (no dates); e1 ended 2024-06-30.
      expect(shape(await network({ since: '2025-01-01' })).edges).toEqual([
        'pa CO_DELIVERS pb 1', 'pa CO_DELIVERS pd 1', 'pb CO_DELIVERS pc 1', 'pb CO_DELIVERS pd 1', 'pc CO_DELIVERS pd 1',
      ]);
    });

    it('until: engagements started on or before it; no startDate counts as open towards the past', async () => {
      // e5 (2023), e4 (no dates), e6 (no startDate, pd alone).
      expect(shape(await network({ until: '2023-12-31' }))).toEqual({
        nodes: ['pa 1', 'pb 1', 'pc 1', 'pd 1'], edges: ['pa CO_DELIVERS pb 1', 'pc CO_DELIVERS pd 1'], truncated: false,
      });
      // Before e5 started only e6 and the undated e4 match.
      expect(shape(await network({ until: '2022-12-31' }))).toEqual({ nodes: ['pc 1', 'pd 1'], edges: ['pc CO_DELIVERS pd 1'], truncated: false });
    });

    it('since and until: an overlap, both ends included', async () => {
      // e1 ends on 2024-06-30: in the window that is that day, out of the one that starts a day later.
      expect(shape(await network({ since: '2024-06-30', until: '2024-06-30' })).edges).toEqual(['pa CO_DELIVERS pb 1', 'pc CO_DELIVERS pd 1']);
      expect(shape(await network({ since: '2024-07-01', until: '2024-12-31' })).edges).toEqual(['pc CO_DELIVERS pd 1']);
    });

    it('since after until, and a date that is not one, are BAD_USER_INPUT', async () => {
      const res = await gql(NETWORK, { filter: { since: '2025-01-02', until: '2025-01-01' } });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions.problems).toEqual([{ path: 'filter.until', message: 'must not be before since' }]);
      expect(codes(await gql(NETWORK, { filter: { since: '2025-02-30' } }))).toEqual(['BAD_USER_INPUT']);
    });

    it('the same filter in another order or with repeats is the same network, computed once', async () => {
      const before = networkComputations();
      const a = await network({ regions: ['FR', 'DE', 'FR'], industries: ['FSI'] });
      const b = await network({ regions: ['DE', 'FR'], industries: ['FSI', 'FSI'] });
      expect(b).toEqual(a);
      expect(networkComputations() - before).toBe(1);
    });
  });

  describe('limit', () => {
    it('keeps the highest-degree nodes (ties by id) and the edges among them, with degree and metrics of the whole network', async () => {
      const whole = await network();
      expect(shape(await network({}, 2))).toEqual({ nodes: ['pb 3', 'pd 3'], edges: ['pb CO_DELIVERS pd 1'], truncated: true });
      const three = await network({}, 3);
      // pa and pc tie at degree 2: pa, by id.
      expect(shape(three)).toEqual({
        nodes: ['pa 2', 'pb 3', 'pd 3'], edges: ['pa CO_DELIVERS pb 3', 'pa CO_DELIVERS pd 1', 'pb CO_DELIVERS pd 1'], truncated: true,
      });
      expect(three.nodes).toEqual(whole.nodes.filter((n) => n.id !== 'pc'));
    });

    it('limit 0 keeps nothing; the node count or more cuts nothing; the default is 2000', async () => {
      expect(shape(await network({}, 0))).toEqual({ nodes: [], edges: [], truncated: true });
      expect((await network({}, 4)).truncated).toBe(false);
      expect(await network({}, 2000)).toEqual(await network());
      expect(await network({}, 100_000)).toEqual(await network());
    });

    it('limit counts customers too, by their degree', async () => {
      expect(shape(await network({ includeCustomers: true }, 3)).nodes).toEqual(['c2 4', 'pb 6', 'pd 6']);
    });

    it('negative or over 100000 is BAD_USER_INPUT', async () => {
      for (const limit of [-1, 100_001]) {
        const res = await gql(NETWORK, { limit });
        expect(codes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0]!.extensions.problems).toEqual([{ path: 'limit', message: 'must be between 0 and 100000' }]);
      }
    });
  });

  describe('access', () => {
    it('ANALYST reads the network; a PARTNER token gets FORBIDDEN and nothing else', async () => {
      expect(await network({}, undefined, tokens.analyst)).toEqual(await network());
      const res = await gql(NETWORK, {}, tokens.partner.pa);
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.data ?? null).toBeNull();
    });
  });

  describe('computed once per graph version and filter, then served stale while recomputing', () => {
    const roundTripsOf = async (filter: Record<string, unknown>, limit?: number) => {
      const [trips, computed] = [t.graph.roundTrips, networkComputations()];
      const net = await answer(filter, limit);
      return { net, roundTrips: t.graph.roundTrips - trips, computations: networkComputations() - computed };
    };

    it('a second identical request reads the graph version only and computes nothing', async () => {
      const filter = { includeCustomers: true, partnerTypes: ['SYSTEM_INTEGRATOR', 'ISV', 'MSP'] };
      const cold = await roundTripsOf(filter);
      expect([cold.computations, cold.net.stale]).toEqual([1, false]);
      const warm = await roundTripsOf(filter);
      expect([warm.roundTrips, warm.computations]).toEqual([1, 0]);
      expect(warm.net).toEqual(cold.net);
    });

    it('identical requests arriving together share one computation', async () => {
      const before = networkComputations();
      const answers = await Promise.all([1, 2, 3, 4].map(() => answer({ partnerTypes: ['MSP', 'ISV'] })));
      expect(networkComputations() - before).toBe(1);
      for (const each of answers) expect(each).toEqual(answers[0]);
    });

    it('limit and communities choose from one computation: they change no metric and compute nothing again', async () => {
      const filter = { until: '2030-01-01' };
      const before = networkComputations();
      const whole = await answer(filter, 100);
      for (const limit of [0, 1, 2, 3, 4]) {
        const cut = await answer(filter, limit);
        for (const node of cut.nodes) expect(node).toEqual(whole.nodes.find((n) => n.id === node.id));
      }
      const community = whole.nodes[0]!.community;
      const one = await answer({ ...filter, communities: [community] }, 100);
      expect(one.nodes).toEqual(whole.nodes.filter((n) => n.community === community));
      expect(networkComputations() - before).toBe(1);
    });

    it('after a write the next request answers at once with the last metrics, stale, and the fresh ones follow', async () => {
      const filter = { regions: ['FR'] };
      const before = await network(filter);
      const fresh = await answer(filter);
      expect((await roundTripsOf(filter)).computations).toBe(0);
      await importEcosystem(t.graph, {
        engagements: [closed('e9', 'c2', '2024-02-01', '2024-03-01', [['pb', 'ORCHESTRATOR'], ['pe', 'CONTRIBUTOR']])],
      }, 120_000);
      const started = networkComputations();
      const stale = await answer(filter);
      expect(stale).toEqual({ ...before, stale: true, computedAt: fresh.computedAt });
      const after = await network(filter);
      expect(networkComputations() - started).toBe(1);
      expect(shape(after).edges).toContain('pb CO_DELIVERS pe 1');
      const again = await answer(filter);
      expect(again.stale).toBe(false);
      expect(Date.parse(again.computedAt!)).toBeGreaterThan(Date.parse(fresh.computedAt!));
    });

    it('a write anywhere in the graph (an outcome status) makes exactly one recomputation, however many ask meanwhile', async () => {
      const filter = { industries: ['MFG'] };
      await network(filter);
      await setOutcomeStatus(t.graph, 'o1', 'MET');
      const started = networkComputations();
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => answer(filter)));
      expect(answers.every((a) => a.stale)).toBe(true);
      await network(filter);
      expect(networkComputations() - started).toBe(1);
    });
  });

  describe('whole answers (api/server/answer-cache.ts)', () => {
    const post = async (query: string, variables: Record<string, unknown> = {}, token = ADMIN) => {
      const trips = t.graph.roundTrips;
      const res = await fetch(`${t.app.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      return { hit: res.headers.get('x-ecomap-cache') === 'hit', text, roundTrips: t.graph.roundTrips - trips, status: res.status };
    };
    const COVERAGE = '{ coverageGaps { region { code } industry { code } capability { id } status supply } }';

    it('the same request again gets the same bytes after one read of the graph version', async () => {
      await network({ regions: ['DE'] });
      const first = await post(NETWORK, { filter: { regions: ['DE'] } });
      const again = await post(NETWORK, { filter: { regions: ['DE'] } });
      expect([first.hit, again.hit, again.roundTrips]).toEqual([false, true, 1]);
      expect(again.text).toBe(first.text);
      expect(JSON.parse(again.text).errors).toBeUndefined();
      const coverage = await post(COVERAGE);
      expect([(await post(COVERAGE)).hit, (await post(COVERAGE)).text]).toEqual([true, coverage.text]);
    });

    it('a write makes the next answer new, and it shows the write', async () => {
      await network({ industries: ['FSI'] });
      await post(NETWORK, { filter: { industries: ['FSI'] } });
      expect((await post(NETWORK, { filter: { industries: ['FSI'] } })).hit).toBe(true);
      await importEcosystem(t.graph, {
        engagements: [closed('e8', 'c1', '2024-04-01', '2024-05-01', [['pa', 'ORCHESTRATOR'], ['pe', 'CONTRIBUTOR']])],
      }, 120_000);
      // The first answer after the write is the last computed one, stale: never kept.
      const stale = await post(WITH_STATE, { filter: { industries: ['FSI'] } });
      expect([stale.hit, JSON.parse(stale.text).data.network.stale]).toEqual([false, true]);
      expect((await post(WITH_STATE, { filter: { industries: ['FSI'] } })).hit).toBe(false);
      await network({ industries: ['FSI'] });
      const after = await post(NETWORK, { filter: { industries: ['FSI'] } });
      expect(shape(JSON.parse(after.text).data.network).edges).toContain('pa CO_DELIVERS pe 1');
      expect((await post(NETWORK, { filter: { industries: ['FSI'] } })).hit).toBe(true);
    });

    it('after a write, the kept answer answers again marked stale, without being built again, until the fresh one exists', async () => {
      const filter = { regions: ['DE'], until: '2029-12-31' };
      const ALIASED = 'query($filter: NetworkFilter) { net: network(filter: $filter) { old: stale computedAt is: stale nodes { id degree } } }';
      await network(filter);
      const fresh = await post(ALIASED, { filter });
      const plain = await post(NETWORK, { filter });
      expect(JSON.parse(fresh.text).data.net).toMatchObject({ old: false, is: false });
      await setOutcomeStatus(t.graph, 'o1', 'PENDING');
      const before = networkComputations();
      const stale = await fetch(`${t.app.url}/graphql`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: ALIASED, variables: { filter } }),
      });
      expect(stale.headers.get('x-ecomap-cache')).toBe('stale');
      const staleNet = (await stale.json()).data.net;
      expect(staleNet).toEqual({ ...JSON.parse(fresh.text).data.net, old: true, is: true });
      // Without `stale` in the selection the bytes are the same.
      const again = await post(NETWORK, { filter });
      expect(again.text).toBe(plain.text);
      await network(filter);
      expect(networkComputations() - before).toBe(1);
      const after = await post(ALIASED, { filter });
      expect([after.hit, JSON.parse(after.text).data.net.old]).toEqual([false, false]);
      expect(JSON.parse(after.text).data.net.computedAt).not.toBe(staleNet.computedAt);
    });

    it('is kept per role and partner scope: an ANALYST asking what ADMIN asked is answered afresh', async () => {
      await network({}, 3);
      await post(NETWORK, { limit: 3 });
      const analyst = await post(NETWORK, { limit: 3 }, tokens.analyst);
      expect(analyst.hit).toBe(false);
      expect((await post(NETWORK, { limit: 3 }, tokens.analyst)).hit).toBe(true);
      expect(analyst.text).toBe((await post(NETWORK, { limit: 3 })).text);
    });

    it('keeps no answer with errors, and no operation that asks for anything else', async () => {
      for (let i = 0; i < 2; i++) {
        const forbidden = await post(NETWORK, {}, tokens.partner.pa);
        expect([forbidden.hit, JSON.parse(forbidden.text).errors[0].extensions.code]).toEqual([false, 'FORBIDDEN']);
        expect((await post(NETWORK, { limit: -1 })).hit).toBe(false);
        expect((await post('{ network(limit: 2) { truncated } viewer { role } }')).hit).toBe(false);
      }
    });
  });
});
