import { describe, expect, it } from 'vitest';
import { computeLayout, layoutIterations } from './layout.ts';

/** Two dense groups of 20 joined by one link, in a scrambled order. */
function twoGroups(seed = 7) {
  const pairs: Array<[number, number]> = [];
  for (const base of [0, 20]) for (let i = 0; i < 20; i++) for (let j = i + 1; j < 20; j += 3) pairs.push([base + i, base + j]);
  pairs.push([0, 20]);
  return {
    size: new Float32Array(40).fill(3), seed,
    source: Uint32Array.from(pairs, (p) => p[0]), target: Uint32Array.from(pairs, (p) => p[1]), weight: new Float32Array(pairs.length).fill(1),
  };
}

describe('the map layout', () => {
  it('gives the same picture for the same graph and seed, and reports its progress', () => {
    const progress: number[] = [];
    const a = computeLayout(twoGroups(), (share) => progress.push(share));
    const b = computeLayout(twoGroups());
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((p, q) => p - q));
  });

  it('keeps linked groups together: members are closer to each other than to the other group', () => {
    const { x, y } = computeLayout(twoGroups());
    let within = 0, across = 0, nWithin = 0, nAcross = 0;
    for (let i = 0; i < 40; i++) for (let j = i + 1; j < 40; j++) {
      const d = Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
      if ((i < 20) === (j < 20)) { within += d; nWithin++; } else { across += d; nAcross++; }
    }
    expect(within / nWithin).toBeLessThan((across / nAcross) * 0.8);
  });

  it('separates bubbles so that none overlaps another', () => {
    const size = Float32Array.from([30, 20, 10, 25, 5, 15]);
    const { x, y } = computeLayout({ size, seed: 3, separate: true, source: Uint32Array.of(0, 0, 1, 3), target: Uint32Array.of(1, 2, 3, 4), weight: Float32Array.of(5, 1, 2, 8) });
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) expect(Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!)).toBeGreaterThanOrEqual(size[i]! + size[j]! - 0.5);
  });

  it('budgets iterations by size: 400 for small graphs, 60 for large ones', () => {
    expect(layoutIterations(40, 300)).toBe(400);
    expect(layoutIterations(2_000, 8_000)).toBeGreaterThan(60);
    expect(layoutIterations(100_000, 500_000)).toBe(60);
  });
});
