/**
 * Export: the whole graph in the import's format, consistent and streamed; the backup
 * of the embedded default. The area's only door: nothing outside graph/export/ imports
 * its other files.
 */
export { exportToFile, EXPORT_ATTEMPTS } from './export-file.ts';
export type { ExportFileResult } from './export-file.ts';
export { writeEcosystemJson } from './export-json.ts';
export type { ExportCounts, JsonExport } from './export-json.ts';
