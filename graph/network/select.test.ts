/**
 * From projection to computed network to one request's view, on small hand-made projections:
 *
 *   CO_DELIVERS        p1 —2— p2 —1— p3        p4 alone
 *   ORCHESTRATES_FOR   p1 → c1 (2)   p3 → c2 (1)
 *   CONTRIBUTES_TO     p1 → c1 (1)   p2 → c1 (2)   p4 → c2 (1)
 *
 *   degree: p1 3, p2 3, c1 3, p3 2, c2 2, p4 1
 *   co-delivery metrics (4 nodes): betweenness p2 1/3 (the pair p1, p3 of 3), others 0;
 *   PageRank of the weighted path with an isolated node, solved exactly;
 *   communities: {p1, p2, p3} (modularity 0, the best), {p4};
 *   p2 is the only articulation point; both CO_DELIVERS edges are bridges.
 *   Labels: community 0 operates in DE (p1, p2) and FR (p2, p3), a tie that DE wins by
 *   code; holds aws (p2, p3) and sap (p1, p2), aws by code; p2 Beta has the highest
 *   pagerank: "DE · aws · Beta". Community 1: "US · Delta" (p4 holds nothing at level 3).
 */
import { describe, expect, it } from 'vitest';
import { computeNetwork } from './compute.ts';
import type { Projection } from './projection.ts';
import { selectNetwork } from './select.ts';

interface Tuples {
  partners: Array<[string, string, string, string[], string[]]>;
  customers: Array<[string, string]>;
  coDelivers: Array<[string, string, number]>;
  orchestratesFor: Array<[string, string, number]>;
  contributesTo: Array<[string, string, number]>;
}

/** The compact projection of readable tuples, in the order given (as the database may send them). */
function projectionOf(t: Tuples): Projection {
  const partnerIndex = new Map(t.partners.map(([id], i) => [id, i]));
  const customerIndex = new Map(t.customers.map(([id], i) => [id, i]));
  const links = (rows: Array<[string, string, number]>, to: Map<string, number>) => ({
    from: Int32Array.from(rows, (r) => partnerIndex.get(r[0])!), to: Int32Array.from(rows, (r) => to.get(r[1])!), weight: Float64Array.from(rows, (r) => r[2]),
  });
  return {
    partners: {
      ids: t.partners.map((p) => p[0]), names: t.partners.map((p) => p[1]), types: t.partners.map((p) => p[2]),
      regions: t.partners.map((p) => p[3]), capabilities: t.partners.map((p) => p[4]),
    },
    coDelivers: links(t.coDelivers, partnerIndex),
    customers: { ids: t.customers.map((c) => c[0]), names: t.customers.map((c) => c[1]) },
    orchestratesFor: links(t.orchestratesFor, customerIndex),
    contributesTo: links(t.contributesTo, customerIndex),
  };
}

const tuples: Tuples = {
  // Rows in no particular order, one pair the wrong way round: the database's order does not matter.
  partners: [
    ['p3', 'Gamma', 'MSP', ['FR'], ['aws']], ['p1', 'Alpha', 'ISV', ['DE'], ['sap']],
    ['p4', 'Delta', 'RESELLER', ['US'], []], ['p2', 'Beta', 'ISV', ['DE', 'FR'], ['aws', 'sap']],
  ],
  customers: [['c2', 'Yonder'], ['c1', 'Xeno']],
  coDelivers: [['p2', 'p3', 1], ['p2', 'p1', 2]],
  orchestratesFor: [['p3', 'c2', 1], ['p1', 'c1', 2]],
  contributesTo: [['p4', 'c2', 1], ['p2', 'c1', 2], ['p1', 'c1', 1]],
};
const partnersOnly: Tuples = { ...tuples, customers: [], orchestratesFor: [], contributesTo: [] };

const computed = computeNetwork(projectionOf(tuples), 7, '2026-12-05T10:00:00.000Z');
const all = (limit = 100, communities: number[] | null = null) => selectNetwork(computed, { communities, limit }, false);
const short = (n: { id: string; degree: number; community: number }) => [n.id, n.degree, n.community];
const edge = (e: { source: string; target: string; kind: string; weight: number; bridge: boolean }) =>
  `${e.source} ${e.kind} ${e.target} ${e.weight}${e.bridge ? ' bridge' : ''}`;

