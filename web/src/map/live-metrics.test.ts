import { describe, expect, it } from 'vitest';
import { buildMapModel } from './graph-model.ts';
import { freshPollMs, placedScene, samePlaces } from './live-metrics.ts';
import type { Network, NetworkNode } from './network.ts';

const node = (id: string, pagerank: number, community: number): NetworkNode =>
  ({ id, kind: 'PARTNER', label: id, partnerType: 'ISV', degree: 1, betweenness: 0, pagerank, community });
const network = (nodes: NetworkNode[], weight = 1): Network => ({
  truncated: false, nodes,
  edges: [{ source: 'p-a', target: 'p-b', kind: 'CO_DELIVERS', weight }],
});

describe('the map after a write', () => {
  const before = buildMapModel(network([node('p-b', 0.5, 0), node('p-a', 0.5, 0), node('p-c', 0.1, 1)]));

  it('keeps the layout when the fresh metrics have the same nodes, whatever order the API used', () => {
    const after = buildMapModel(network([node('p-a', 0.2, 1), node('p-c', 0.6, 1), node('p-b', 0.2, 0)], 3));
    expect(samePlaces(before, after)).toBe(true);
    const at = { x: Float32Array.of(0, 100, 200), y: Float32Array.of(0, 0, 0) };
    const scene = placedScene(after, at);
    expect(scene.x).toBe(at.x);
    expect(Array.from(scene.radius)).toEqual(Array.from(after.scene.radius));
    expect(scene.radius[2]).toBeGreaterThan(before.scene.radius[2]!);
    // p-a joined p-c's community: its outline is drawn around both, from the kept places.
    expect(scene.hulls.map((h) => h.label)).toEqual(['Community 1']);
    expect(Array.from(scene.style)).toEqual([2]);
  });

  it('lays out again when a node came or went', () => {
    expect(samePlaces(before, buildMapModel(network([node('p-a', 1, 0), node('p-b', 1, 0)])))).toBe(false);
    expect(samePlaces(before, buildMapModel(network([node('p-a', 1, 0), node('p-b', 1, 0), node('p-d', 1, 0)])))).toBe(false);
  });

  it('asks again after 250 ms, doubling to at most 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(freshPollMs)).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });
});
