/**
 * From projection to network view, and `limit`, on one small hand-made projection:
 *
 *   CO_DELIVERS        p1 —2— p2 —1— p3        p4 alone
 *   ORCHESTRATES_FOR   p1 → c1 (2)   p3 → c2 (1)
 *   CONTRIBUTES_TO     p1 → c1 (1)   p2 → c1 (2)   p4 → c2 (1)
 *
 *   degree: p1 3, p2 3, c1 3, p3 2, c2 2, p4 1
 *   co-delivery metrics (4 nodes): betweenness p2 1/3 (the pair p1, p3 of 3), others 0;
 *   PageRank of the weighted path with an isolated node, solved exactly;
 *   communities: {p1, p2, p3} (modularity 0, the best), {p4}.
 */
import { describe, expect, it } from 'vitest';
import { assembleNetwork, computeNetwork } from './assemble.ts';
import type { NetworkProjection } from './co-delivery.ts';
import { truncateNetwork } from './truncate.ts';

const projection: NetworkProjection = {
  // Rows in no particular order, one pair the wrong way round: the database's order does not matter.
  partners: [['p3', 'Gamma', 'MSP'], ['p1', 'Alpha', 'ISV'], ['p4', 'Delta', 'RESELLER'], ['p2', 'Beta', 'ISV']],
  customers: [['c2', 'Yonder'], ['c1', 'Xeno']],
  coDelivers: [['p2', 'p3', 1], ['p2', 'p1', 2]],
  orchestratesFor: [['p3', 'c2', 1], ['p1', 'c1', 2]],
  contributesTo: [['p4', 'c2', 1], ['p2', 'c1', 2], ['p1', 'c1', 1]],
};

const short = (n: { id: string; degree: number; community: number }) => [n.id, n.degree, n.community];
const edge = (e: { source: string; target: string; kind: string; weight: number }) => `${e.source} ${e.kind} ${e.target} ${e.weight}`;

describe('assembleNetwork', () => {
  const network = assembleNetwork(projection);

  it('nodes by id with their degree over edges of every kind and their community; customers -1', () => {
    expect(network.nodes.map(short)).toEqual([
      ['c1', 3, -1], ['c2', 2, -1], ['p1', 3, 0], ['p2', 3, 0], ['p3', 2, 0], ['p4', 1, 1],
    ]);
    expect(network.truncated).toBe(false);
  });

  it('partners carry label, type and metrics of the co-delivery graph; customers label and zeros', () => {
    const byId = Object.fromEntries(network.nodes.map((n) => [n.id, n]));
    expect(byId.p2).toMatchObject({ kind: 'PARTNER', label: 'Beta', partnerType: 'ISV', betweenness: 1 / 3 });
    expect(byId.c1).toEqual({ id: 'c1', kind: 'CUSTOMER', label: 'Xeno', partnerType: null, degree: 3, betweenness: 0, pagerank: 0, community: -1 });
    const expected: Record<string, number> = { p1: 0.31016731, p2: 0.46332046, p3: 0.17889318, p4: 0.04761905 };
    for (const [id, rank] of Object.entries(expected)) expect(byId[id]!.pagerank, id).toBeCloseTo(rank, 5);
    expect(['p1', 'p3', 'p4'].map((id) => byId[id]!.betweenness)).toEqual([0, 0, 0]);
  });

  it('edges by source, target, kind; CO_DELIVERS from the smaller id', () => {
    expect(network.edges.map(edge)).toEqual([
      'p1 CONTRIBUTES_TO c1 1', 'p1 ORCHESTRATES_FOR c1 2', 'p1 CO_DELIVERS p2 2',
      'p2 CONTRIBUTES_TO c1 2', 'p2 CO_DELIVERS p3 1',
      'p3 ORCHESTRATES_FOR c2 1',
      'p4 CONTRIBUTES_TO c2 1',
    ]);
  });

  it('without customers: partners only, degree counting CO_DELIVERS edges', () => {
    const partnersOnly = assembleNetwork({ ...projection, customers: [], orchestratesFor: [], contributesTo: [] });
    expect(partnersOnly.nodes.map(short)).toEqual([['p1', 1, 0], ['p2', 2, 0], ['p3', 1, 0], ['p4', 0, 1]]);
    expect(partnersOnly.edges.map(edge)).toEqual(['p1 CO_DELIVERS p2 2', 'p2 CO_DELIVERS p3 1']);
  });

  it('an empty projection is an empty network', () => {
    expect(assembleNetwork({ partners: [], customers: [], coDelivers: [], orchestratesFor: [], contributesTo: [] }))
      .toEqual({ nodes: [], edges: [], truncated: false });
  });
});

describe('truncateNetwork', () => {
  const network = assembleNetwork(projection);
  const ids = (limit: number) => {
    const cut = truncateNetwork(network, limit);
    return { nodes: cut.nodes.map((n) => n.id), edges: cut.edges.map(edge), truncated: cut.truncated };
  };

  it('keeps the highest-degree nodes, ties by id, in node order, and the edges among them', () => {
    expect(ids(3)).toEqual({
      nodes: ['c1', 'p1', 'p2'],
      edges: ['p1 CONTRIBUTES_TO c1 1', 'p1 ORCHESTRATES_FOR c1 2', 'p1 CO_DELIVERS p2 2', 'p2 CONTRIBUTES_TO c1 2'],
      truncated: true,
    });
    // c2 and p3 both have degree 2: c2 comes first by id, and no edge joins it to the others.
    expect(ids(4).nodes).toEqual(['c1', 'c2', 'p1', 'p2']);
    expect(ids(4).edges).toEqual(ids(3).edges);
  });

  it('limit 0 keeps nothing; a limit of at least the node count cuts nothing', () => {
    expect(ids(0)).toEqual({ nodes: [], edges: [], truncated: true });
    expect(truncateNetwork(network, 6)).toEqual(network);
    expect(truncateNetwork(network, 100).truncated).toBe(false);
  });

  it('keeps metrics and degree as computed on the whole network', () => {
    // p2 keeps 2 of its 3 edges (p3 is cut) and still shows degree 3.
    const p2 = truncateNetwork(network, 3).nodes.find((n) => n.id === 'p2');
    expect(p2).toEqual(network.nodes.find((n) => n.id === 'p2'));
  });

  it('a partner and a customer sharing an id are told apart', () => {
    const shared = assembleNetwork({
      partners: [['x', 'Partner x', 'ISV'], ['y', 'Partner y', 'ISV']], customers: [['x', 'Customer x']],
      coDelivers: [['x', 'y', 1]], orchestratesFor: [['x', 'x', 1]], contributesTo: [],
    });
    expect(shared.nodes.map((n) => `${n.kind} ${n.id} ${n.degree}`)).toEqual(['CUSTOMER x 1', 'PARTNER x 2', 'PARTNER y 1']);
    const cut = truncateNetwork(shared, 2);
    expect(cut.nodes.map((n) => `${n.kind} ${n.id}`)).toEqual(['CUSTOMER x', 'PARTNER x']);
    expect(cut.edges.map(edge)).toEqual(['x ORCHESTRATES_FOR x 1']);
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => truncateNetwork(network, -1)).toThrow(RangeError);
    expect(() => truncateNetwork(network, 1.5)).toThrow(RangeError);
  });
});

describe('computeNetwork', () => {
  it('is assembleNetwork, then truncateNetwork', () => {
    expect(computeNetwork(projection, 3)).toEqual(truncateNetwork(assembleNetwork(projection), 3));
  });
});
