import { describe, expect, it } from 'vitest';
import { bubbleAt, buildOverview } from './overview-model.ts';

const community = (id: number, size: number, label = `C${id}`) => ({ id, size, label, topPartners: [{ id: `p-${id}`, label: `Top ${id}` }] });

describe('the community overview', () => {
  const model = buildOverview({
    partnerCount: 230,
    communities: [community(2, 25), community(0, 100, 'DE · sap · Brightwater Systems'), community(1, 25)],
    communityLinks: [{ source: 0, target: 2, weight: 9 }, { source: 0, target: 1, weight: 1 }, { source: 1, target: 7, weight: 3 }],
  });

  it('draws one bubble per community, in id order, area proportional to the member count', () => {
    expect(model.bubbles.map((b) => b.id)).toEqual([0, 1, 2]);
    expect(model.bubbles[0]!.label).toBe('DE · sap · Brightwater Systems');
    expect(model.bubbles[0]!.top).toEqual(['Top 0']);
    // 100 members against 25: twice the radius, four times the area.
    expect(model.bubbles[0]!.radius / model.bubbles[2]!.radius).toBeCloseTo(2, 5);
    expect(Array.from(model.layout.size)).toEqual(model.bubbles.map((b) => Math.fround(b.radius)));
  });

  it('links bubbles by co-delivery weight, wider for heavier, ignoring unknown communities', () => {
    expect(model.links.map((l) => [l.source, l.target, l.weight])).toEqual([[0, 2, 9], [0, 1, 1]]);
    expect(model.links[0]!.width).toBeGreaterThan(model.links[1]!.width);
    expect(Array.from(model.layout.source)).toEqual([0, 0]);
    expect(Array.from(model.layout.target)).toEqual([2, 1]);
    expect(model.layout.separate).toBe(true);
  });

  it('finds the bubble under a point', () => {
    const x = [0, 200, 400], y = [0, 0, 0];
    expect(bubbleAt(model.bubbles, x, y, 10, 5)?.id).toBe(0);
    expect(bubbleAt(model.bubbles, x, y, 100, 100)).toBeNull();
  });
});
