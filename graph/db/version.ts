/**
 * The graph's version, its one home: every write transaction bumps GraphState.version
 * (and takes the graph-wide write lock doing so), so two reads that see the same
 * version see the same data. Caches of whole-graph answers compare against it.
 */
import type { Graph } from './executor.ts';

/** `MATCH (s:GraphState)`: one indexed lookup, read before every cached answer. */
const GRAPH_VERSION = `
MATCH (s:GraphState {key: 'graph'})
RETURN s.version AS version`;

/**
 * Takes the graph-wide write lock and bumps the version that caches compare against.
 * Run it first in every write transaction, before reading what the write changes.
 */
export const BUMP_GRAPH_VERSION = `
MERGE (s:GraphState {key: 'graph'})
SET s.version = coalesce(s.version, 0) + 1
RETURN s.version AS version`;

/** One indexed lookup; 0 before the first write. */
export async function graphVersion(graph: Graph): Promise<number> {
  const [row] = await graph.read<{ version: number | null }>(GRAPH_VERSION);
  return row?.version ?? 0;
}
