import { describe, expect, it } from 'vitest';
import { fpsSummary } from './fps.ts';
import { SCALES, communitySizes, largestCommunityAnswer, overviewAnswer } from './synthetic.ts';

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

  it('makes overview answers of the recorded size, seeded', () => {
    const m = overviewAnswer(SCALES.M!);
    expect(m.communities).toHaveLength(42);
    expect(m.communityLinks).toHaveLength(55);
    expect(m.communities.reduce((s, c) => s + c.size, 0)).toBe(6_870);
    expect(overviewAnswer(SCALES.M!).communityLinks).toEqual(m.communityLinks);
    expect(communitySizes(SCALES.L!)[0]).toBeGreaterThan(communitySizes(SCALES.L!)[100]!);
  });

  it('makes every scale\'s answers, the sample\'s small community included (it once looped forever asking for more links than pairs)', () => {
    for (const scale of Object.values(SCALES)) {
      if (scale.name === 'L') continue; // the same code, 65,100 partners: slow for a unit test
      const c = largestCommunityAnswer(scale);
      const n = c.nodes.length;
      expect(c.edges.length).toBeLessThanOrEqual((n * (n - 1)) / 2);
      expect(overviewAnswer(scale).communities.length).toBe(scale.communities);
    }
  });

  it('makes the largest community with pendant partners: bridges to articulation points', () => {
    const c = largestCommunityAnswer(SCALES.M!);
    expect(c.nodes).toHaveLength(communitySizes(SCALES.M!)[0]!);
    const keys = new Set(c.edges.map((e) => `${e.source}-${e.target}`));
    expect(keys.size).toBe(c.edges.length);
    const points = new Set(c.nodes.filter((n) => n.articulationPoint).map((n) => n.id));
    const bridges = c.edges.filter((e) => e.bridge);
    expect(bridges.length).toBe(Math.floor(c.nodes.length / 20));
    expect(bridges.every((e) => points.has(e.source) || points.has(e.target))).toBe(true);
  });
});
