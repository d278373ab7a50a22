/**
 * The graph's version: every write transaction bumps GraphState.version (and takes the
 * graph-wide write lock doing so), so two reads that see the same version see the same
 * data. Caches of whole-graph answers compare against it.
 */
import type { Graph } from '../db.ts';
import { GRAPH_VERSION, type GraphVersionRow } from '../queries/network.queries.ts';

/** One indexed lookup; 0 before the first write. */
export async function graphVersion(graph: Graph): Promise<number> {
  const [row] = await graph.read<GraphVersionRow>(GRAPH_VERSION);
  return row?.version ?? 0;
}
