/**
 * One request's view of a computed network (contract: Network at scale): the nodes
 * `communities` and `limit` choose, the edges among them, and the whole network's
 * overview. Metrics are never recomputed here; they describe the whole filtered network.
 */
import type { ComputedNetwork } from './computed.ts';
import { compareEdges, compareNodes, type Network, type NetworkEdge, type NetworkNode } from './network-view.ts';

export interface Selection {
  /** Only partners in these communities, and customers linked to them; null for all. */
  communities: readonly number[] | null;
  /** At most this many nodes, the highest degree first (ties by id, then kind). */
  limit: number;
}

/** Nodes of a computed network by degree descending, then id, then kind: computed once per network, on first use. */
interface RankedNode { customer: boolean; index: number }
const rankings = new WeakMap<ComputedNetwork, RankedNode[]>();

function ranking(computed: ComputedNetwork): RankedNode[] {
  let ranked = rankings.get(computed);
  if (!ranked) {
    const { partners, customers } = computed;
    const all: RankedNode[] = [
      ...partners.ids.map((_, index) => ({ customer: false, index })),
      ...customers.ids.map((_, index) => ({ customer: true, index })),
    ];
    const degree = (n: RankedNode) => (n.customer ? customers.degree : partners.degree)[n.index]!;
    const identity = (n: RankedNode) => ({ id: (n.customer ? customers.ids : partners.ids)[n.index]!, kind: n.customer ? 'CUSTOMER' : 'PARTNER' } as const);
    ranked = all.sort((a, b) => degree(b) - degree(a) || compareNodes(identity(a), identity(b)));
    rankings.set(computed, ranked);
  }
  return ranked;
}

export function selectNetwork(computed: ComputedNetwork, selection: Selection, stale: boolean): Network {
  const { partners, customers, coDelivers, roles } = computed;
  const wanted = selection.communities === null ? null : new Set(selection.communities);
  const candidatePartner = (rank: number) => wanted === null || wanted.has(partners.community[rank]!);
  // With `communities`, a customer is a candidate when it is linked to a candidate partner.
  const candidateCustomer = new Uint8Array(customers.ids.length);
  if (wanted === null) candidateCustomer.fill(1);
  else for (let k = 0; k < roles.partner.length; k++) if (candidatePartner(roles.partner[k]!)) candidateCustomer[roles.customer[k]!] = 1;

  let partnerCount = 0;
  for (let rank = 0; rank < partners.ids.length; rank++) if (candidatePartner(rank)) partnerCount += 1;

  const keptPartner = new Uint8Array(partners.ids.length);
  const keptCustomer = new Uint8Array(customers.ids.length);
  let kept = 0;
  let truncated = false;
  for (const node of ranking(computed)) {
    if (!(node.customer ? candidateCustomer[node.index] === 1 : candidatePartner(node.index))) continue;
    if (kept === selection.limit) { truncated = true; break; }
    (node.customer ? keptCustomer : keptPartner)[node.index] = 1;
    kept += 1;
  }

  let nodes: NetworkNode[] = [];
  for (let rank = 0; rank < partners.ids.length; rank++) if (keptPartner[rank]) nodes.push(partnerNode(computed, rank));
  const customerNodes: NetworkNode[] = [];
  for (let index = 0; index < customers.ids.length; index++) if (keptCustomer[index]) customerNodes.push(customerNode(computed, index));
  if (customerNodes.length > 0) nodes = nodes.concat(customerNodes).sort(compareNodes);

  const edges: NetworkEdge[] = [];
  for (let k = 0; k < coDelivers.source.length; k++) {
    const source = coDelivers.source[k]!;
    const target = coDelivers.target[k]!;
    if (!keptPartner[source] || !keptPartner[target]) continue;
    edges.push({
      source: partners.ids[source]!, target: partners.ids[target]!, kind: 'CO_DELIVERS', weight: coDelivers.weight[k]!, bridge: coDelivers.bridge[k] === 1,
    });
  }
  const coDeliveryEdges = edges.length;
  for (let k = 0; k < roles.partner.length; k++) {
    if (!keptPartner[roles.partner[k]!] || !keptCustomer[roles.customer[k]!]) continue;
    edges.push({
      source: partners.ids[roles.partner[k]!]!, target: customers.ids[roles.customer[k]!]!,
      kind: roles.kind[k] === 0 ? 'ORCHESTRATES_FOR' : 'CONTRIBUTES_TO', weight: roles.weight[k]!, bridge: false,
    });
  }
  // CO_DELIVERS edges come in order already; customer edges interleave with them by target.
  if (edges.length > coDeliveryEdges) edges.sort(compareEdges);

  return {
    nodes,
    edges,
    truncated,
    partnerCount,
    computedAt: computed.computedAt,
    stale,
    betweennessSample: computed.betweennessSample,
    communities: Array.from(computed.communities.size, (size, id) => ({
      id, size, label: computed.communities.label[id]!, topPartners: Array.from(computed.communities.top[id]!, (rank) => partnerNode(computed, rank)),
    })),
    communityLinks: Array.from(computed.communityLinks.source, (source, k) => ({
      source, target: computed.communityLinks.target[k]!, weight: computed.communityLinks.weight[k]!,
    })),
  };
}

function partnerNode({ partners }: ComputedNetwork, rank: number): NetworkNode {
  return {
    id: partners.ids[rank]!, kind: 'PARTNER', label: partners.names[rank]!, partnerType: partners.types[rank]!, degree: partners.degree[rank]!,
    betweenness: partners.betweenness[rank]!, pagerank: partners.pagerank[rank]!, community: partners.community[rank]!,
    articulationPoint: partners.articulation[rank] === 1,
  };
}

function customerNode({ customers }: ComputedNetwork, index: number): NetworkNode {
  return {
    id: customers.ids[index]!, kind: 'CUSTOMER', label: customers.names[index]!, partnerType: null, degree: customers.degree[index]!,
    betweenness: 0, pagerank: 0, community: -1, articulationPoint: false,
  };
}
