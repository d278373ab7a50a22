/** Finding a partner by what a person types: exact id or name first, then a name starting with it, then containing it. */
import type { IndexedPartner } from './map.queries.ts';

export function findPartner(partners: readonly IndexedPartner[], text: string): IndexedPartner | null {
  const query = text.trim().toLowerCase();
  if (!query) return null;
  const first = (test: (p: IndexedPartner) => boolean) => {
    let best: IndexedPartner | null = null;
    for (const p of partners) if (test(p) && (!best || p.id < best.id)) best = p;
    return best;
  };
  return first((p) => p.id.toLowerCase() === query || p.label.toLowerCase() === query)
    ?? first((p) => p.label.toLowerCase().startsWith(query))
    ?? first((p) => p.label.toLowerCase().includes(query) || p.id.toLowerCase().includes(query));
}
