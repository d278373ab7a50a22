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
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import neo4j from 'neo4j-driver';
import { graphConfigFromEnv, type GraphConfig, openGraph, type OpenGraph } from '../db/index.ts';
import { BUMP_GRAPH_VERSION, applySchema } from '../db/index.ts';
import { progressBar } from './progress.ts';
import { MalformedJsonError, readJsonFile } from './read-json.ts';
import { findImportProblems } from './validate.ts';
import { importedIds } from './import.ts';
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
    await open.graph.write(BUMP_GRAPH_VERSION);
    await writeEcosystem((cypher, params) => open.graph.writeTx((tx) => tx.run(cypher, params), CLI_TIMEOUT_MS), input, {
      onProgress: (done, total) => writing.update(done, total),
    });
    await open.graph.writeTx(async (tx) => {
      await tx.run(BUMP_GRAPH_VERSION);
      await recordAudit(tx, CLI_ACTOR, 'import', importedIds(input));
    });
    const counts = countImport(input);
    writing.done(Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', '));
    return 0;
  } finally {
    await open.close();
  }
}

/** The configured server, else a running local one, else a local one started here. */
async function openConfiguredGraph(config: GraphConfig): Promise<OpenGraph> {
  if (!config.uri) {
    const uri = `bolt://127.0.0.1:${config.boltPort}`;
    const probe = neo4j.driver(uri, undefined, { connectionTimeout: 1_000, logging: { level: 'error', logger: () => {} } });
    const running = await probe.verifyConnectivity().then(() => true, () => false);
    await probe.close();
    if (running) return openGraph({ ...config, uri });
  }
  return openGraph(config);
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
