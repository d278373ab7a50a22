import { describe, expect, it } from 'vitest';
import { strongestLinks, type WeightedLink } from './link-thinning.ts';

const link = (source: string, target: string, weight: number, bridge = false): WeightedLink => ({ source, target, weight, bridge });

describe('thinning links to the strongest per partner', () => {
  // A hub with four links of weights 4, 3, 2, 1, and a pendant link c-d (a bridge).
  const links = [link('h', 'a', 4), link('h', 'b', 3), link('h', 'c', 2), link('h', 'e', 1), link('c', 'd', 1, true), link('a', 'b', 1)];

  it('keeps a link when it is among the k strongest of either end', () => {
    // k=1: h keeps h-a; a keeps h-a; b keeps h-b (3 beats a-b's 1); c keeps h-c; e keeps h-e (its only link); d keeps c-d.
    expect(strongestLinks(links, 1)).toEqual([0, 1, 2, 3, 4]);
  });

  it('always keeps bridges, and everything when k is large', () => {
    const noPendants = [link('h', 'a', 4), link('h', 'b', 3), link('a', 'b', 1), link('x', 'y', 1, true), link('x', 'z', 5), link('y', 'z', 5)];
    expect(strongestLinks(noPendants, 1)).toContain(3);
    expect(strongestLinks(links, Infinity)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(strongestLinks(links, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('breaks weight ties by the other end, whatever order the links came in', () => {
    const tied = [link('h', 'b', 1), link('h', 'a', 1), link('h', 'c', 1), link('a', 'x', 9), link('b', 'x', 9), link('c', 'x', 9)];
    const kept = strongestLinks(tied, 1).map((i) => `${tied[i]!.source}-${tied[i]!.target}`);
    expect(kept).toEqual(['h-a', 'a-x', 'b-x', 'c-x']);
    const reversed = [...tied].reverse();
    expect(strongestLinks(reversed, 1).map((i) => `${reversed[i]!.source}-${reversed[i]!.target}`).sort()).toEqual([...kept].sort());
  });
});
