/**
 * `npm run import -- FILE.json`: validates the whole file by the rules of
 * `importEcosystem` before anything is written (exit 1 with every problem listed),
 * then writes it in idempotent batches, one transaction each, with a progress bar.
 * After an interruption, running the same command again completes the import.
 *
 * It uses the configured database (NEO4J_URI…); without one, the local server of a
 * running `npm start` if it answers on NEO4J_BOLT_PORT, otherwise it starts the local
 * server itself on DATA_DIR.
 */
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applySchema, graphConfigFromEnv, openConfiguredGraph } from '../db/index.ts';
import { progressBar } from './progress.ts';
import { MalformedJsonError, readJsonFile } from './read-json.ts';
import { findImportProblems } from './validate.ts';
import { importedIds, recordImportCompleted } from './import.ts';
import { CLI_ACTOR, recordAudit } from '../audit/index.ts';
import { countImport, writeEcosystem } from './write.ts';
import type { EcosystemInput } from '../model/index.ts';

/** Batch statements may run long on big files; the request timeout is for the API. */
const CLI_TIMEOUT_MS = 15 * 60_000;

export async function runImportCli(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file || argv.includes('--help')) {
    process.stderr.write('usage: npm run import -- FILE.json\n');
    return file ? 0 : 1;
  }
  let raw: unknown;
  const reading = progressBar('Reading');
  try {
    raw = await readJsonFile(file, (read, total) => reading.update(read, total));
  } catch (err) {
    const why = err instanceof MalformedJsonError ? err.message : `cannot read ${file}: ${(err as Error).message}`;
    process.stderr.write(`\nRefused: ${why}\n`);
    return 1;
  }
  reading.done(file);

  const open = await openConfiguredGraph(graphConfigFromEnv());
  try {
    await applySchema(open.graph);
    const problems = await open.graph.readTx((tx) => findImportProblems(tx, raw), CLI_TIMEOUT_MS);
    if (problems.length > 0) {
      process.stderr.write(`Refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written.\n`);
      for (const p of problems) process.stderr.write(`  ${p.path}: ${p.message}\n`);
      return 1;
    }
    const input = raw as EcosystemInput;
    const writing = progressBar('Writing');
    // Each batch is its own write transaction, which changes the graph version with it
    // (graph/db/version.ts): a run killed mid-way leaves no cached answer stale.
    await writeEcosystem((cypher, params) => open.graph.writeTx((tx) => tx.run(cypher, params), CLI_TIMEOUT_MS), input, {
      onProgress: (done, total) => writing.update(done, total),
    });
    const counts = countImport(input);
    await open.graph.writeTx(async (tx) => {
      await recordAudit(tx, CLI_ACTOR, 'import', importedIds(input));
      await recordImportCompleted(tx, counts, basename(file));
    });
    writing.done(Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', '));
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