describe('the whole network', () => {
  const network = all();

  it('nodes by id with their degree over edges of every kind and their community; customers -1', () => {
    expect(network.nodes.map(short)).toEqual([
      ['c1', 3, -1], ['c2', 2, -1], ['p1', 3, 0], ['p2', 3, 0], ['p3', 2, 0], ['p4', 1, 1],
    ]);
    expect(network).toMatchObject({ truncated: false, partnerCount: 4, stale: false, computedAt: '2026-12-05T10:00:00.000Z', betweennessSample: null });
  });

  it('partners carry label, type, metrics and articulation points of the co-delivery graph; customers label and zeros', () => {
    const byId = Object.fromEntries(network.nodes.map((n) => [n.id, n]));
    expect(byId.p2).toMatchObject({ kind: 'PARTNER', label: 'Beta', partnerType: 'ISV', betweenness: 1 / 3, articulationPoint: true });
    expect(byId.c1).toEqual({
      id: 'c1', kind: 'CUSTOMER', label: 'Xeno', partnerType: null, degree: 3, betweenness: 0, pagerank: 0, community: -1, articulationPoint: false,
    });
    const expected: Record<string, number> = { p1: 0.31016731, p2: 0.46332046, p3: 0.17889318, p4: 0.04761905 };
    for (const [id, rank] of Object.entries(expected)) expect(byId[id]!.pagerank, id).toBeCloseTo(rank, 5);
    expect(['p1', 'p3', 'p4'].map((id) => [byId[id]!.betweenness, byId[id]!.articulationPoint])).toEqual([[0, false], [0, false], [0, false]]);
  });

  it('edges by source, target, kind; CO_DELIVERS from the smaller id; bridges marked on CO_DELIVERS only', () => {
    expect(network.edges.map(edge)).toEqual([
      'p1 CONTRIBUTES_TO c1 1', 'p1 ORCHESTRATES_FOR c1 2', 'p1 CO_DELIVERS p2 2 bridge',
      'p2 CONTRIBUTES_TO c1 2', 'p2 CO_DELIVERS p3 1 bridge',
      'p3 ORCHESTRATES_FOR c2 1',
      'p4 CONTRIBUTES_TO c2 1',
    ]);
  });

  it('communities with their labels, sizes and top partners by pagerank; no link between unlinked communities', () => {
    expect(network.communities.map((c) => [c.id, c.size, c.label, c.topPartners.map((p) => p.id)])).toEqual([
      [0, 3, 'DE · aws · Beta', ['p2', 'p1', 'p3']],
      [1, 1, 'US · Delta', ['p4']],
    ]);
    expect(network.communities[0]!.topPartners[0]).toEqual(network.nodes.find((n) => n.id === 'p2'));
    expect(network.communityLinks).toEqual([]);
  });

  it('without customers: partners only, degree counting CO_DELIVERS edges', () => {
    const partners = selectNetwork(computeNetwork(projectionOf(partnersOnly), 1, 'now'), { communities: null, limit: 100 }, true);
    expect(partners.nodes.map(short)).toEqual([['p1', 1, 0], ['p2', 2, 0], ['p3', 1, 0], ['p4', 0, 1]]);
    expect(partners.edges.map(edge)).toEqual(['p1 CO_DELIVERS p2 2 bridge', 'p2 CO_DELIVERS p3 1 bridge']);
    expect(partners.stale).toBe(true);
  });

  it('an empty projection is an empty network', () => {
    const empty = computeNetwork(projectionOf({ partners: [], customers: [], coDelivers: [], orchestratesFor: [], contributesTo: [] }), 0, 'now');
    expect(selectNetwork(empty, { communities: null, limit: 10 }, false)).toMatchObject({
      nodes: [], edges: [], truncated: false, partnerCount: 0, communities: [], communityLinks: [],
    });
  });
});

