/**
 * `npm run import -- PATH` (a JSON file, a folder of CSV files or an .xlsx workbook):
 * validates the whole input by the rules of `importEcosystem` before anything is written
 * (exit 1 with every problem listed), then writes it in idempotent batches, one
 * transaction each, with a progress bar (import-path.ts).
 * After an interruption, running the same command again completes the import.
 *
 * It uses the configured database (NEO4J_URI…); without one, the local server of a
 * running `npm start` if it answers on NEO4J_BOLT_PORT, otherwise it starts the local
 * server itself on DATA_DIR.
 */
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applySchema, graphConfigFromEnv, openConfiguredGraph } from '../db/index.ts';
import { importLoaded, loadImport, type LoadedImport } from './import-path.ts';
import { progressBar } from './progress.ts';
import { MalformedJsonError } from './read-json.ts';
import { SourceError } from './table-sources.ts';

/** Batch statements may run long on big files; the request timeout is for the API. */
const CLI_TIMEOUT_MS = 15 * 60_000;

export async function runImportCli(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file || argv.includes('--help')) {
    process.stderr.write('usage: npm run import -- FILE.json | FOLDER (of CSV files) | FILE.xlsx\n');
    return file ? 0 : 1;
  }
  let loaded: LoadedImport;
  const reading = progressBar('Reading');
  try {
    loaded = await loadImport(file, (read, total) => reading.update(read, total));
  } catch (err) {
    const why = err instanceof MalformedJsonError || err instanceof SourceError ? err.message : `cannot read ${file}: ${(err as Error).message}`;
    process.stderr.write(`\nRefused: ${why}\n`);
    return 1;
  }
  reading.done(file);

  const open = await openConfiguredGraph(graphConfigFromEnv());
  try {
    await applySchema(open.graph);
    const writing = progressBar('Writing');
    const result = await importLoaded(open.graph, loaded, basename(file), {
      timeoutMs: CLI_TIMEOUT_MS, onWrite: (done, total) => writing.update(done, total),
    });
    if (result.problems) {
      const { problems } = result;
      process.stderr.write(`Refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.\n`);
      for (const p of problems) process.stderr.write(`  ${p.path}: ${p.message}\n`);
      return 1;
    }
    writing.done(Object.entries(result.counts).map(([k, v]) => `${v} ${k === 'dealRegistrations' ? 'deal registrations' : k}`).join(', '));
    return 0;
  } finally {
    await open.close();
  }
}


if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runImportCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      // A person runs this locally, so the underlying cause is worth showing.
      const cause = (err as { cause?: unknown })?.cause;
      const detail = cause instanceof Error ? ` (${cause.message})` : '';
      process.stderr.write(`Import failed: ${err instanceof Error ? err.message : String(err)}${detail}\n`);
      process.exit(1);
    },
  );
}
