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
import { AppError, badInput, type EcosystemInput, type Problem } from '../model/index.ts';
import type { LoadedImport } from './import-path.ts';
import { LOCK_IMPORTS } from './import.queries.ts';
import { findImportProblems } from './validate.ts';
import { writeEcosystem, type ImportCounts } from './write.ts';

/** `source`: where the input came from (a file name), for the import.completed event. */
export async function importEcosystem(
  graph: Graph, raw: unknown, timeoutMs?: number, actor: Actor = SYSTEM_ACTOR, source: string | null = null,
): Promise<ImportCounts> {
  const result = await importWhole(graph, { raw, problemsWith: (validator) => [...validator] }, { timeoutMs, actor, source, operation: 'importEcosystem' });
  if (result.problems) throw badInput(result.problems);
  return result.counts;
}

export interface WholeImportOptions {
  /** The transaction's limit; an API import is given its own (IMPORT_TIMEOUT_MS), not a request's. */
  timeoutMs?: number;
  actor: Actor;
  /** The file(s) it came from, named in the audit entry and the import.completed event. */
  source: string | null;
  /** The audit entry's operation: the mutation, or "upload" for the web view's. */
  operation: string;
  /** Called as the check ends (`checked`) and after each written batch. */
  onProgress?: (phase: 'checked' | 'writing', done: number, total: number) => void;
}

/**
 * Validates `loaded` under the imports' lock and writes it, in one transaction: every
 * problem (a spreadsheet's named by file, row and column) and nothing written, or all of it.
 */
export async function importWhole(
  graph: Graph, loaded: LoadedImport, options: WholeImportOptions,
): Promise<{ problems: Problem[]; counts?: undefined } | { problems?: undefined; counts: ImportCounts }> {
  try {
    const counts = await graph.writeTx(async (tx) => {
      await tx.run(LOCK_IMPORTS);
      const problems = loaded.problemsWith(await findImportProblems(tx, loaded.raw));
      // Thrown, not returned: the transaction rolls back, so a refused import changes nothing (not even the version).
      if (problems.length > 0) throw badInput(problems);
      const input = loaded.raw as EcosystemInput;
      options.onProgress?.('checked', 0, 0);
      const written = await writeEcosystem((cypher, params) => tx.run(cypher, params), input, {
        onProgress: (done, total) => options.onProgress?.('writing', done, total),
      });
      await recordAudit(tx, options.actor, options.operation, importedIds(input), options.source);
      await recordImportCompleted(tx, written, options.source);
      return written;
    }, options.timeoutMs);
    return { counts };
  } catch (err) {
    if (err instanceof AppError && err.code === 'BAD_USER_INPUT' && err.problems) return { problems: err.problems };
    throw err;
  }
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
