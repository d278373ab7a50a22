/** The co-delivery graph is the same for the same data, whatever order the rows came in. */
import { describe, expect, it } from 'vitest';
import { byCodeUnits, coDeliveryGraph } from './co-delivery.ts';

describe('coDeliveryGraph', () => {
  it('adds partners by id and edges by (source, target), each edge from its smaller end, with its weight', () => {
    const graph = coDeliveryGraph({
      partners: [['b', 'Beta', 'ISV'], ['a10', 'Ten', 'MSP'], ['a2', 'Two', 'ISV']],
      coDelivers: [['b', 'a2', 3], ['a10', 'b', 1], ['a2', 'a10', 2]],
    });
    expect(graph.type).toBe('undirected');
    expect(graph.nodes()).toEqual(['a10', 'a2', 'b']);
    expect(graph.getNodeAttributes('a10')).toEqual({ label: 'Ten', partnerType: 'MSP' });
    expect(graph.mapEdges((_e, { weight }, source, target) => [source, target, weight])).toEqual([
      ['a10', 'a2', 2], ['a10', 'b', 1], ['a2', 'b', 3],
    ]);
  });

  it('refuses an edge to a partner it does not have, and a pair given twice', () => {
    expect(() => coDeliveryGraph({ partners: [['a', 'A', 'ISV']], coDelivers: [['a', 'z', 1]] })).toThrow();
    expect(() => coDeliveryGraph({ partners: [['a', 'A', 'ISV'], ['b', 'B', 'ISV']], coDelivers: [['a', 'b', 1], ['b', 'a', 1]] })).toThrow();
  });

  it('orders by UTF-16 code units, not by locale', () => {
    expect(['b', 'B', 'a', 'é', 'Z'].sort(byCodeUnits)).toEqual(['B', 'Z', 'a', 'b', 'é']);
  });
});
