/** What the stage draws at each level, from the models and their places: keys, sizes, colours, labels, links. */
import { typeColour, isPartnerType } from '../lib/palette.ts';
import { BRIDGE_COLOUR, BUBBLE_COLOUR, LINK_COLOUR } from './map-controls.ts';
import type { OverviewModel } from './overview-model.ts';
import type { PartnerLevel } from './partner-level.ts';
import type { StageScene } from './sigma-stage.ts';

export interface Places { x: Float32Array; y: Float32Array }

/** A bubble's key on the stage: communities and partners share one graph namespace. */
export const bubbleKey = (community: number): string => `c:${community}`;

/** The community a stage key names, or null for a partner's key. */
export function communityOfKey(key: string): number | null {
  return key.startsWith('c:') ? Number(key.slice(2)) : null;
}

export function overviewScene(model: OverviewModel, at: Places): StageScene {
  return {
    sizes: 'positions', labelsInside: true,
    nodes: model.bubbles.map((b, i) => ({ key: bubbleKey(b.id), x: at.x[i]!, y: at.y[i]!, size: b.radius, colour: BUBBLE_COLOUR, label: b.label })),
    links: model.links.map((l) => ({ source: bubbleKey(l.source), target: bubbleKey(l.target), size: l.width, colour: LINK_COLOUR })),
  };
}

export function partnerScene(level: PartnerLevel, at: Places): StageScene {
  return {
    sizes: 'screen', labelsInside: false,
    nodes: level.nodes.map((n, i) => ({
      key: n.id, x: at.x[i]!, y: at.y[i]!, size: level.radius[i]!, label: n.label, ring: n.articulationPoint,
      colour: isPartnerType(n.partnerType) ? typeColour(n.partnerType) : '#999999',
    })),
    links: level.drawn.map((i) => {
      const e = level.edges[i]!;
      // Bridges stand out in colour and width; other links widen with the shared engagements.
      return { source: e.source, target: e.target, size: e.bridge ? 3 : 0.6 + Math.sqrt(e.weight) * 0.7, colour: e.bridge ? BRIDGE_COLOUR : LINK_COLOUR };
    }),
  };
}