describe('limit', () => {
  const ids = (limit: number) => {
    const cut = all(limit);
    return { nodes: cut.nodes.map((n) => n.id), edges: cut.edges.map(edge), truncated: cut.truncated };
  };

  it('keeps the highest-degree nodes, ties by id, in node order, and the edges among them', () => {
    expect(ids(3)).toEqual({
      nodes: ['c1', 'p1', 'p2'],
      edges: ['p1 CONTRIBUTES_TO c1 1', 'p1 ORCHESTRATES_FOR c1 2', 'p1 CO_DELIVERS p2 2 bridge', 'p2 CONTRIBUTES_TO c1 2'],
      truncated: true,
    });
    // c2 and p3 both have degree 2: c2 comes first by id, and no edge joins it to the others.
    expect(ids(4).nodes).toEqual(['c1', 'c2', 'p1', 'p2']);
    expect(ids(4).edges).toEqual(ids(3).edges);
  });

  it('limit 0 keeps nothing but the overview; a limit of at least the node count cuts nothing', () => {
    expect(ids(0)).toEqual({ nodes: [], edges: [], truncated: true });
    expect(all(0).communities).toEqual(all().communities);
    expect(all(6)).toEqual(all());
    expect(all(100).truncated).toBe(false);
  });

  it('changes no metric, no count and no community: they describe the whole network', () => {
    for (const limit of [0, 1, 2, 3, 4, 5]) {
      const cut = all(limit);
      for (const node of cut.nodes) expect(node).toEqual(all().nodes.find((n) => n.id === node.id && n.kind === node.kind));
      expect([cut.partnerCount, cut.communities, cut.communityLinks]).toEqual([4, all().communities, all().communityLinks]);
    }
  });

  it('a partner and a customer sharing an id are told apart', () => {
    const shared = computeNetwork(projectionOf({
      partners: [['x', 'Partner x', 'ISV', [], []], ['y', 'Partner y', 'ISV', [], []]], customers: [['x', 'Customer x']],
      coDelivers: [['x', 'y', 1]], orchestratesFor: [['x', 'x', 1]], contributesTo: [],
    }), 1, 'now');
    const select = (limit: number) => selectNetwork(shared, { communities: null, limit }, false);
    expect(select(10).nodes.map((n) => `${n.kind} ${n.id} ${n.degree}`)).toEqual(['CUSTOMER x 1', 'PARTNER x 2', 'PARTNER y 1']);
    expect(select(2).nodes.map((n) => `${n.kind} ${n.id}`)).toEqual(['CUSTOMER x', 'PARTNER x']);
    expect(select(2).edges.map(edge)).toEqual(['x ORCHESTRATES_FOR x 1']);
  });
});

describe('communities and their links', () => {
  // Two triangles a-b-c and d-e-f (edges of weight 2) joined by c —1— f: two communities, one link of weight 1;
  // c and f are articulation points and c-f the only bridge.
  const triangles = computeNetwork(projectionOf({
    partners: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, id.toUpperCase(), 'ISV', [], []]),
    customers: [],
    coDelivers: [['a', 'b', 2], ['b', 'c', 2], ['a', 'c', 2], ['d', 'e', 2], ['e', 'f', 2], ['d', 'f', 2], ['c', 'f', 1]],
    orchestratesFor: [],
    contributesTo: [],
  }), 3, 'now');

  it('links communities by their summed CO_DELIVERS weight, source < target', () => {
    const network = selectNetwork(triangles, { communities: null, limit: 100 }, false);
    expect(network.communities.map((c) => [c.id, c.size])).toEqual([[0, 3], [1, 3]]);
    expect(network.communityLinks).toEqual([{ source: 0, target: 1, weight: 1 }]);
    expect(network.nodes.filter((n) => n.articulationPoint).map((n) => n.id)).toEqual(['c', 'f']);
    expect(network.edges.filter((e) => e.bridge).map((e) => `${e.source}-${e.target}`)).toEqual(['c-f']);
  });

  it('`communities` keeps the members of those communities and their edges among themselves, before `limit`', () => {
    const one = selectNetwork(triangles, { communities: [1], limit: 100 }, false);
    expect(one.nodes.map((n) => n.id)).toEqual(['d', 'e', 'f']);
    expect(one.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['d-e', 'd-f', 'e-f']);
    expect(one.partnerCount).toBe(3);
    expect(one.communities).toHaveLength(2);
    const cut = selectNetwork(triangles, { communities: [1], limit: 1 }, false);
    expect(cut.nodes.map((n) => n.id)).toEqual(['f']);
    expect(cut.truncated).toBe(true);
    expect(selectNetwork(triangles, { communities: [9], limit: 100 }, false)).toMatchObject({ nodes: [], partnerCount: 0 });
  });

  it('with `communities`, customers linked to a kept partner stay', () => {
    const network = selectNetwork(computed, { communities: [1], limit: 100 }, false);
    expect(network.nodes.map((n) => `${n.kind} ${n.id}`)).toEqual(['CUSTOMER c2', 'PARTNER p4']);
    expect(network.edges.map(edge)).toEqual(['p4 CONTRIBUTES_TO c2 1']);
  });
});
