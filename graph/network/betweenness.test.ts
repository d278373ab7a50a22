/**
 * betweennessOf: the exact branch against graphology-metrics (which runs the same Brandes
 * pass) and NetworkX's published karate-club values; the estimate's determinism, its n/k
 * scaling on a star worked by hand, its threshold, and the overflow guard on path counts.
 */
import { UndirectedGraph } from 'graphology';
import { betweenness } from 'graphology-metrics/centrality/index.js';
import { describe, expect, it } from 'vitest';
import { KARATE_BETWEENNESS, KARATE_MEMBERS, KARATE_TIES, memberId } from '../../tests/support/karate.ts';
import { BETWEENNESS_EXACT_MAX_NODES, BETWEENNESS_SAMPLE_SOURCES, betweennessOf } from './betweenness.ts';
import { mulberry32 } from './random.ts';

function karate(): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let i = 0; i < KARATE_MEMBERS; i++) graph.addNode(memberId(i));
  for (const [a, b] of KARATE_TIES) graph.addUndirectedEdge(memberId(a), memberId(b));
  return graph;
}

/** A seeded G(n, p) with shuffled node order. */
function randomGraph(seed: number, n: number, p: number): UndirectedGraph {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  for (const i of Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5)) graph.addNode(`n${i}`);
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random() < p) graph.addUndirectedEdge(`n${a}`, `n${b}`);
  return graph;
}

/** A centre "c" and `leaves` leaves. */
function star(leaves: number): UndirectedGraph {
  const graph = new UndirectedGraph();
  graph.addNode('c');
  for (let i = 0; i < leaves; i++) graph.mergeUndirectedEdge('c', `l${i}`);
  return graph;
}

