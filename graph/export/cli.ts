/**
 * `npm run export -- --format json|csv|xlsx|graphml|gexf --out PATH`: the whole graph
 * as an `EcosystemInput` file, a folder of CSV files or a workbook that `npm run import`
 * reads back, or the co-delivery network with its metrics for graph tools. Safe while
 * the app runs: the export is written only when it saw one state of the graph (see
 * export-file.ts), so json is also the backup of the embedded default (README, "Backups").
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { graphConfigFromEnv, openConfiguredGraph } from '../db/index.ts';
import { EXPORT_FORMATS, exportTo, type ExportFormat } from './export-file.ts';

const USAGE = `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} --out PATH\n`;

export async function runExportCli(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help')) {
    process.stderr.write(USAGE);
    return 0;
  }
  const format = arg('format') ?? 'json';
  const out = arg('out');
  if (!out) {
    process.stderr.write(`--out PATH is required.\n${USAGE}`);
    return 1;
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    process.stderr.write(`--format ${format} is not a format of the export; this version writes: ${EXPORT_FORMATS.join(', ')}.\n`);
    return 1;
  }
  const open = await openConfiguredGraph(graphConfigFromEnv());
  try {
    const result = await exportTo(open.graph, resolve(out), format as ExportFormat);
    if ('network' in result) {
      process.stderr.write(`Exported the co-delivery network (${result.network.nodes} partners, ${result.network.edges} edges) to ${out}.\n`);
      return 0;
    }
    const { counts, attempts } = result;
    const what = Object.entries(counts).map(([k, v]) => `${v} ${k === 'dealRegistrations' ? 'deal registrations' : k}`).join(', ');
    process.stderr.write(`Exported ${what} to ${out}${attempts > 1 ? ` (after ${attempts} attempts: writes landed during the first)` : ''}.\n`);
    return 0;
  } finally {
    await open.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runExportCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`Export failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
