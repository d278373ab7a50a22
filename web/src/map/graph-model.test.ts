import { describe, expect, it } from 'vitest';
import { buildMapModel, communityHulls, edgeStyleIndex, EDGE_STYLES, NODE_PALETTE, nodeRadius } from './graph-model.ts';
import type { Network } from './network.ts';

const network: Network = {
  truncated: false,
  nodes: [
    { id: 'p-b', kind: 'PARTNER', label: 'B', partnerType: 'ISV', degree: 2, betweenness: 0.5, pagerank: 0.5, community: 0 },
    { id: 'c-1', kind: 'CUSTOMER', label: 'Customer', partnerType: null, degree: 1, betweenness: 0, pagerank: 0, community: -1 },
    { id: 'p-a', kind: 'PARTNER', label: 'A', partnerType: 'SYSTEM_INTEGRATOR', degree: 1, betweenness: 0, pagerank: 0.25, community: 0 },
  ],
  edges: [
    { source: 'p-b', target: 'p-a', kind: 'CO_DELIVERS', weight: 3 },
    { source: 'p-a', target: 'c-1', kind: 'ORCHESTRATES_FOR', weight: 1 },
    { source: 'p-b', target: 'c-1', kind: 'CONTRIBUTES_TO', weight: 2 },
    { source: 'p-a', target: 'p-unknown', kind: 'CO_DELIVERS', weight: 1 },
  ],
};

describe('the map model', () => {
  it('orders nodes by id whatever order the API used, and drops edges to unknown nodes', () => {
    const m = buildMapModel(network);
    expect(m.nodes.map((n) => n.id)).toEqual(['c-1', 'p-a', 'p-b']);
    expect(Array.from(m.scene.source)).toEqual([1, 2, 2]);
    expect(Array.from(m.scene.target)).toEqual([0, 0, 1]);
    expect(m.edgeCounts).toEqual({ ORCHESTRATES_FOR: 1, CO_DELIVERS: 1, CONTRIBUTES_TO: 1 });
  });

  it('colours by partner type, customers grey, and sizes by the chosen measure', () => {
    const m = buildMapModel(network, 'pagerank');
    expect(m.scene.palette[m.scene.colour[2]!]).toBe(NODE_PALETTE[1]);   // ISV
    expect(m.scene.palette[m.scene.colour[0]!]).toBe(NODE_PALETTE[NODE_PALETTE.length - 1]);
    expect(m.scene.radius[2]).toBeCloseTo(18);   // the largest PageRank
    expect(m.scene.radius[1]).toBeCloseTo(3 + 15 * Math.sqrt(0.5));
    const byValue = buildMapModel(network, 'value', new Map([['p-a', 100]]));
    expect(byValue.scene.radius[1]).toBeCloseTo(18);
    expect(byValue.scene.radius[2]).toBe(3);
  });

  it('draws co-delivery by weight band and the two customer relations differently', () => {
    expect([1, 2, 3, 4, 5, 9].map((w) => edgeStyleIndex('CO_DELIVERS', w))).toEqual([0, 1, 2, 2, 3, 3]);
    const orchestrates = EDGE_STYLES[edgeStyleIndex('ORCHESTRATES_FOR', 1)]!;
    const contributes = EDGE_STYLES[edgeStyleIndex('CONTRIBUTES_TO', 1)]!;
    expect(orchestrates.dash).toBeUndefined();
    expect(contributes.dash?.length).toBeGreaterThan(0);
    expect(orchestrates.colour).not.toBe(contributes.colour);
    expect(nodeRadius(0, 0)).toBe(3);
  });

  it('wraps each community of two or more nodes in a hull that contains its members', () => {
    const x = Float32Array.from([0, 100, 50, 500]);
    const y = Float32Array.from([0, 0, 80, 500]);
    const hulls = communityHulls(x, y, Int32Array.from([4, 4, 4, 5]), Float32Array.from([5, 5, 5, 5]));
    expect(hulls.map((h) => h.label)).toEqual(['Community 4']);
    const p = hulls[0]!.points;
    const xs = p.filter((_, i) => i % 2 === 0), ys = p.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeLessThan(0);
    expect(Math.max(...xs)).toBeGreaterThan(100);
    expect(Math.max(...ys)).toBeGreaterThan(80);
  });
});
