/**
 * Labels that never collide: candidates in priority order (largest first), each placed
 * only when its box overlaps no box placed before. A grid of cells indexes the placed
 * boxes, so a frame with thousands of candidates stays cheap. Pure: boxes in, keys out.
 */
export interface LabelBox {
  key: string;
  /** Top-left corner and size, in screen pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes placed, in the order given (callers sort by priority), at most `max`. */
export function placeLabels(candidates: readonly LabelBox[], max = Infinity, cell = 64): LabelBox[] {
  const grid = new Map<string, LabelBox[]>();
  const placed: LabelBox[] = [];
  const cellsOf = (b: LabelBox) => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x / cell); cx <= Math.floor((b.x + b.width) / cell); cx++) {
      for (let cy = Math.floor(b.y / cell); cy <= Math.floor((b.y + b.height) / cell); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  };
  for (const box of candidates) {
    if (placed.length >= max) break;
    const cells = cellsOf(box);
    const hit = cells.some((c) => grid.get(c)?.some((o) => overlaps(o, box)));
    if (hit) continue;
    placed.push(box);
    for (const c of cells) {
      let list = grid.get(c);
      if (!list) grid.set(c, (list = []));
      list.push(box);
    }
  }
  return placed;
}

export function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
