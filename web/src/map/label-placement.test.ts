import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelBox } from './label-placement.ts';
import { seededRandom } from '../lib/rng.ts';

const box = (key: string, x: number, y: number, width = 50, height = 14): LabelBox => ({ key, x, y, width, height });

describe('placing labels without collisions', () => {
  it('keeps the first of two overlapping labels and any that do not touch', () => {
    const placed = placeLabels([box('big', 0, 0), box('small', 30, 5), box('far', 200, 0), box('below', 0, 14)]);
    expect(placed.map((b) => b.key)).toEqual(['big', 'far', 'below']);
  });

  it('never places two overlapping boxes, across grid cells, and stops at the maximum', () => {
    const random = seededRandom(7);
    const many = Array.from({ length: 2_000 }, (_, i) => box(`n${i}`, random() * 1_000 - 200, random() * 600 - 100, 20 + random() * 150, 14));
    const placed = placeLabels(many);
    expect(placed.length).toBeGreaterThan(50);
    let collisions = 0;
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) if (overlaps(placed[i]!, placed[j]!)) collisions++;
    expect(collisions).toBe(0);
    expect(placeLabels(many, 10)).toHaveLength(10);
  });
});
