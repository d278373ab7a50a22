import { describe, expect, it } from 'vitest';
import { Rng } from '../generator/prng.ts';
import { drawDate, shuffled, weightedBy } from './draws.ts';

describe('sample draws on the shared Rng', () => {
  it('drawDate stays within its inclusive bounds, reaches both, and is `from` when the span is empty', () => {
    const rng = new Rng(1);
    const seen = new Set(Array.from({ length: 400 }, () => drawDate(rng, '2026-02-27', '2026-03-02')));
    expect([...seen].sort()).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(drawDate(rng, '2026-05-04', '2026-05-04')).toBe('2026-05-04');
    expect(drawDate(rng, '2026-05-04', '2026-05-01')).toBe('2026-05-04');
  });

  it('shuffled returns every item once, leaves the input alone, and repeats for the same seed', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const once = shuffled(new Rng(7), items);
    expect([...once].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(shuffled(new Rng(7), items)).toEqual(once);
  });

  it('weightedBy picks in proportion to the weights', () => {
    const rng = new Rng(3);
    const counts = { light: 0, heavy: 0 };
    for (let i = 0; i < 4000; i++) counts[weightedBy(rng, ['light', 'heavy'] as const, (k) => (k === 'heavy' ? 3 : 1))] += 1;
    expect(counts.heavy / 4000).toBeGreaterThan(0.7);
    expect(counts.heavy / 4000).toBeLessThan(0.8);
  });
});
