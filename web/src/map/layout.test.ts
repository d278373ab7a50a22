import { describe, expect, it } from 'vitest';
import { syntheticGraph } from './synthetic.ts';
import { computeLayout, initialPositions, layoutTicks } from './layout.ts';

function input(nodes: number, edges: number, seed = 7) {
  const g = syntheticGraph(nodes, edges, 3);
  return { community: g.community, radius: new Float32Array(nodes).fill(4), source: g.source, target: g.target, weight: g.weight, seed };
}

describe('the map layout', () => {
  it('gives the same picture for the same graph and seed', () => {
    const a = computeLayout(input(200, 600));
    const b = computeLayout(input(200, 600));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
  });

  it('keeps communities together: members are closer to each other than to others', () => {
    const { x, y } = computeLayout(input(300, 900));
    const g = syntheticGraph(300, 900, 3);
    let within = 0, across = 0, nWithin = 0, nAcross = 0;
    for (let i = 0; i < 300; i += 3) {
      for (let j = i + 1; j < 300; j += 7) {
        const d = Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
        if (g.community[i] === g.community[j]) { within += d; nWithin++; } else { across += d; nAcross++; }
      }
    }
    expect(within / nWithin).toBeLessThan((across / nAcross) * 0.8);
  });

  it('budgets ticks by size: 300 for small graphs, at least 40 for 10,000 nodes', () => {
    expect(layoutTicks(40, 300)).toBe(300);
    expect(layoutTicks(2_000, 8_000)).toBeGreaterThan(150);
    expect(layoutTicks(10_000, 50_000)).toBe(41);
    expect(layoutTicks(1_000_000, 5_000_000)).toBe(40);
  });

  it('starts each community in its own place', () => {
    const community = Int32Array.from([0, 0, 0, 1, 1, -1]);
    const { x, y } = initialPositions(community);
    const centre = (ids: number[]) => [ids.reduce((s, i) => s + x[i]!, 0) / ids.length, ids.reduce((s, i) => s + y[i]!, 0) / ids.length];
    const [ax, ay] = centre([0, 1, 2]), [bx, by] = centre([3, 4]);
    expect(Math.hypot(ax! - bx!, ay! - by!)).toBeGreaterThan(12);
  });
});
