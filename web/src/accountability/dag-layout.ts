/**
 * A layered layout for a small DAG, top to bottom: each node on the layer of its longest
 * path from the source (so every edge points down), orders within layers by the
 * barycentre of their parents, a few sweeps. Deterministic; pure.
 */
export interface LayoutEdge { from: string; to: string }

export interface DagLayout {
  positions: Map<string, { x: number; y: number; layer: number }>;
  width: number;
  height: number;
}

export interface DagLayoutOptions {
  nodeWidth: number;
  /** Every node's height, unless `heightOf` gives each its own (a layer is as tall as its tallest node). */
  nodeHeight: number;
  heightOf?: (id: string) => number;
  gapX: number;
  gapY: number;
  margin: number;
}

const DEFAULTS: DagLayoutOptions = { nodeWidth: 190, nodeHeight: 58, gapX: 24, gapY: 44, margin: 12 };

export function layerOf(ids: readonly string[], edges: readonly LayoutEdge[]): Map<string, number> {
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) parents.get(e.to)?.push(e.from);
  const layer = new Map<string, number>();
  const visit = (id: string, stack: Set<string>): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (stack.has(id)) return 0;   // not a DAG: cut the cycle rather than loop
    stack.add(id);
    const ps = parents.get(id) ?? [];
    const value = ps.length === 0 ? 0 : Math.max(...ps.map((p) => visit(p, stack) + 1));
    stack.delete(id);
    layer.set(id, value);
    return value;
  };
  for (const id of ids) visit(id, new Set());
  return layer;
}

export function layoutDag(ids: readonly string[], edges: readonly LayoutEdge[], options: Partial<DagLayoutOptions> = {}): DagLayout {
  const o = { ...DEFAULTS, ...options };
  const layer = layerOf(ids, edges);
  const depth = Math.max(0, ...layer.values());
  const layers: string[][] = Array.from({ length: depth + 1 }, () => []);
  for (const id of ids) layers[layer.get(id)!]!.push(id);
  const order = new Map<string, number>();
  layers.forEach((members) => members.sort().forEach((id, i) => order.set(id, i)));
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) { parents.get(e.to)?.push(e.from); children.get(e.from)?.push(e.to); }
  const barycentre = (id: string, neighbours: Map<string, string[]>) => {
    const ns = neighbours.get(id) ?? [];
    return ns.length ? ns.reduce((s, n) => s + order.get(n)!, 0) / ns.length : order.get(id)!;
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    const down = sweep % 2 === 0;
    const sequence = down ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const members of sequence) {
      const keyed = members.map((id) => ({ id, key: barycentre(id, down ? parents : children) }));
      keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1));
      members.splice(0, members.length, ...keyed.map((k) => k.id));
      members.forEach((id, i) => order.set(id, i));
    }
  }
  const widest = Math.max(1, ...layers.map((l) => l.length));
  const width = o.margin * 2 + widest * o.nodeWidth + (widest - 1) * o.gapX;
  const positions = new Map<string, { x: number; y: number; layer: number }>();
  const heightOf = o.heightOf ?? (() => o.nodeHeight);
  let top = o.margin;
  layers.forEach((members, l) => {
    const rowWidth = members.length * o.nodeWidth + (members.length - 1) * o.gapX;
    const start = (width - rowWidth) / 2;
    members.forEach((id, i) => positions.set(id, { x: start + i * (o.nodeWidth + o.gapX), y: top, layer: l }));
    top += Math.max(0, ...members.map(heightOf)) + o.gapY;
  });
  return { positions, width, height: top - o.gapY + o.margin };
}
