/**
 * `npm run bench:peer`: issue 22's comparison alone (bench/peer.ts), without a whole
 * benchmark run: the API (a child, as ADMIN with a random token) and @neo4j/graphql (a
 * child) on a Neo4j that is already running (--neo4j-uri) or on a store the benchmark kept
 * (--data-dir PATH --size S|M|L, started here as bench/serve-store.ts starts it). It only
 * reads. Progress on stderr, the tables on stdout; the result as JSON in
 * bench/out/peer-<size, or "uri">.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Graph } from '../graph/db/index.ts';
import { SIZES, type Size } from './args.ts';
import { startApiProcess, type ApiProcess } from './api-process.ts';
import { loadFixture } from './fixture.ts';
import { closeClient } from './http-client.ts';
import { plainDriver, startBenchServer, type BenchServer } from './neo4j.ts';
import { measurePeer, peerSection, type PeerPlan } from './peer.ts';
import { storeDir } from './store.ts';

// As bench/run.ts: neither side formats source-mapped stack traces.
process.setSourceMapsEnabled(false);

const USAGE = `usage: npm run bench:peer -- (--neo4j-uri URI | --data-dir PATH --size S|M|L) [--runs N] [--seconds N] [--iterations N]
  --neo4j-uri   a running Neo4j holding an imported ecosystem (no authentication)
  --data-dir    a store kept by \`npm run bench -- --data-dir PATH\`, served from PATH/<size> for the run
  --runs        runs of every latency series and load (default 3)
  --seconds     seconds of each autocannon load (default 10)
  --iterations  timed pairs per run and read (default 300)`;

const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));
const started = Date.now();
const log = (line: string) => process.stderr.write(`[peer ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);

interface Options { uri: string | null; dataDir: string | null; size: Size | null; plan: PeerPlan }

function parse(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      'neo4j-uri': { type: 'string' }, 'data-dir': { type: 'string' }, size: { type: 'string' },
      runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' }, iterations: { type: 'string', default: '300' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const uri = values['neo4j-uri']?.trim() || null;
  const dataDir = values['data-dir']?.trim() || null;
  const size = values.size === undefined ? null : SIZES.find((s) => s.name === values.size!.trim().toUpperCase()) ?? null;
  if (values.size !== undefined && size === null) throw new RangeError(`unknown size "${values.size}" (S, M or L)`);
  if ((uri === null) === (dataDir === null)) throw new RangeError('give either --neo4j-uri or --data-dir');
  if (dataDir !== null && size === null) throw new RangeError('--data-dir needs --size');
  const runs = positive(values.runs, 'runs');
  const iterations = positive(values.iterations, 'iterations');
  return {
    uri, dataDir, size,
    plan: {
      runs, iterations, warmup: Math.min(30, Math.ceil(iterations / 10)), budgetSeconds: 45,
      seconds: positive(values.seconds, 'seconds'), connections: [10, 50],
    },
  };
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a whole number >= 1, got "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    const parsed = parse(argv);
    if (parsed === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
    options = parsed;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  let server: BenchServer | null = null;
  let api: ApiProcess | null = null;
  const driver = options.uri === null ? null : plainDriver(options.uri);
  try {
    if (options.dataDir !== null && options.size !== null) {
      const dir = storeDir(options.dataDir, options.size);
      log(`starting Neo4j on the store in ${dir}`);
      server = await startBenchServer({ dataDir: dir, pageCacheMb: options.size.pageCacheMb, heapMb: options.size.neo4jHeapMb }, log);
    }
    const uri = server?.uri ?? options.uri!;
    const graph = server?.graph ?? new Graph(driver!, { queryTimeoutMs: 10 * 60_000 });
    const fx = await loadFixture(graph);
    const token = `bench-${randomBytes(24).toString('hex')}`;
    log(`starting the API (child process) on ${uri}`);
    api = await startApiProcess(uri, token, options.size?.apiQueryTimeoutMs);
    log('peer (@neo4j/graphql side by side)');
    const result = await measurePeer(api.url, token, uri, fx, options.plan, log);
    process.stdout.write(`\n${peerSection(result)}\n\n`);
    mkdirSync(OUT_DIR, { recursive: true });
    const file = `${OUT_DIR}peer-${options.size?.name ?? 'uri'}.json`;
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), neo4jUri: uri, ...result }, null, 2)}\n`);
    log(`wrote ${file}`);
    return 0;
  } finally {
    await api?.stop();
    await closeClient();
    await driver?.close();
    await server?.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench:peer failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
