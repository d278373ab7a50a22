/**
 * `limit` on a network (contract: Network.truncated): keeps the highest-degree nodes
 * and the edges among them.
 */
import { compareNodes, type Network, type NetworkNode } from './network-view.ts';

/** Partner and customer ids are separate namespaces; edges say which end is which. */
const key = (kind: NetworkNode['kind'], id: string) => `${kind}\u0000${id}`;

/**
 * The `limit` nodes of highest `degree` (ties in node order: smaller id first), in
 * the network's own node order, and the edges whose both ends are kept, in the
 * network's edge order. Node metrics are left as they were: they describe the
 * whole network. `truncated` is true when nodes were cut. `limit` >= 0;
 * O(V log V + E); the input is not changed.
 */
export function truncateNetwork(network: Network, limit: number): Network {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number >= 0, got ${limit}`);
  if (network.nodes.length <= limit) return { nodes: network.nodes, edges: network.edges, truncated: network.truncated };
  const ranked = [...network.nodes].sort((a, b) => b.degree - a.degree || compareNodes(a, b));
  const kept = new Set(ranked.slice(0, limit).map((n) => key(n.kind, n.id)));
  return {
    nodes: network.nodes.filter((n) => kept.has(key(n.kind, n.id))),
    edges: network.edges.filter((e) => kept.has(key('PARTNER', e.source))
      && kept.has(key(e.kind === 'CO_DELIVERS' ? 'PARTNER' : 'CUSTOMER', e.target))),
    truncated: true,
  };
}
