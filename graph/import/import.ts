/**
 * Import as one transaction, all or nothing (`importEcosystem`, the seed of a first
 * start). The graph-wide write lock is taken first, so the store the validator reads
 * cannot change under it before the write commits.
 */
import type { Graph } from '../db.ts';
import { BUMP_GRAPH_VERSION } from '../queries/import.queries.ts';
import { validateEcosystem } from './validate.ts';
import { writeEcosystem, type ImportCounts } from './write.ts';

export async function importEcosystem(graph: Graph, raw: unknown, timeoutMs?: number): Promise<ImportCounts> {
  return graph.writeTx(async (tx) => {
    await tx.run(BUMP_GRAPH_VERSION);
    const input = await validateEcosystem(tx, raw);
    return writeEcosystem((cypher, params) => tx.run(cypher, params), input);
  }, timeoutMs);
}
