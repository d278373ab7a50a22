import { describe, expect, it } from 'vitest';
import { buildPartnerLevel, neighbourhood } from './partner-level.ts';
import type { NetworkEdge, NetworkNode } from './network.ts';

const node = (id: string, pagerank: number, articulationPoint = false, betweenness = 0): NetworkNode =>
  ({ id, kind: 'PARTNER', label: id.toUpperCase(), partnerType: 'ISV', degree: 1, betweenness, pagerank, community: 4, articulationPoint });
const edge = (source: string, target: string, weight: number, bridge = false): NetworkEdge => ({ source, target, kind: 'CO_DELIVERS', weight, bridge });

describe('a community at partner level', () => {
  // A star around p-h with a pendant p-d behind p-c: p-h and p-c are articulation points.
  const answer = {
    nodes: [node('p-h', 0.4, true, 0.8), node('p-c', 0.1, true, 0.3), node('p-a', 0.2), node('p-b', 0.2), node('p-d', 0.05)],
    edges: [edge('p-h', 'p-a', 4), edge('p-b', 'p-h', 3), edge('p-h', 'p-c', 2, true), edge('p-c', 'p-d', 1, true), edge('p-a', 'p-b', 1)],
  };

  it('orders partners by id, sizes them by the metric, and lists the single points of failure', () => {
    const level = buildPartnerLevel(answer, 'pagerank', new Map(), 5);
    expect(level.nodes.map((n) => n.id)).toEqual(['p-a', 'p-b', 'p-c', 'p-d', 'p-h']);
    expect(level.radius[4]).toBeGreaterThan(level.radius[0]!);
    expect(level.articulationPoints.map((n) => n.id)).toEqual(['p-h', 'p-c']);
    expect(level.bridges.map((e) => `${e.source}-${e.target}`)).toEqual(['p-c-p-h', 'p-c-p-d']);
    expect(level.edges.every((e) => e.source < e.target)).toBe(true);
    expect(level.hidden).toBe(0);
  });

  it('draws the strongest link per partner and counts the others as hidden', () => {
    const level = buildPartnerLevel(answer, 'degree', new Map(), 1);
    expect(level.hidden).toBe(1);
    const drawn = level.drawn.map((i) => `${level.edges[i]!.source}-${level.edges[i]!.target}`);
    expect(drawn).not.toContain('p-a-p-b');
    expect(neighbourhood(level, 'p-h')).toEqual(new Set(['p-h', 'p-a', 'p-b', 'p-c']));
    // The layout's links do not depend on how many are drawn: places stay when the count changes.
    expect(Array.from(level.layout.source)).toEqual(Array.from(buildPartnerLevel(answer, 'degree', new Map(), Infinity).layout.source));
  });

  it('sizes by attributed value when asked', () => {
    const level = buildPartnerLevel(answer, 'value', new Map([['p-d', 100]]), 5);
    expect(level.radius[3]).toBe(14);
    expect(level.radius[0]).toBe(3);
  });
});