/** graphology-metrics' value, in forEachNode order. */
function graphologyBetweenness(graph: UndirectedGraph): number[] {
  const byId = betweenness(graph, { getEdgeWeight: null, normalized: true });
  return graph.nodes().map((id) => byId[id]!);
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('betweennessOf, exact', () => {
  it('karate club: graphology-metrics to 1e-12 and NetworkX to 1e-9', () => {
    const graph = karate();
    const { values, sample } = betweennessOf(graph);
    expect(sample).toBeNull();
    expect(maxDifference(values, graphologyBetweenness(graph))).toBeLessThan(1e-12);
    for (const [member, expected] of KARATE_BETWEENNESS) expect(Math.abs(values[member]! - expected), `member ${member}`).toBeLessThan(1e-9);
  });

  it('equals graphology-metrics to 1e-12 on seeded random graphs, connected or not', () => {
    for (const [seed, n, p] of [[1, 60, 0.05], [2, 120, 0.03], [3, 200, 0.1], [4, 80, 0.5], [5, 300, 0.01]] as const) {
      const graph = randomGraph(seed, n, p);
      expect(maxDifference(betweennessOf(graph).values, graphologyBetweenness(graph)), `seed ${seed}`).toBeLessThan(1e-12);
    }
  });

  it('a path a-b-c-d-e: 3, 4 and 3 of the 6 pairs of other nodes', () => {
    const graph = new UndirectedGraph();
    for (const [a, b] of ['ab', 'bc', 'cd', 'de']) graph.mergeUndirectedEdge(a!, b!);
    const { values } = betweennessOf(graph);
    expect(maxDifference(values, [0, 3 / 6, 4 / 6, 3 / 6, 0])).toBeLessThan(1e-15);
  });

  it('n <= 2: all 0, sampled or not', () => {
    expect(betweennessOf(new UndirectedGraph()).values).toEqual(new Float64Array(0));
    expect([...betweennessOf(star(0)).values]).toEqual([0]);
    expect(betweennessOf(star(1), { exactMaxNodes: 0, sample: 1 })).toEqual({ values: new Float64Array(2), sample: 1 });
  });
});

describe('betweennessOf, estimated', () => {
  const graph = randomGraph(11, 400, 0.02);
  const exact = betweennessOf(graph, { exactMaxNodes: Infinity }).values;

  it('is the same for the same seed, and reports k', () => {
    const a = betweennessOf(graph, { exactMaxNodes: 100, sample: 50, seed: 9 });
    const b = betweennessOf(graph, { exactMaxNodes: 100, sample: 50, seed: 9 });
    expect(a.sample).toBe(50);
    expect(b.values).toEqual(a.values);
    expect(betweennessOf(graph, { exactMaxNodes: 100, sample: 50, seed: 10 }).values).not.toEqual(a.values);
    expect(betweennessOf(graph, { exactMaxNodes: 100, sample: 50 }).values).toEqual(betweennessOf(graph, { exactMaxNodes: 100, sample: 50, seed: 42 }).values);
  });

  it('with k = n (or more) every node is a source: the exact value, sample null', () => {
    for (const k of [400, 401]) {
      const all = betweennessOf(graph, { exactMaxNodes: 0, sample: k, seed: 3 });
      expect(all.sample).toBeNull();
      expect(maxDifference(all.values, exact)).toBeLessThan(1e-12);
    }
  });

  it('scales by n/k: a star\'s centre is n/(n-1) when only leaves are drawn, (k-1)n/(k(n-1)) when the centre is too', () => {
    // Each leaf source puts n-2 paths through the centre; the centre as source puts none.
    const leaves = 19;
    const n = leaves + 1;
    const k = 5;
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const { values, sample } = betweennessOf(star(leaves), { exactMaxNodes: 10, sample: k, seed });
      expect(sample).toBe(k);
      expect([...values.subarray(1)].every((x) => x === 0)).toBe(true);
      const centre = values[0]!;
      if (Math.abs(centre - n / (n - 1)) < 1e-12) seen.add('leaves only');
      else if (Math.abs(centre - ((k - 1) * n) / (k * (n - 1))) < 1e-12) seen.add('centre drawn');
      else throw new Error(`seed ${seed}: centre ${centre}`);
    }
    // 5 of 20 drawn: the centre is among them a quarter of the time.
    expect([...seen].sort()).toEqual(['centre drawn', 'leaves only']);
  });

  it('centres on the exact value: the mean of 400 seeds\' estimates of the most central node is within 2%', () => {
    const seeds = 400;
    const mean = new Float64Array(graph.order);
    for (let seed = 0; seed < seeds; seed++) {
      const { values } = betweennessOf(graph, { exactMaxNodes: 0, sample: 40, seed });
      for (let i = 0; i < mean.length; i++) mean[i]! += values[i]! / seeds;
    }
    const top = exact.indexOf(Math.max(...exact));
    expect(Math.abs(mean[top]! - exact[top]!) / exact[top]!).toBeLessThan(0.02);
  });

  it('honours the threshold: exact up to exactMaxNodes, estimated above', () => {
    expect(betweennessOf(graph, { exactMaxNodes: 400, sample: 50 }).sample).toBeNull();
    expect(betweennessOf(graph, { exactMaxNodes: 399, sample: 50 }).sample).toBe(50);
  });

  it('defaults: exact up to BETWEENNESS_EXACT_MAX_NODES nodes, BETWEENNESS_SAMPLE_SOURCES sources above', () => {
    expect(betweennessOf(star(BETWEENNESS_EXACT_MAX_NODES - 1)).sample).toBeNull();
    const above = betweennessOf(star(BETWEENNESS_EXACT_MAX_NODES));
    expect(above.sample).toBe(BETWEENNESS_SAMPLE_SOURCES);
    expect(above.values[0]).toBeGreaterThan(0.99);
  });

  it('refuses options that make no sense', () => {
    expect(() => betweennessOf(graph, { sample: 0 })).toThrow(RangeError);
    expect(() => betweennessOf(graph, { sample: 2.5 })).toThrow(RangeError);
    expect(() => betweennessOf(graph, { exactMaxNodes: -1 })).toThrow(RangeError);
    expect(() => betweennessOf(graph, { seed: Number.NaN })).toThrow(RangeError);
  });
});

describe('betweennessOf, path counts', () => {
  it('throws rather than answer when a node has 2^32 or more shortest paths from a source (graphology counts in a Uint32Array)', () => {
    // s, then 8 layers of 16 nodes, each layer joined to the whole next one, then t:
    // 16^8 = 2^32 shortest paths from s to t.
    const graph = new UndirectedGraph();
    let previous = ['s'];
    for (let layer = 0; layer < 8; layer++) {
      const current = Array.from({ length: 16 }, (_, i) => `${layer}.${i}`);
      for (const a of previous) for (const b of current) graph.mergeUndirectedEdge(a, b);
      previous = current;
    }
    for (const a of previous) graph.mergeUndirectedEdge(a, 't');
    expect(() => betweennessOf(graph)).toThrow(/2\^32/);
  });
});
