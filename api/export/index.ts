/**
 * The export's HTTP side: the web view's download buttons and scripts' GET /export
 * (graph/export writes the files). The area's only door: nothing outside api/export/
 * imports its other files.
 */
export { handleExport } from './download-route.ts';
