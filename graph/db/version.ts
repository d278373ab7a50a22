/**
 * The graph's version, its one home. Caches of whole-graph answers (the answer cache,
 * the network cache) keep an answer only while the version they read before computing
 * it is still the current one, so the version must change with every committed change.
 *
 * Every write transaction creates one small change mark, `(:GraphState:GraphChange)`,
 * in that same transaction (Graph.writeTx runs MARK_GRAPH_CHANGED before it commits),
 * and the version is the number of marks:
 * - It changes with every committed write, whatever happens to the writer: a mark
 *   commits or rolls back with the data it marks. A writer killed between transactions
 *   (`npm run import` writes in batches) leaves every committed batch marked.
 * - No shared row: the version used to be a counter on one node, which every writer
 *   had to lock, so it serialised all writes graph-wide. Creating a node locks nothing
 *   another writer waits for, and Neo4j keeps the count of a label in its count store,
 *   updated at commit, so reading it stays one O(1) transactional read
 *   (`MATCH (c:GraphChange) RETURN count(c)` is planned as NodeCountFromCountStore).
 * - It only grows: marks are never deleted. They also carry the GraphState label, which
 *   everything that clears or tallies the ecosystem leaves alone (isEmptyGraph, test
 *   wipes, snapshots). A mark is a node record and a label entry, tens of bytes per
 *   write; compacting them would need the version to stay monotonic across the
 *   compaction, which a count cannot promise to a concurrent reader.
 */
import type { Graph } from './executor.ts';

/** One read of the count store, before every cached answer; 0 before the first write. */
const GRAPH_VERSION = `
MATCH (c:GraphChange)
RETURN count(c) AS version`;

/** Run by Graph.writeTx in every write transaction; see the module comment. */
export const MARK_GRAPH_CHANGED = 'CREATE (:GraphState:GraphChange)';

export async function graphVersion(graph: Graph): Promise<number> {
  const [row] = await graph.read<{ version: number | null }>(GRAPH_VERSION);
  return row?.version ?? 0;
}
