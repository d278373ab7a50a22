/**
 * A synthetic network of any size for the canvas benchmark: communities of power-law
 * sizes, mostly internal edges, skewed towards low-numbered members (a few hubs), weights 1–6. Seeded.
 */
import { seededRandom } from '../lib/rng.ts';

export interface SyntheticGraph {
  community: Int32Array;
  type: Uint8Array;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
}

export function syntheticGraph(nodes: number, edges: number, seed = 42, types = 11): SyntheticGraph {
  const random = seededRandom(seed);
  const communities = Math.max(1, Math.round(Math.sqrt(nodes) / 2.5));
  const community = new Int32Array(nodes);
  const type = new Uint8Array(nodes);
  const members: number[][] = Array.from({ length: communities }, () => []);
  for (let i = 0; i < nodes; i++) {
    const c = Math.min(communities - 1, Math.floor(communities * Math.pow(random(), 1.6)));
    community[i] = c;
    type[i] = Math.floor(random() * types);
    members[c]!.push(i);
  }
  const seen = new Set<number>();
  const source = new Uint32Array(edges);
  const target = new Uint32Array(edges);
  const weight = new Float32Array(edges);
  let e = 0;
  while (e < edges) {
    const a = Math.floor(random() * nodes);
    const pool = random() < 0.85 ? members[community[a]!]! : null;
    const b = pool ? pool[Math.floor(Math.pow(random(), 2) * pool.length)]! : Math.floor(random() * nodes);
    if (a === b) continue;
    const key = Math.min(a, b) * nodes + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    source[e] = Math.min(a, b);
    target[e] = Math.max(a, b);
    weight[e] = 1 + Math.floor(-Math.log(1 - random()) * 0.9);
    e++;
  }
  return { community, type, source, target, weight };
}
