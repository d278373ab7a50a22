/**
 * `npm run export -- --format json --out PATH`: the whole graph as an `EcosystemInput`
 * file that `npm run import` reads back. Safe while the app runs: the file is written
 * only when the export saw one state of the graph (see export-file.ts), so it is also
 * the backup of the embedded default (README, "Backups").
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { graphConfigFromEnv, openConfiguredGraph } from '../db/index.ts';
import { exportToFile } from './export-file.ts';

/** The formats of the contract; json is written today, the others with "Spreadsheets and export". */
const FORMATS = ['json'] as const;

const USAGE = 'usage: npm run export -- --format json --out PATH\n';

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
  if (!(FORMATS as readonly string[]).includes(format)) {
    process.stderr.write(`--format ${format} is not written yet; this version writes: ${FORMATS.join(', ')}.\n`);
    return 1;
  }
  const open = await openConfiguredGraph(graphConfigFromEnv());
  try {
    const { counts, attempts } = await exportToFile(open.graph, resolve(out));
    const what = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
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
