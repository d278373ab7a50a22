/**
 * How close the k-source betweenness estimate comes to the exact value on one graph:
 * overlap of the top-20 sets and Spearman's rank correlation over all nodes, plus the
 * time of each. The exact run can be passed in, since it costs n/k sampled runs and the
 * benchmark compares several k and seeds against one.
 */
import type { AbstractGraph } from 'graphology-types';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { betweennessOf } from '../graph/network/index.ts';

export interface ExactBetweenness {
  values: Float64Array;
  ms: number;
}

export interface BetweennessAccuracy {
  nodes: number;
  edges: number;
  k: number;
  seed: number;
  exactMs: number;
  sampledMs: number;
  /** |top20(exact) ∩ top20(estimate)| / 20, ties broken by node id. */
  top20Overlap: number;
  /** Spearman's rho over all nodes, tied values given their average rank. */
  spearman: number;
  /** The same over the nodes whose exact value is > 0 (without the many zeros both agree on). */
  spearmanNonZero: number;
}

/** Every node a source, whatever the graph's size. */
export function exactBetweenness(graph: AbstractGraph): ExactBetweenness {
  const started = performance.now();
  const { values } = betweennessOf(graph, { exactMaxNodes: Infinity });
  return { values, ms: performance.now() - started };
}

export function measureBetweennessAccuracy(graph: AbstractGraph, k: number, seed = 42, exact: ExactBetweenness = exactBetweenness(graph)): BetweennessAccuracy {
  const started = performance.now();
  // exactMaxNodes 0: estimate even when the graph is small enough for the exact value.
  const estimate = betweennessOf(graph, { exactMaxNodes: 0, sample: k, seed }).values;
  const sampledMs = performance.now() - started;
  const ids = graph.nodes();
  return {
    nodes: graph.order,
    edges: graph.size,
    k,
    seed,
    exactMs: exact.ms,
    sampledMs,
    top20Overlap: topOverlap(ids, exact.values, estimate, 20),
    spearman: spearman(exact.values, estimate),
    spearmanNonZero: spearman(...onlyWhere(exact.values, estimate)),
  };
}

function onlyWhere(exact: Float64Array, estimate: Float64Array): [Float64Array, Float64Array] {
  const keep = (_: number, i: number) => exact[i]! > 0;
  return [exact.filter(keep), estimate.filter(keep)];
}

/** Share of the `top` highest of `a` that are among the `top` highest of `b`; ties by id (code units). */
function topOverlap(ids: readonly string[], a: ArrayLike<number>, b: ArrayLike<number>, top: number): number {
  const topOf = (values: ArrayLike<number>) => new Set(
    ids.map((_, i) => i).sort((x, y) => values[y]! - values[x]! || (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0)).slice(0, top),
  );
  const inA = topOf(a);
  let shared = 0;
  for (const i of topOf(b)) if (inA.has(i)) shared++;
  return shared / Math.min(top, ids.length);
}

/** Pearson correlation of the average ranks; 1 when both are constant, NaN when only one is. */
function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const n = ra.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i]! - mean) * (rb[i]! - mean);
    saa += (ra[i]! - mean) ** 2;
    sbb += (rb[i]! - mean) ** 2;
  }
  if (saa === 0 && sbb === 0) return 1;
  return sab / Math.sqrt(saa * sbb);
}

/** 1-based ranks, ascending; a run of equal values shares the mean of its ranks. */
function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => values[x]! - values[y]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]!] = rank;
    start = end;
  }
  return ranks;
}

/**
 * The largest number of shortest paths from one source to one node over `sources` sources
 * spread evenly over the graph: how far graphology's Uint32Array path counts are from
 * wrapping (betweennessOf throws if they ever do).
 */
export function largestPathCount(graph: AbstractGraph, sources: number): number {
  const brandes = createUnweightedIndexedBrandes(graph);
  const step = Math.max(1, Math.floor(graph.order / sources));
  let largest = 0;
  for (let s = 0; s < graph.order; s += step) {
    const [S, , sigma] = brandes(s);
    // The pass leaves its stack full; the next one pushes onto it.
    S.clear();
    for (let i = 0; i < sigma.length; i++) if (sigma[i]! > largest) largest = sigma[i]!;
  }
  return largest;
}
