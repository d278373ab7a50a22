/**
 * From the projection to the computed network (what the worker runs): the CO_DELIVERS
 * graph in id order, its metrics, degrees, the partner-customer edges, and the
 * community overview with its labels and links (contract: Network at scale).
 */
import { byCodeUnits, partnerOrder, rankedGraph, rankPairs } from './co-delivery.ts';
import type { ComputedNetwork } from './computed.ts';
import { metricColumns, type MetricsOptions } from './metrics.ts';
import type { IndexedLinks, Projection } from './projection.ts';

/** A community's `topPartners`: at most this many members, by pagerank. */
export const COMMUNITY_TOP_PARTNERS = 5;

export function computeNetwork(projection: Projection, version: number, computedAt: string,
  options: Partial<MetricsOptions> = {}): ComputedNetwork {
  const { partners } = projection;
  const order = partnerOrder(partners.ids);
  const pairs = rankPairs(projection.coDelivers, order);
  const graph = rankedGraph(partners, order, pairs);
  const metrics = metricColumns(graph, options);
  const pick = <T>(column: readonly T[]) => Array.from(order.order, (index) => column[index]!);
  const ids = pick(partners.ids);

  const customerOrder = partnerOrder(projection.customers.ids);
  const roles = rankRoles(projection.orchestratesFor, projection.contributesTo, order.rank, customerOrder.rank);
  const partnerDegree = new Int32Array(ids.length);
  const customerDegree = new Int32Array(customerOrder.order.length);
  for (let k = 0; k < pairs.source.length; k++) {
    partnerDegree[pairs.source[k]!]! += 1;
    partnerDegree[pairs.target[k]!]! += 1;
  }
  for (let k = 0; k < roles.partner.length; k++) {
    partnerDegree[roles.partner[k]!]! += 1;
    customerDegree[roles.customer[k]!]! += 1;
  }

  const overview = communityOverview(ids, pick(partners.names), pick(partners.regions), pick(partners.capabilities),
    metrics.pagerank, metrics.community, pairs);
  return {
    version,
    computedAt,
    betweennessSample: metrics.betweennessSample,
    partners: {
      ids, names: pick(partners.names), types: pick(partners.types), degree: partnerDegree, betweenness: metrics.betweenness,
      pagerank: metrics.pagerank, community: metrics.community, articulation: metrics.articulation,
    },
    coDelivers: { ...pairs, bridge: metrics.bridge },
    customers: {
      ids: Array.from(customerOrder.order, (i) => projection.customers.ids[i]!),
      names: Array.from(customerOrder.order, (i) => projection.customers.names[i]!),
      degree: customerDegree,
    },
    roles,
    ...overview,
  };
}

/** Partner-customer edges by partner rank, customer rank and kind (0 ORCHESTRATES_FOR, 1 CONTRIBUTES_TO). */
function rankRoles(orchestrates: IndexedLinks, contributes: IndexedLinks, partnerRank: Int32Array, customerRank: Int32Array): ComputedNetwork['roles'] {
  const count = orchestrates.from.length + contributes.from.length;
  const rows: Array<[number, number, number, number]> = [];
  for (const [kind, links] of [orchestrates, contributes].entries()) {
    for (let i = 0; i < links.from.length; i++) rows.push([partnerRank[links.from[i]!]!, customerRank[links.to[i]!]!, kind, links.weight[i]!]);
  }
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const out = { partner: new Int32Array(count), customer: new Int32Array(count), weight: new Float64Array(count), kind: new Uint8Array(count) };
  rows.forEach(([partner, customer, kind, weight], k) => {
    out.partner[k] = partner;
    out.customer[k] = customer;
    out.kind[k] = kind;
    out.weight[k] = weight;
  });
  return out;
}

/**
 * Per community (ids 0..k-1): its size, its label (the region and the capability held
 * at level 3 or more by the most members, then the name of its member with the highest
 * pagerank; ties by code or id; a part no member has is left out) and its top partners;
 * and the summed CO_DELIVERS weight between every two communities.
 */
export function communityOverview(ids: readonly string[], names: readonly string[], regions: readonly string[][],
  capabilities: readonly string[][], pagerank: Float64Array, community: Int32Array,
  pairs: { source: Int32Array; target: Int32Array; weight: Float64Array }): Pick<ComputedNetwork, 'communities' | 'communityLinks'> {
  const count = community.reduce((max, c) => Math.max(max, c + 1), 0);
  const members: number[][] = Array.from({ length: count }, () => []);
  community.forEach((c, rank) => members[c]!.push(rank));
  const label: string[] = [];
  const top: Int32Array[] = [];
  for (const group of members) {
    const byRank = [...group].sort((x, y) => pagerank[y]! - pagerank[x]! || byCodeUnits(ids[x]!, ids[y]!));
    top.push(Int32Array.from(byRank.slice(0, COMMUNITY_TOP_PARTNERS)));
    const parts = [mostHeld(group.map((m) => regions[m]!)), mostHeld(group.map((m) => capabilities[m]!))];
    if (byRank.length > 0) parts.push(names[byRank[0]!]!);
    label.push(parts.filter((part): part is string => part !== null).join(' · '));
  }

  const links = new Map<number, number>();
  for (let k = 0; k < pairs.source.length; k++) {
    const a = community[pairs.source[k]!]!;
    const b = community[pairs.target[k]!]!;
    if (a === b) continue;
    const key = a < b ? a * count + b : b * count + a;
    links.set(key, (links.get(key) ?? 0) + pairs.weight[k]!);
  }
  const keys = [...links.keys()].sort((x, y) => x - y);
  return {
    communities: { size: Int32Array.from(members, (group) => group.length), label, top },
    communityLinks: {
      source: Int32Array.from(keys, (key) => Math.floor(key / count)),
      target: Int32Array.from(keys, (key) => key % count),
      weight: Float64Array.from(keys, (key) => links.get(key)!),
    },
  };
}

/** The code held by the most of the lists (each list counts a code once), ties by code; null when none holds any. */
function mostHeld(lists: readonly string[][]): string | null {
  const counts = new Map<string, number>();
  for (const list of lists) for (const code of new Set(list)) counts.set(code, (counts.get(code) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [code, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && byCodeUnits(code, best) < 0)) {
      best = code;
      bestCount = n;
    }
  }
  return best;
}
