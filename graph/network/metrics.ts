/**
 * Centrality and communities of the co-delivery graph, with graphology's own
 * algorithms only (graphology-metrics, graphology-communities-louvain): nothing here
 * re-implements them, it chooses their options and shapes their answers.
 */
import { mulberry32 } from './random.ts';
import { createRequire } from 'node:module';
import type { AbstractGraph } from 'graphology-types';
import { pagerank } from 'graphology-metrics/centrality/index.js';
import { betweennessOf } from './betweenness.ts';
import { cutPointsOf } from './cut-points.ts';
import { byCodeUnits } from './co-delivery.ts';

// The package is CommonJS (`module.exports = louvain`) with typings that declare a
// default export, which NodeNext reads as `{ default }`: require gives the function.
const louvain = createRequire(import.meta.url)('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;

export interface MetricsOptions {
  /** PageRank damping factor. */
  alpha: number;
  /** PageRank stops when the summed change of one iteration is below order × tolerance (NetworkX's rule). */
  tolerance: number;
  maxIterations: number;
  /** Seeds Louvain's random node order: the same graph and seed give the same communities. */
  seed: number;
}

export const METRICS_DEFAULTS: MetricsOptions = { alpha: 0.85, tolerance: 1e-6, maxIterations: 100, seed: 42 };

export interface NodeMetrics {
  betweenness: number;
  pagerank: number;
  /** 0..k-1, numbered in the order of each community's smallest member id. */
  community: number;
  articulationPoint: boolean;
}

/** Every metric of the graph as columns: per node in forEachNode order, per edge in forEachEdge order. */
export interface MetricColumns {
  betweenness: Float64Array;
  /** Null when betweenness is exact, else the number of sampled sources. */
  betweennessSample: number | null;
  pagerank: Float64Array;
  community: Int32Array;
  articulation: Uint8Array;
  bridge: Uint8Array;
}

/**
 * Per node of an undirected graph whose edges carry a `weight`:
 *
 * - betweenness: unweighted (every edge counts 1), normalised as for an undirected
 *   graph: the share of the (n-1)(n-2)/2 pairs of other nodes whose shortest paths run
 *   through the node (NetworkX's `normalized=True`); exact up to 2,000 nodes, above
 *   that estimated from a seeded sample of sources (betweenness.ts).
 * - pagerank: damping `alpha`, edges weighted by `weight`, dangling (isolated) nodes
 *   spreading their rank evenly (as NetworkX). O(iterations·E).
 * - community: Louvain on `weight`, resolution 1, its random walk drawn from a
 *   generator seeded with `seed`. About O(E log V).
 * - articulation points and bridges, exact, O(V + E) (cut-points.ts).
 */
export function metricColumns(graph: AbstractGraph, options: Partial<MetricsOptions> = {}): MetricColumns {
  const { alpha, tolerance, maxIterations, seed } = { ...METRICS_DEFAULTS, ...options };
  const n = graph.order;
  const between = betweennessOf(graph, { seed });
  const pagerankColumn = new Float64Array(n);
  const communityColumn = new Int32Array(n);
  if (n > 0) {
    const rank = pagerank(graph, { getEdgeWeight: 'weight', alpha, tolerance, maxIterations });
    const communities = normaliseCommunities(louvain(graph, { getEdgeWeight: 'weight', rng: mulberry32(seed) }));
    let i = 0;
    graph.forEachNode((id) => {
      pagerankColumn[i] = rank[id] ?? 0;
      communityColumn[i] = communities.get(id) ?? -1;
      i += 1;
    });
  }
  const cuts = cutPointsOf(graph);
  return {
    betweenness: between.values, betweennessSample: between.sample, pagerank: pagerankColumn, community: communityColumn,
    articulation: cuts.articulation, bridge: cuts.bridge,
  };
}

/** The same metrics by node id (tests and small graphs). */
export function networkMetrics(graph: AbstractGraph, options: Partial<MetricsOptions> = {}): Map<string, NodeMetrics> {
  const columns = metricColumns(graph, options);
  const out = new Map<string, NodeMetrics>();
  let i = 0;
  graph.forEachNode((id) => {
    out.set(id, {
      betweenness: columns.betweenness[i]!, pagerank: columns.pagerank[i]!, community: columns.community[i]!,
      articulationPoint: columns.articulation[i] === 1,
    });
    i += 1;
  });
  return out;
}

/**
 * Renumbers communities 0..k-1 in the order of their smallest member id, so the
 * numbers depend on the partition only, not on Louvain's internal labels.
 */
export function normaliseCommunities(communities: Readonly<Record<string, number>>): Map<string, number> {
  const smallest = new Map<number, string>();
  for (const [id, community] of Object.entries(communities)) {
    const seen = smallest.get(community);
    if (seen === undefined || byCodeUnits(id, seen) < 0) smallest.set(community, id);
  }
  const order = [...smallest.entries()].sort((x, y) => byCodeUnits(x[1], y[1]));
  const renumber = new Map(order.map(([community], index) => [community, index]));
  return new Map(Object.entries(communities).map(([id, community]) => [id, renumber.get(community)!]));
}

