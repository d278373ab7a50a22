/**
 * Betweenness of the co-delivery graph: exact (Brandes) up to BETWEENNESS_EXACT_MAX_NODES
 * partners, above that NetworkX's `k` estimate (Brandes from k sampled sources, scaled by
 * n/k). Both run graphology's own single-source pass (graphology-shortest-path's indexed
 * Brandes, the one graphology-metrics' betweenness runs), through one accumulation loop,
 * so the exact branch is graphology-metrics' answer and the estimate differs from it only
 * in which sources are summed.
 */
import type { AbstractGraph } from 'graphology-types';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { mulberry32 } from './random.ts';

/** Up to this many partners, every partner is a source (the contract's "exact" bound). */
export const BETWEENNESS_EXACT_MAX_NODES = 2000;

/**
 * k, chosen by measurement (bench/betweenness.ts, bench/BETWEENNESS.md): the smallest k
 * of 100, 200, 400, 800 whose top-20 overlap with exact was >= 0.9 and Spearman >= 0.95
 * on each of 10 seeds at M (its whole graph and a 3,000-partner regional one). At L
 * (100,000 partners, 2M edges) one source costs a few hundred ms on two shared cores,
 * so 200 sources take about a minute of the 5-minute recomputation; 400 would risk it.
 */
export const BETWEENNESS_SAMPLE_SOURCES = 200;

export interface Betweenness {
  /** per node, in graph.forEachNode order */
  values: Float64Array;
  /** null when exact, else k */
  sample: number | null;
}

export interface BetweennessOptions {
  /** Graphs of at most this many nodes get the exact value (default BETWEENNESS_EXACT_MAX_NODES). */
  exactMaxNodes?: number;
  /** k, the number of sources of the estimate (default BETWEENNESS_SAMPLE_SOURCES). */
  sample?: number;
  /** Seeds the draw of the k sources: the same graph and seed give the same values (default 42). */
  seed?: number;
}

/**
 * Unweighted betweenness, normalised for an undirected graph by 1/((n-1)(n-2)), which on
 * graphology's raw sums (every unordered pair counted from both ends) is NetworkX's
 * `normalized=True`. With k sampled sources the raw sums are multiplied by n/k first, as
 * NetworkX does with `k`. When k >= n every node is a source: that is the exact value and
 * `sample` is null. n <= 2: all 0.
 *
 * Time O(s·(V+E)) for s sources (s = n when exact), memory O(V+E).
 *
 * Path counts are graphology's Uint32Array; a count that wrapped would make every value
 * silently wrong, so the accumulation checks each node's count against the sum of its
 * predecessors' (exact in a double) and throws a RangeError instead of answering.
 */
export function betweennessOf(graph: AbstractGraph, options: BetweennessOptions = {}): Betweenness {
  const exactMaxNodes = options.exactMaxNodes ?? BETWEENNESS_EXACT_MAX_NODES;
  const k = options.sample ?? BETWEENNESS_SAMPLE_SOURCES;
  const seed = options.seed ?? 42;
  if (!(exactMaxNodes >= 0)) throw new RangeError(`exactMaxNodes must be >= 0, got ${exactMaxNodes}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`sample must be a whole number >= 1, got ${k}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);

  const n = graph.order;
  const values = new Float64Array(n);
  const exact = n <= exactMaxNodes || k >= n;
  const sample = exact ? null : k;
  if (n <= 2) return { values, sample };

  const sources = exact ? allSources(n) : sampleSources(n, k, seed);
  const brandes = createUnweightedIndexedBrandes(graph);
  const delta = new Float64Array(n);
  for (const s of sources) {
    const [S, P, sigma] = brandes(s);
    // Only the nodes reached from s are read below; zeroing all n is one memset, and the
    // pass has just touched all n anyway (graphology resets its arrays per source).
    delta.fill(0);
    while (S.size !== 0) {
      const w = S.pop()!;
      const sigmaW = sigma[w];
      const preds = P[w];
      const coefficient = (1 + delta[w]) / sigmaW;
      let paths = 0;
      for (let j = 0; j < preds.length; j++) {
        const v = preds[j];
        paths += sigma[v];
        delta[v] += sigma[v] * coefficient;
      }
      if (w !== s) {
        if (paths !== sigmaW) throw new RangeError(`betweenness: 2^32 or more shortest paths from one source to node ${w}; graphology's path counts wrapped`);
        values[w] += delta[w];
      }
    }
  }

  const scale = (exact ? 1 : n / k) / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) values[i] *= scale;
  return { values, sample };
}

function allSources(n: number): Uint32Array {
  const sources = new Uint32Array(n);
  for (let i = 0; i < n; i++) sources[i] = i;
  return sources;
}

/**
 * k distinct node indices, uniformly: the first k steps of a Fisher–Yates shuffle of
 * 0..n-1 driven by mulberry32(seed), so the draw depends only on (n, k, seed).
 */
function sampleSources(n: number, k: number, seed: number): Uint32Array {
  const random = mulberry32(seed);
  const indices = allSources(n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = indices[i];
    indices[i] = indices[j];
    indices[j] = swap;
  }
  return indices.subarray(0, k);
}
