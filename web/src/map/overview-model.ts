/**
 * The community overview as drawn: one bubble per community of the whole filtered
 * network, its area proportional to its member count, labelled with the contract's
 * label; links between bubbles as wide as the co-delivery weight between them. Pure.
 */
import { scaleSqrt } from 'd3';
import type { LayoutInput } from './layout.ts';
import type { Community, OverviewAnswer } from './network.ts';

export interface Bubble {
  id: number;
  label: string;
  size: number;
  /** Radius in layout units. */
  radius: number;
  /** Names of its members with the highest PageRank. */
  top: string[];
}

export interface OverviewModel {
  bubbles: Bubble[];
  links: Array<{ source: number; target: number; weight: number; width: number }>;
  partnerCount: number;
  /** What the layout worker needs: nodes are bubbles in `bubbles` order. */
  layout: Omit<LayoutInput, 'seed'>;
  /** Keys of the drawn items, to tell whether fresh metrics can keep the places. */
  keys: string[];
}

/** Largest bubble radius, in layout units. */
const MAX_RADIUS = 60;

export function buildOverview(answer: Pick<OverviewAnswer, 'communities' | 'communityLinks' | 'partnerCount'>): OverviewModel {
  const communities = [...answer.communities].sort((a, b) => a.id - b.id);
  const biggest = Math.max(1, ...communities.map((c) => c.size));
  const radius = scaleSqrt().domain([0, biggest]).range([0, MAX_RADIUS]);
  const bubbles = communities.map((c: Community) => ({
    id: c.id, label: c.label, size: c.size, radius: Math.max(4, radius(c.size)), top: c.topPartners.map((p) => p.label),
  }));
  const position = new Map(bubbles.map((b, i) => [b.id, i]));
  const heaviest = Math.max(1, ...answer.communityLinks.map((l) => l.weight));
  const width = scaleSqrt().domain([0, heaviest]).range([0.5, 8]);
  const links = answer.communityLinks
    .filter((l) => position.has(l.source) && position.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: l.source, target: l.target, weight: l.weight, width: width(l.weight) }));
  return {
    bubbles, links, partnerCount: answer.partnerCount,
    keys: bubbles.map((b) => String(b.id)),
    layout: {
      size: Float32Array.from(bubbles, (b) => b.radius),
      source: Uint32Array.from(links, (l) => position.get(l.source)!),
      target: Uint32Array.from(links, (l) => position.get(l.target)!),
      weight: Float32Array.from(links, (l) => l.weight),
      separate: true,
    },
  };
}

/** The bubble whose disc holds (x, y), in layout units; the smallest when several do. */
export function bubbleAt(bubbles: readonly Bubble[], x: readonly number[] | Float32Array, y: readonly number[] | Float32Array, px: number, py: number): Bubble | null {
  let found: Bubble | null = null;
  bubbles.forEach((b, i) => {
    if (Math.hypot(x[i]! - px, y[i]! - py) <= b.radius && (!found || b.radius < found.radius)) found = b;
  });
  return found;
}
