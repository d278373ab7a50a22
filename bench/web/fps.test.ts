import { describe, expect, it } from 'vitest';
import { fpsSummary } from './fps.ts';
import { syntheticGraph } from '../../web/src/map/synthetic.ts';

describe('the benchmark helpers', () => {
  it('counts frames per second from frame timestamps', () => {
    const stamps = Array.from({ length: 51 }, (_, i) => i * 20);
    stamps.push(1_100);   // one slow frame
    const s = fpsSummary(stamps);
    expect(s.frames).toBe(51);
    expect(s.mean).toBeCloseTo(51 / 1.1, 1);
    expect(s.windows).toEqual([50, 50]);
    expect(s.worstFrameMs).toBe(100);
  });

  it('makes a synthetic graph of the asked size, seeded and without duplicate edges', () => {
    const a = syntheticGraph(1_000, 5_000, 9), b = syntheticGraph(1_000, 5_000, 9);
    expect(a.source.length).toBe(5_000);
    expect(Array.from(a.target)).toEqual(Array.from(b.target));
    const keys = new Set(Array.from(a.source, (s, e) => `${s}-${a.target[e]}`));
    expect(keys.size).toBe(5_000);
    expect(Array.from(a.source).every((s, e) => s < a.target[e]!)).toBe(true);
  });
});
