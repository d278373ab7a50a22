/**
 * Import: the whole input validated first (shape, rules, references against the store),
 * every problem with its path, then written in idempotent batches, all or nothing.
 *
 * The area's only door: nothing outside graph/import/ imports its other files.
 */
export { importEcosystem, importWhole } from './import.ts';
export type { WholeImportOptions } from './import.ts';
export { importLoaded, loadImport } from './import-path.ts';
export type { ImportPathResult, LoadedImport } from './import-path.ts';
export { escapeFormula, inputKey, LIST_SEPARATOR, TABLES } from './table-layout.ts';
export type { Table, TableColumn } from './table-layout.ts';
export { progressBar } from './progress.ts';
export { MalformedJsonError } from './read-json.ts';
export { SourceError } from './table-sources.ts';
export { readJsonFile } from './read-json.ts';
export { checkOrchestrators } from './rules.ts';
export { MAX_KEY_LENGTH } from '../model/index.ts';
export { findImportProblems } from './validate.ts';
export { countImport } from './write.ts';
export type { ImportCounts } from './write.ts';
