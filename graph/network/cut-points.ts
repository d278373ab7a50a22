/**
 * Articulation points and bridges of an undirected graph (Hopcroft–Tarjan, one DFS).
 * graphology has no package for them, so this is written here; the DFS keeps its own
 * stack, since the call stack would overflow on the long paths of a 100,000-partner graph.
 */
import type { AbstractGraph } from 'graphology-types';

export interface CutPoints {
  /** 1 for an articulation point, per node in forEachNode order */
  articulation: Uint8Array;
  /** 1 for a bridge, per edge in forEachEdge order */
  bridge: Uint8Array;
}

/**
 * A node is an articulation point when removing it leaves more connected components; an
 * edge is a bridge when removing it does. Edge direction is ignored. Self loops never
 * count, and two parallel edges between the same pair are not bridges (the DFS skips the
 * edge it came in by, not every edge to its parent), though the CO_DELIVERS graph has
 * neither. O(V+E) time and memory.
 */
export function cutPointsOf(graph: AbstractGraph): CutPoints {
  const n = graph.order;
  const m = graph.size;
  const { starts, neighbours, edges } = adjacency(graph);
  const articulation = new Uint8Array(n);
  const bridge = new Uint8Array(m);

  // discovery[v]: 1-based DFS number, 0 while unvisited. low[v]: the smallest discovery
  // number reachable from v's subtree by tree edges and then one back edge.
  const discovery = new Int32Array(n);
  const low = new Int32Array(n);
  const parentEdge = new Int32Array(n);
  const next = new Int32Array(n); // v's next adjacency slot to look at
  const stack = new Int32Array(n);
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (discovery[root] !== 0) continue;
    discovery[root] = low[root] = ++time;
    parentEdge[root] = -1;
    next[root] = starts[root];
    stack[0] = root;
    let top = 1;
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1];
      if (next[v] < starts[v + 1]) {
        const slot = next[v]++;
        const w = neighbours[slot];
        const e = edges[slot];
        if (e === parentEdge[v]) continue;
        if (discovery[w] === 0) {
          discovery[w] = low[w] = ++time;
          parentEdge[w] = e;
          next[w] = starts[w];
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (discovery[w] < low[v]) {
          low[v] = discovery[w];
        }
        continue;
      }
      // v is finished: hand its low to its parent u and judge the tree edge u–v.
      top--;
      if (top === 0) break;
      const u = stack[top - 1];
      if (low[v] < low[u]) low[u] = low[v];
      if (low[v] > discovery[u]) bridge[parentEdge[v]] = 1;
      if (u !== root && low[v] >= discovery[u]) articulation[u] = 1;
    }
    // A root separates only what it roots twice over.
    if (rootChildren >= 2) articulation[root] = 1;
  }
  return { articulation, bridge };
}

/**
 * Compressed adjacency: node i's neighbours are neighbours[starts[i] .. starts[i+1]),
 * and edges[] holds, slot for slot, the forEachEdge index of the edge reaching each.
 */
function adjacency(graph: AbstractGraph): { starts: Int32Array; neighbours: Int32Array; edges: Int32Array } {
  const n = graph.order;
  const index = new Map<string, number>();
  let i = 0;
  graph.forEachNode((node) => { index.set(node, i++); });

  const ends = new Int32Array(2 * graph.size);
  const starts = new Int32Array(n + 1);
  let e = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    ends[2 * e] = s;
    ends[2 * e + 1] = t;
    if (s !== t) {
      starts[s + 1]++;
      starts[t + 1]++;
    }
    e++;
  });
  for (let v = 0; v < n; v++) starts[v + 1] += starts[v];

  const fill = starts.slice(0, n);
  const neighbours = new Int32Array(starts[n]);
  const edges = new Int32Array(starts[n]);
  for (let k = 0; k < e; k++) {
    const s = ends[2 * k];
    const t = ends[2 * k + 1];
    if (s === t) continue;
    neighbours[fill[s]] = t;
    edges[fill[s]++] = k;
    neighbours[fill[t]] = s;
    edges[fill[t]++] = k;
  }
  return { starts, neighbours, edges };
}
