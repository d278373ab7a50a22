/**
 * Export: the whole graph in the import's formats (JSON, CSV folder, workbook) or the
 * co-delivery network for graph tools (GraphML, GEXF), consistent and streamed; the
 * backup of the embedded default. The area's only door: nothing outside graph/export/ imports
 * its other files.
 */
export { exportTo, exportToFile, EXPORT_ATTEMPTS, EXPORT_FORMATS } from './export-file.ts';
export type { ExportFileResult, ExportFormat, ExportResult } from './export-file.ts';
export { writeEcosystemJson } from './export-json.ts';
export type { ExportCounts, JsonExport } from './export-json.ts';
export { writeInputTables } from './export-tables.ts';
