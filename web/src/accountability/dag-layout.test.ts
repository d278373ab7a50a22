import { describe, expect, it } from 'vitest';
import { layerOf, layoutDag } from './dag-layout.ts';

describe('the DAG layout', () => {
  const edges = [{ from: 'o', to: 'a' }, { from: 'o', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'c' }, { from: 'o', to: 'c' }];

  it('puts every node below all its parents (longest path layering)', () => {
    expect(Object.fromEntries(layerOf(['o', 'a', 'b', 'c'], edges))).toEqual({ o: 0, a: 1, b: 1, c: 2 });
    const { positions } = layoutDag(['o', 'a', 'b', 'c'], edges);
    for (const e of edges) expect(positions.get(e.to)!.y).toBeGreaterThan(positions.get(e.from)!.y);
  });

  it('keeps nodes of a layer apart and is deterministic', () => {
    const a = layoutDag(['o', 'a', 'b', 'c'], edges, { nodeWidth: 100, gapX: 10 });
    const b = layoutDag(['c', 'b', 'a', 'o'], edges, { nodeWidth: 100, gapX: 10 });
    expect(Math.abs(a.positions.get('a')!.x - a.positions.get('b')!.x)).toBeGreaterThanOrEqual(110);
    expect([...a.positions.entries()].sort()).toEqual([...b.positions.entries()].sort());
  });

  it('makes each layer as tall as its tallest node, so a long text pushes the layers below down', () => {
    const heights: Record<string, number> = { o: 50, a: 200, b: 50, c: 50 };
    const { positions, height } = layoutDag(['o', 'a', 'b', 'c'], edges, { heightOf: (id) => heights[id]!, gapY: 40, margin: 10 });
    expect(positions.get('a')!.y).toBe(10 + 50 + 40);
    expect(positions.get('b')!.y).toBe(positions.get('a')!.y);
    expect(positions.get('c')!.y).toBe(10 + 50 + 40 + 200 + 40);
    expect(height).toBe(positions.get('c')!.y + 50 + 10);
    // Without heights every node has nodeHeight, as before.
    expect(layoutDag(['o', 'a'], [{ from: 'o', to: 'a' }], { nodeHeight: 58, gapY: 44, margin: 12 }).height).toBe(12 * 2 + 58 * 2 + 44);
  });

  it('does not loop on a cycle', () => {
    expect(layerOf(['x', 'y'], [{ from: 'x', to: 'y' }, { from: 'y', to: 'x' }]).size).toBe(2);
  });
});
