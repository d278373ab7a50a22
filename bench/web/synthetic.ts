/**
 * Network answers of the real shape and size for the map benchmark, made from the
 * statistics of the seeded generator's networks as the API computed them
 * (bench/BENCHMARKS.md, "network, over HTTP": partners in the network, communities and
 * links between them), not from a database: community sizes fall off as Zipf's law does
 * (exponent 0.8), the largest community's partners co-deliver with about 24 others each,
 * and one in twenty hangs on a single link (a bridge to an articulation point). Seeded.
 */
import type { CommunityAnswer, OverviewAnswer } from '../../web/src/map/network.ts';
import { PARTNER_TYPES } from '../../web/src/lib/palette.ts';
import { seededRandom } from '../../web/src/lib/rng.ts';

export interface Scale {
  name: string;
  /** Partners in the whole filtered network (partnerCount). */
  partners: number;
  communities: number;
  communityLinks: number;
}

/** The sample and the generator's M and L, as their overviews reported (BENCHMARKS.md). */
export const SCALES: Record<string, Scale> = {
  sample: { name: 'sample', partners: 37, communities: 4, communityLinks: 6 },
  M: { name: 'M', partners: 6_870, communities: 42, communityLinks: 55 },
  L: { name: 'L', partners: 65_100, communities: 817, communityLinks: 153 },
};

const REGIONS = ['DE', 'FR', 'US', 'JP', 'UK', 'NL', 'BR', 'IN'];
const CAPABILITIES = ['sap', 'salesforce', 'aws', 'azure', 'data', 'ai', 'security', 'erp'];
const id = (i: number) => `p-${String(i).padStart(6, '0')}`;

export function communitySizes(scale: Scale): number[] {
  const weights = Array.from({ length: scale.communities }, (_, i) => 1 / (i + 1) ** 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(2, Math.round((w / total) * scale.partners)));
  sizes[0]! += scale.partners - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

export function overviewAnswer(scale: Scale, seed = 42): OverviewAnswer {
  const random = seededRandom(seed);
  const sizes = communitySizes(scale);
  let next = 0;
  const communities = sizes.map((size, c) => {
    const first = next;
    next += size;
    return {
      id: c, size,
      label: `${REGIONS[c % REGIONS.length]} · ${CAPABILITIES[(c * 3) % CAPABILITIES.length]} · Partner ${first}`,
      topPartners: Array.from({ length: Math.min(5, size) }, (_, k) => ({ id: id(first + k), label: `Partner ${first + k}` })),
    };
  });
  const seen = new Set<string>();
  const communityLinks: OverviewAnswer['communityLinks'] = [];
  while (communityLinks.length < Math.min(scale.communityLinks, (scale.communities * (scale.communities - 1)) / 2)) {
    // Big communities meet more often: pick ends by size.
    const a = Math.floor(random() ** 2 * scale.communities), b = Math.floor(random() ** 2 * scale.communities);
    if (a === b || seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
    seen.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
    communityLinks.push({ source: Math.min(a, b), target: Math.max(a, b), weight: 1 + Math.floor(random() * 40) });
  }
  communityLinks.sort((x, y) => x.source - y.source || x.target - y.target);
  return { partnerCount: scale.partners, stale: false, computedAt: new Date().toISOString(), betweennessSample: scale.partners > 2_000 ? 200 : null, communities, communityLinks };
}

/** The largest community's answer: its partners, their links, articulation points and bridges. */
export function largestCommunityAnswer(scale: Scale, seed = 42, degree = 24): CommunityAnswer {
  const random = seededRandom(seed + 1);
  const n = communitySizes(scale)[0]!;
  const pendants = Math.floor(n / 20);
  const core = n - pendants;
  const edges = new Map<string, { source: string; target: string; kind: string; weight: number; bridge: boolean }>();
  const add = (a: number, b: number, bridge: boolean) => {
    const [s, t] = a < b ? [a, b] : [b, a];
    const key = `${s}-${t}`;
    if (s === t || edges.has(key)) return false;
    edges.set(key, { source: id(s), target: id(t), kind: 'CO_DELIVERS', weight: 1 + Math.floor(-Math.log(1 - random()) * 1.5), bridge });
    return true;
  };
  // A ring keeps the core in one piece (so the only bridges are the pendants'); the rest skews towards hubs.
  for (let i = 0; i < core; i++) add(i, (i + 1) % core, false);
  // Never more links than the core's pairs: the sample's largest community (a dozen partners)
  // cannot have 24 partners each, and asking for more made this loop forever.
  const target = Math.min(Math.round((core * degree) / 2), (core * (core - 1)) / 2);
  while (edges.size < target) add(Math.floor(random() * core), Math.floor(random() ** 2 * core), false);
  const anchors = new Set<number>();
  for (let p = core; p < n; p++) {
    const anchor = Math.floor(random() * core);
    anchors.add(anchor);
    add(p, anchor, true);
  }
  const deg = new Uint32Array(n);
  for (const e of edges.values()) { deg[Number(e.source.slice(2))]!++; deg[Number(e.target.slice(2))]!++; }
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: id(i), kind: 'PARTNER', label: `Partner ${i}`, partnerType: PARTNER_TYPES[i % PARTNER_TYPES.length]!,
    degree: deg[i]!, betweenness: anchors.has(i) ? 0.01 + random() * 0.05 : random() * 0.01, pagerank: (deg[i]! + 1) / (n * degree),
    community: 0, articulationPoint: anchors.has(i),
  }));
  return { truncated: false, partnerCount: scale.partners, stale: false, computedAt: new Date().toISOString(), nodes, edges: [...edges.values()] };
}
