/** Finding a node by what a person types: exact id or name first, then a name containing it. */
import type { NetworkNode } from './network.ts';

export function findNode(nodes: readonly NetworkNode[], text: string): number | null {
  const query = text.trim().toLowerCase();
  if (!query) return null;
  const partnerFirst = (a: number, b: number) => Number(nodes[a]!.kind === 'CUSTOMER') - Number(nodes[b]!.kind === 'CUSTOMER') || a - b;
  const matches = (test: (n: NetworkNode) => boolean) => nodes.map((n, i) => (test(n) ? i : -1)).filter((i) => i >= 0).sort(partnerFirst);
  const exact = matches((n) => n.id.toLowerCase() === query || n.label.toLowerCase() === query);
  if (exact.length) return exact[0]!;
  const prefix = matches((n) => n.label.toLowerCase().startsWith(query));
  if (prefix.length) return prefix[0]!;
  const inside = matches((n) => n.label.toLowerCase().includes(query) || n.id.toLowerCase().includes(query));
  return inside.length ? inside[0]! : null;
}
