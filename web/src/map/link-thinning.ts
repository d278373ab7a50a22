/**
 * Which links the partner level draws: a dense community is a dark blob with every
 * co-delivery drawn, so each partner keeps only its k strongest links (by weight, then
 * the other end's id, so the choice is stable); a link stays when either end keeps it.
 * Bridges always stay: they are what the "single points of failure" list points at.
 */
export interface WeightedLink {
  source: string;
  target: string;
  weight: number;
  bridge: boolean;
}

/** Indices of the links kept, ascending. `k` of Infinity keeps every link. */
export function strongestLinks(links: readonly WeightedLink[], k: number): number[] {
  if (!(k < links.length)) return links.map((_, i) => i);
  const incident = new Map<string, number[]>();
  links.forEach((link, i) => {
    for (const end of [link.source, link.target]) {
      let list = incident.get(end);
      if (!list) incident.set(end, (list = []));
      list.push(i);
    }
  });
  const kept = new Uint8Array(links.length);
  links.forEach((link, i) => { if (link.bridge) kept[i] = 1; });
  for (const [node, list] of incident) {
    const other = (i: number) => (links[i]!.source === node ? links[i]!.target : links[i]!.source);
    list.sort((a, b) => links[b]!.weight - links[a]!.weight || (other(a) < other(b) ? -1 : other(a) > other(b) ? 1 : 0));
    for (const i of list.slice(0, k)) kept[i] = 1;
  }
  const out: number[] = [];
  kept.forEach((v, i) => { if (v) out.push(i); });
  return out;
}
