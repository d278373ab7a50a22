/**
 * networkMetrics on small hand-made graphs whose answers are known: a star, a path,
 * a 4-cycle, a weighted path, and Zachary's karate club against NetworkX's published
 * values. PageRank's exact answers were solved as linear systems (I - αM)x = (1-α)/n.
 */
import { UndirectedGraph } from 'graphology';
import { modularity } from 'graphology-metrics/graph/index.js';
import { describe, expect, it } from 'vitest';
import { KARATE_BETWEENNESS, KARATE_MEMBERS, KARATE_PAGERANK, KARATE_TIES, memberId } from '../../tests/support/karate.ts';
import { coDeliveryGraph } from './co-delivery.ts';
import { networkMetrics, normaliseCommunities } from './metrics.ts';
import { mulberry32 as seededRandom } from './random.ts';

/** An undirected graph with nodes named by the letters of `nodes` and weighted edges "ab" → weight. */
function graphOf(nodes: string, edges: Record<string, number>): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of nodes) graph.addNode(id);
  for (const [pair, weight] of Object.entries(edges)) graph.addUndirectedEdge(pair[0]!, pair[1]!, { weight });
  return graph;
}

const column = (metrics: ReturnType<typeof networkMetrics>, key: 'betweenness' | 'pagerank' | 'community') =>
  Object.fromEntries([...metrics].map(([id, m]) => [id, m[key]]));

function expectClose(actual: Record<string, number>, expected: Record<string, number>, digits: number): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, value] of Object.entries(expected)) expect(actual[id], id).toBeCloseTo(value, digits);
}

describe('betweenness', () => {
  it('a star: the centre lies on every path between two leaves (1), the leaves on none', () => {
    const metrics = networkMetrics(graphOf('cabde', { ca: 1, cb: 1, cd: 1, ce: 1 }));
    expect(column(metrics, 'betweenness')).toEqual({ c: 1, a: 0, b: 0, d: 0, e: 0 });
  });

  it('a path a-b-c-d-e: 3, 4 and 3 of the 6 pairs of other nodes', () => {
    const metrics = networkMetrics(graphOf('abcde', { ab: 1, bc: 1, cd: 1, de: 1 }));
    expectClose(column(metrics, 'betweenness'), { a: 0, b: 3 / 6, c: 4 / 6, d: 3 / 6, e: 0 }, 12);
  });

  it('ignores weights: a 4-cycle with one heavy edge still splits every pair of opposite nodes evenly', () => {
    const metrics = networkMetrics(graphOf('abcd', { ab: 10, bc: 1, cd: 1, da: 1 }));
    expectClose(column(metrics, 'betweenness'), { a: 1 / 6, b: 1 / 6, c: 1 / 6, d: 1 / 6 }, 12);
  });

  it('is 0 in graphs of one or two nodes, and an empty graph has no metrics', () => {
    expect(column(networkMetrics(graphOf('a', {})), 'betweenness')).toEqual({ a: 0 });
    expect(column(networkMetrics(graphOf('ab', { ab: 1 })), 'betweenness')).toEqual({ a: 0, b: 0 });
    expect(networkMetrics(graphOf('', {})).size).toBe(0);
  });
});

describe('pagerank', () => {
  it('a star: centre 0.132 / 0.2775, each leaf a quarter of the rest', () => {
    const rank = column(networkMetrics(graphOf('cabde', { ca: 1, cb: 1, cd: 1, ce: 1 })), 'pagerank');
    expectClose(rank, { c: 0.132 / 0.2775, a: 0.13108108, b: 0.13108108, d: 0.13108108, e: 0.13108108 }, 5);
    expect(Object.values(rank).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it('a path a-b-c-d-e', () => {
    expectClose(column(networkMetrics(graphOf('abcde', { ab: 1, bc: 1, cd: 1, de: 1 })), 'pagerank'),
      { a: 0.13452703, b: 0.24594595, c: 0.23905405, d: 0.24594595, e: 0.13452703 }, 5);
  });

  it('follows weights: a-b weighing 3, b-c 1', () => {
    expectClose(column(networkMetrics(graphOf('abc', { ab: 3, bc: 1 })), 'pagerank'), { a: 0.36013514, b: 0.48648649, c: 0.15337838 }, 5);
  });

  it('an isolated node spreads its rank evenly (as NetworkX)', () => {
    expectClose(column(networkMetrics(graphOf('abcd', { ab: 1, bc: 1 })), 'pagerank'),
      { a: 0.24453024, b: 0.46332046, c: 0.24453024, d: 0.04761905 }, 5);
  });
});

describe('communities', () => {
  it('two triangles joined by one edge are two communities, numbered by their smallest member', () => {
    const graph = graphOf('fedcba', { ab: 1, bc: 1, ca: 1, de: 1, ef: 1, fd: 1, cf: 1 });
    expect(column(networkMetrics(graph), 'community')).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 1 });
  });

  it('isolated nodes are communities of their own', () => {
    expect(column(networkMetrics(graphOf('xab', { ab: 1 })), 'community')).toEqual({ a: 0, b: 0, x: 1 });
    expect(column(networkMetrics(graphOf('ba', {})), 'community')).toEqual({ a: 0, b: 1 });
  });

  it('normaliseCommunities renumbers 0..k-1 by smallest member id, whatever the labels', () => {
    expect(Object.fromEntries(normaliseCommunities({ z: 7, b: 3, a: 9, c: 7, y: 3 }))).toEqual({ a: 0, b: 1, y: 1, c: 2, z: 2 });
  });

  it('the seeded generator repeats itself and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("Zachary's karate club against NetworkX", () => {
  const projection = {
    partners: Array.from({ length: KARATE_MEMBERS }, (_, n) => [memberId(n), `Member ${n}`, 'ISV'] as const),
    coDelivers: KARATE_TIES.map(([a, b]) => [memberId(a), memberId(b), 1] as const),
  };
  const graph = coDeliveryGraph(projection);
  const metrics = networkMetrics(graph);

  it('betweenness of the five most central members', () => {
    for (const [n, value] of KARATE_BETWEENNESS) expect(metrics.get(memberId(n))!.betweenness, `member ${n}`).toBeCloseTo(value, 10);
    const top = [...metrics].sort((x, y) => y[1].betweenness - x[1].betweenness).slice(0, 5).map(([id]) => id);
    expect(top).toEqual(KARATE_BETWEENNESS.map(([n]) => memberId(n)));
  });

  it('PageRank of the five highest-ranked members, and ranks summing to 1', () => {
    for (const [n, value] of KARATE_PAGERANK) expect(Math.abs(metrics.get(memberId(n))!.pagerank - value), `member ${n}`).toBeLessThan(1e-5);
    expect([...metrics.values()].reduce((s, m) => s + m.pagerank, 0)).toBeCloseTo(1, 10);
  });

  it('Louvain finds a partition of the usual modularity, the same one every time and whatever the input order', () => {
    const communities = column(metrics, 'community');
    const q = modularity(graph, { getNodeCommunity: (id) => communities[id]! });
    expect(q).toBeGreaterThan(0.37);
    expect(q).toBeLessThan(0.43);
    expect(new Set(Object.values(communities)).size).toBeGreaterThanOrEqual(2);
    const reversed = coDeliveryGraph({ partners: [...projection.partners].reverse(), coDelivers: projection.coDelivers.map(([a, b, w]) => [b, a, w] as const).reverse() });
    expect(column(networkMetrics(reversed), 'community')).toEqual(communities);
    expect(column(networkMetrics(graph), 'community')).toEqual(communities);
  });
});
