/**
 * `npx tsx bench/serve-store.ts --data-dir PATH --size L [--fresh]`: a bench Neo4j server on the
 * store the benchmark kept in PATH/L (`npm run bench -- --data-dir PATH`), with the
 * size's heap and page cache, until Ctrl-C. It prints the Bolt URI and what the store
 * holds, so other benchmarks (and the API: NEO4J_URI=… SEED=none npm start) can reuse
 * an imported size instead of importing it again. --fresh first removes the network
 * metrics earlier runs stored in it (as the benchmark does when it reuses a store), so the
 * first `network` request computes them as on a new database.
 *
 * Anything written through it (the API's writes, even the change marks every write
 * transaction adds) stays in the store; the benchmark reuses a store only while its
 * ecosystem counts are the ones it recorded after the import (bench/store.ts).
 */
import { parseArgs } from 'node:util';
import { SIZES } from './args.ts';
import { countElements, countEcosystem, forgetDerived, startBenchServer } from './neo4j.ts';
import { readMarker, storeDir } from './store.ts';

const USAGE = 'usage: npx tsx bench/serve-store.ts --data-dir PATH --size S|M|L [--fresh]';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    'data-dir': { type: 'string' }, size: { type: 'string', default: 'L' }, fresh: { type: 'boolean', default: false },
  }, strict: true });
  const size = SIZES.find((s) => s.name === values.size?.toUpperCase());
  if (!values['data-dir'] || !size) { process.stderr.write(`${USAGE}\n`); return 2; }
  const dir = storeDir(values['data-dir'], size);
  const marker = readMarker(dir);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!marker) log(`${dir} holds no store the benchmark recorded (no marker): starting on it anyway.`);
  const server = await startBenchServer({ dataDir: dir, pageCacheMb: size.pageCacheMb, heapMb: size.neo4jHeapMb }, log);
  const stop = () => { void server.dispose().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const forgotten = values.fresh ? await forgetDerived(server.driver) : 0;
  const all = await countElements(server.graph);
  const ecosystem = await countEcosystem(server.graph);
  const same = marker && ecosystem.nodes === marker.ecosystem.nodes && ecosystem.relationships === marker.ecosystem.relationships;
  process.stdout.write([
    `NEO4J_URI=${server.uri}`,
    `store: ${dir}, heap ${size.neo4jHeapMb ?? "default"} MiB, page cache ${size.pageCacheMb} MiB, pid ${server.pid}`,
    `holds ${all.nodes} nodes and ${all.relationships} relationships (ecosystem: ${ecosystem.nodes} / ${ecosystem.relationships})`,
    marker
      ? `imported ${marker.importedAt} from ${marker.dataset.file} (seed ${marker.seed}); ${same ? 'unchanged since' : 'CHANGED since (the benchmark will import it again)'}`
      : 'not recorded by the benchmark',
    ...(values.fresh ? [`removed ${forgotten} stored network metrics`] : []),
    'Ctrl-C stops it (the store stays).',
    '',
  ].join('\n'));
  await new Promise(() => {});
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
