/**
 * `npm run import -- PATH` without the terminal: a JSON file, a folder of CSV files or an
 * `.xlsx` workbook, validated whole by the one validator (problems of spreadsheets named
 * by file, row and column), then written in idempotent batches, one transaction each.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CLI_ACTOR, recordAudit } from '../audit/index.ts';
import { isEmptyGraph, type Graph } from '../db/index.ts';
import { markSourcedAgainstBuilt } from '../deals/index.ts';
import type { EcosystemInput, Problem } from '../model/index.ts';
import { importedIds, recordImportCompleted } from './import.ts';
import { readJsonFile } from './read-json.ts';
import { readTables } from './read-tables.ts';
import { csvFolder, isWorkbook, SourceError, workbook } from './table-sources.ts';
import { findImportProblems } from './validate.ts';
import { countImport, writeEcosystem, type ImportCounts } from './write.ts';

export interface LoadedImport {
  raw: unknown;
  /** Every problem, given the validator's (spreadsheets add their own and name cells). */
  problemsWith(validator: readonly Problem[]): Problem[];
}

/** Reads PATH by its kind. Throws MalformedJsonError or SourceError (with a message for a person) when it cannot be read at all. */
export async function loadImport(path: string, onBytes?: (read: number, total: number) => void): Promise<LoadedImport> {
  if ((await stat(path)).isDirectory()) {
    let total = 0;
    const folder = await csvFolder(path, (read) => onBytes?.(read, total));
    total = folder.bytes;
    const tables = await readTables(folder, basename(path));
    return { raw: tables.input, problemsWith: tables.withValidation };
  }
  if (isWorkbook(path)) {
    const book = await workbook(path).catch((err: unknown) => {
      throw err instanceof SourceError ? new SourceError(`${basename(path)} ${err.message}`) : err;
    });
    onBytes?.(book.bytes, book.bytes);
    const tables = await readTables(book, basename(path));
    return { raw: tables.input, problemsWith: tables.withValidation };
  }
  const raw = await readJsonFile(path, onBytes);
  return { raw, problemsWith: (validator) => [...validator] };
}

export interface ImportPathOptions {
  timeoutMs: number;
  onWrite?: (doneBatches: number, totalBatches: number) => void;
}

export type ImportPathResult = { problems: Problem[]; counts?: undefined } | { problems?: undefined; counts: ImportCounts };

/**
 * Validates `loaded` against the store and, when there is no problem, writes it in
 * batches (each its own write transaction, which changes the graph version: a run cut
 * short leaves no cached answer stale, and running it again completes the import).
 */
export async function importLoaded(graph: Graph, loaded: LoadedImport, source: string, options: ImportPathOptions): Promise<ImportPathResult> {
  const validator = await graph.readTx((tx) => findImportProblems(tx, loaded.raw), options.timeoutMs);
  const problems = loaded.problemsWith(validator);
  if (problems.length > 0) return { problems };
  const input = loaded.raw as EcosystemInput;
  // Into an empty store, the import's own refresh builds every SOURCED pair there can be.
  const fresh = await isEmptyGraph(graph);
  await writeEcosystem((cypher, params) => graph.writeTx((tx) => tx.run(cypher, params), options.timeoutMs), input, {
    onProgress: options.onWrite,
  });
  const counts = countImport(input);
  await graph.writeTx(async (tx) => {
    await recordAudit(tx, CLI_ACTOR, 'import', importedIds(input), source);
    await recordImportCompleted(tx, counts, source);
    if (fresh) await markSourcedAgainstBuilt(tx);
  });
  return { counts };
}
