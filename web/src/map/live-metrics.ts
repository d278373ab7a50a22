/**
 * The map after a write (contract: Network, stale): the API answers at once with the last
 * metrics, marked stale, while it recomputes them; the map says so and asks again until
 * they are fresh, then redraws sizes, colours, links and communities where the nodes stand.
 */
import { communityHulls, type MapModel } from './graph-model.ts';
import type { Scene } from './scene.ts';

/** Where the drawn nodes stand, in the model's node order. */
export interface Placement {
  x: Float32Array;
  y: Float32Array;
}

/** Whether `next` has exactly the nodes of `drawn`, in the same order: then no new layout is needed. */
export function samePlaces(drawn: MapModel, next: MapModel): boolean {
  return drawn.nodes.length === next.nodes.length && drawn.nodes.every((node, i) => node.id === next.nodes[i]!.id);
}

/** `next` drawn at the places of the drawn model (same nodes, see samePlaces), its communities outlined again. */
export function placedScene(next: MapModel, at: Placement): Scene {
  return { ...next.scene, x: at.x, y: at.y, hulls: communityHulls(at.x, at.y, next.layout.community, next.layout.radius) };
}

/** How long to wait before asking again whether the metrics are fresh: 250 ms, doubling, at most 4 s. */
export function freshPollMs(attempt: number): number {
  return Math.min(4_000, 250 * 2 ** attempt);
}
