import { describe, expect, it } from 'vitest';
import { fitTransform, focusTransform } from './zoom-targets.ts';

describe('map camera targets', () => {
  it('fits the graph inside the canvas with a margin', () => {
    const t = fitTransform({ x0: -100, y0: -50, x1: 100, y1: 50 }, 880, 480);
    expect(t.k).toBe(4);   // min((880 - 80) / 200, (480 - 80) / 100)
    expect(t.apply([-100, 0])).toEqual([40, 240]);
    expect(t.apply([0, 0])).toEqual([440, 240]);
  });

  it('centres a node, zooming in but never out', () => {
    const t = focusTransform(10, 20, 0.5, 1, 800, 600);
    expect(t.k).toBe(2.5);
    expect(t.apply([10, 20])).toEqual([400, 300]);
    expect(focusTransform(0, 0, 6, 1, 800, 600).k).toBe(6);
  });
});
