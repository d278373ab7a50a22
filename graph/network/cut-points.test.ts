/**
 * cutPointsOf on hand-worked graphs, on Zachary's karate club, on seeded random graphs
 * against a brute force (remove each node or edge, count components), and on a path long
 * enough that a recursive DFS would overflow the call stack.
 */
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { KARATE_MEMBERS, KARATE_TIES, memberId } from '../../tests/support/karate.ts';
import { cutPointsOf } from './cut-points.ts';
import { mulberry32 } from './random.ts';

/** Nodes named by the letters of `nodes` (in that order), edges by pairs of letters (in that order). */
function graphOf(nodes: string, edges: string[]): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of nodes) graph.addNode(id);
  for (const pair of edges) graph.addUndirectedEdge(pair[0]!, pair[1]!);
  return graph;
}

/** The articulation points by name, and the bridges as "ab" (ends in forEachEdge order). */
function named(graph: UndirectedGraph): { points: string[]; bridges: string[] } {
  const { articulation, bridge } = cutPointsOf(graph);
  expect(articulation.length).toBe(graph.order);
  expect(bridge.length).toBe(graph.size);
  const points = graph.nodes().filter((_, i) => articulation[i] === 1);
  const bridges: string[] = [];
  let i = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => { if (bridge[i++] === 1) bridges.push(source + target); });
  return { points, bridges };
}

describe('cutPointsOf, hand-worked', () => {
  it('two triangles joined by an edge: its two ends are the only cut vertices, the edge the only bridge', () => {
    expect(named(graphOf('abcdef', ['ab', 'bc', 'ca', 'cd', 'de', 'ef', 'fd']))).toEqual({ points: ['c', 'd'], bridges: ['cd'] });
  });

  it('a path: every inner node is a cut vertex and every edge a bridge', () => {
    expect(named(graphOf('abcde', ['ab', 'bc', 'cd', 'de']))).toEqual({ points: ['b', 'c', 'd'], bridges: ['ab', 'bc', 'cd', 'de'] });
  });

  it('a path whose nodes were added out of order, entered from a middle node', () => {
    expect(named(graphOf('cabed', ['ab', 'bc', 'cd', 'de']))).toEqual({ points: ['c', 'b', 'd'], bridges: ['ab', 'bc', 'cd', 'de'] });
  });

  it('a cycle has neither', () => {
    expect(named(graphOf('abcdef', ['ab', 'bc', 'cd', 'de', 'ef', 'fa']))).toEqual({ points: [], bridges: [] });
  });

  it('two components are judged each on its own', () => {
    expect(named(graphOf('abcxyz', ['ab', 'bc', 'ca', 'xy', 'yz']))).toEqual({ points: ['y'], bridges: ['xy', 'yz'] });
  });

  it('isolated nodes are neither, and do not disturb the rest', () => {
    expect(named(graphOf('abc', []))).toEqual({ points: [], bridges: [] });
    expect(named(graphOf('pabq', ['ab']))).toEqual({ points: [], bridges: ['ab'] });
  });

  it('a triangle with a pendant: the triangle node holding it, and the pendant edge', () => {
    expect(named(graphOf('abcd', ['ab', 'bc', 'ca', 'cd']))).toEqual({ points: ['c'], bridges: ['cd'] });
  });

  it('a star: the centre (a DFS root with several children)', () => {
    expect(named(graphOf('cabd', ['ca', 'cb', 'cd']))).toEqual({ points: ['c'], bridges: ['ca', 'cb', 'cd'] });
  });

  it('an empty graph', () => {
    expect(named(graphOf('', []))).toEqual({ points: [], bridges: [] });
  });
});

describe('cutPointsOf, karate club', () => {
  it('member 0 is the only articulation point and (0, 11) the only bridge', () => {
    const graph = new UndirectedGraph();
    for (let i = 0; i < KARATE_MEMBERS; i++) graph.addNode(memberId(i));
    for (const [a, b] of KARATE_TIES) graph.addUndirectedEdge(memberId(a), memberId(b));
    const { articulation, bridge } = cutPointsOf(graph);
    expect([...articulation].flatMap((x, i) => (x ? [i] : []))).toEqual([0]);
    expect([...bridge].flatMap((x, i) => (x ? [KARATE_TIES[i]] : []))).toEqual([[0, 11]]);
  });
});

/** Components of the graph on nodes 0..n-1 without node `skipNode` and edge `skipEdge`, by BFS. */
function components(n: number, edges: ReadonlyArray<readonly [number, number]>, skipNode = -1, skipEdge = -1): number {
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  edges.forEach(([a, b], e) => {
    if (e === skipEdge || a === skipNode || b === skipNode) return;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  });
  const seen = new Array<boolean>(n).fill(false);
  let count = 0;
  for (let start = 0; start < n; start++) {
    if (start === skipNode || seen[start]) continue;
    count++;
    seen[start] = true;
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const w of neighbours[queue[head]!]!) {
        if (!seen[w]) { seen[w] = true; queue.push(w); }
      }
    }
  }
  return count;
}

describe('cutPointsOf against brute force', () => {
  it('agrees on 300 seeded random graphs, sparse to dense, with nodes and edges in shuffled order', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 25);
      // Around one edge per node (trees, cut points everywhere) up to dense (none).
      const p = Math.min(1, (0.5 + random() * 3) / n);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
      const edges: Array<[number, number]> = [];
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (random() < p) edges.push(random() < 0.5 ? [a, b] : [b, a]);
      edges.sort(() => random() - 0.5);

      const graph = new UndirectedGraph();
      for (const i of order) graph.addNode(`n${i}`);
      for (const [a, b] of edges) graph.addUndirectedEdge(`n${a}`, `n${b}`);
      const { articulation, bridge } = cutPointsOf(graph);

      const whole = components(n, edges);
      const expectedPoints = order.map((v) => (components(n, edges, v) > whole ? 1 : 0));
      const expectedBridges = edges.map((_, e) => (components(n, edges, -1, e) > whole ? 1 : 0));
      expect([...articulation], `round ${round}`).toEqual(expectedPoints);
      expect([...bridge], `round ${round}`).toEqual(expectedBridges);
    }
  });
});

describe('cutPointsOf at depth', () => {
  it('a path of 200,000 nodes: no stack overflow, every inner node and every edge', () => {
    const n = 200_000;
    const graph = new UndirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    for (let i = 1; i < n; i++) graph.addUndirectedEdge(String(i - 1), String(i));
    const { articulation, bridge } = cutPointsOf(graph);
    expect(articulation[0]).toBe(0);
    expect(articulation[n - 1]).toBe(0);
    expect(articulation.subarray(1, n - 1).every((x) => x === 1)).toBe(true);
    expect(bridge.length).toBe(n - 1);
    expect(bridge.every((x) => x === 1)).toBe(true);
  });
});
