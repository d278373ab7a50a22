/**
 * Import as one transaction, all or nothing (`importEcosystem`, the seed of a first
 * start). The imports' lock is taken first (LOCK_IMPORTS), so the store the validator
 * reads cannot change under it before the write commits; the items the import writes
 * are locked as it writes them, so a role or status change of one of them waits for the
 * import or the import for it, and changes of anything else go on meanwhile.
 */
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';
import type { Graph, Tx } from '../db/index.ts';
import { recordEvents } from '../events/index.ts';
import type { EcosystemInput } from '../model/index.ts';
import { LOCK_IMPORTS } from './import.queries.ts';
import { validateEcosystem } from './validate.ts';
import { writeEcosystem, type ImportCounts } from './write.ts';

/** `source`: where the input came from (a file name), for the import.completed event. */
export async function importEcosystem(
  graph: Graph, raw: unknown, timeoutMs?: number, actor: Actor = SYSTEM_ACTOR, source: string | null = null,
): Promise<ImportCounts> {
  return graph.writeTx(async (tx) => {
    await tx.run(LOCK_IMPORTS);
    const input = await validateEcosystem(tx, raw);
    const counts = await writeEcosystem((cypher, params) => tx.run(cypher, params), input);
    await recordAudit(tx, actor, 'importEcosystem', importedIds(input));
    await recordImportCompleted(tx, counts, source);
    return counts;
  }, timeoutMs);
}

/** One event per import, however many rows it wrote (contract: Events and webhooks). */
export function recordImportCompleted(tx: Tx, counts: ImportCounts, source: string | null): Promise<void> {
  // The event's data is the contract's import.completed fields (graph/events); the
  // registrations' count is in ImportResult.
  const { regions, industries, capabilities, partners, customers, engagements, contributions, commitments, outcomes } = counts;
  return recordEvents(tx, [{
    type: 'import.completed', engagementId: null,
    data: { source, regions, industries, capabilities, partners, customers, engagements, contributions, commitments, outcomes },
  }]);
}

/** The ids of an import's top-level items, for its audit entry. */
export function importedIds(input: EcosystemInput): string[] {
  return [
    ...(input.regions ?? []).map((r) => r.code), ...(input.industries ?? []).map((i) => i.code),
    ...(input.capabilities ?? []).map((c) => c.id), ...(input.partners ?? []).map((p) => p.id),
    ...(input.customers ?? []).map((c) => c.id), ...(input.engagements ?? []).map((e) => e.id),
    ...(input.dealRegistrations ?? []).map((d) => d.id),
  ];
}
