/**
 * `npm run bench`: for each size, generate the ecosystem, time the import against a bare
 * loader, start the API on the imported graph and time it against the driver, count
 * round trips, time `network`, load it with autocannon against a plain server, set three
 * reads beside @neo4j/graphql on the same graph (bench/peer.ts), send writes from 50
 * concurrent writers (last: they change the graph), read peak memory;
 * then import the size as a CSV folder against JSON (bench/import-formats.ts); then the
 * web map's fps; then write bench/BENCHMARKS.md. `--only import-formats` runs that row
 * alone (taken out of the arguments here, before bench/args.ts reads the rest). With
 * --data-dir an imported size is kept and reused instead of imported again
 * (bench/store.ts); --quick at L runs a subset (bench/args.ts).
 * Phase lines and progress go to stderr; the tables to stdout.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseBenchArgs, USAGE, type BenchOptions, type Size } from './args.ts';
import { startApiProcess, type ApiProcess } from './api-process.ts';
import { generateDataset, type Dataset } from './dataset.ts';
import { aheadOperations, loadScenarioInput } from './ahead.ts';
import { dealOperations, loadDealClaims } from './deals.ts';
import { loadFixture } from './fixture.ts';
import { measureWebFps } from './fps.ts';
import { closeClient } from './http-client.ts';
import { benchImport, type ImportResult } from './import-bench.ts';
import { benchImportFormats, formatsSection, type FormatsResult } from './import-formats.ts';
import { measureLatency } from './latency.ts';
import { describeMachine, type Machine } from './machine.ts';
import { countEcosystem, countElements, forgetDerived, neo4jVersion, startBenchServer, type BenchServer } from './neo4j.ts';
import { measureNetwork, type NetworkResult } from './network.ts';
import { measurePeer } from './peer.ts';
import { latencyOperations } from './operations.ts';
import { peakRssMb } from './processes.ts';
import { REPORT_FILE, writeFormatsReport, writeReport } from './report.ts';
import { sizeSection } from './report-size.ts';
import type { SizeResult } from './results.ts';
import { measureRoundTrips, type RoundTripResult } from './roundtrips.ts';
import { clearStore, markTouched, readMarker, sha256File, storeBytes, storeDir, whyNotReusable, writeMarker } from './store.ts';
import { measureThroughput } from './throughput.ts';
import { measureWrites, WRITERS } from './writes.ts';

// tsx turns on source-mapped stack traces, and the driver formats a stack for every
// statement: the driver side of each ratio would pay for a mapping the API, which turns
// them off (api/main.ts), does not. Both sides run without them.
process.setSourceMapsEnabled(false);

const started = Date.now();
const loadAtStart = loadavg()[0]!;
const log = (line: string) => process.stderr.write(`${line}\n`);
const phase = (size: Size, what: string) => log(`[${size.name} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${what}`);

/** The latency rows a --quick run keeps at a size whose --quick is a subset (L). */
const SUBSET_LATENCY = ['accountability', 'coverageGaps', 'engagementGaps'];

/** How long the first `network` may take before the run gives up on it, minutes. */
const NETWORK_BUDGET_MIN = { quick: 15, full: 60 };

/**
 * The server holding `size`: the kept store under --data-dir when it can be reused
 * (bench/store.ts), else a fresh import (into the kept directory under --data-dir,
 * recorded by a marker once it is complete).
 */
async function importedServer(size: Size, options: BenchOptions, dataset: Dataset, subset: boolean): Promise<{ imported: ImportResult; server: BenchServer; dir: string | null }> {
  const sizing = { pageCacheMb: size.pageCacheMb, ...(size.neo4jHeapMb === undefined ? {} : { heapMb: size.neo4jHeapMb }) };
  const dir = options.dataDir === null ? null : storeDir(options.dataDir, size);
  const sha256 = dir === null ? null : await sha256File(dataset.file);
  if (dir !== null && sha256 !== null) {
    const why = whyNotReusable(dir, size, options.seed, { ...dataset, sha256 });
    const marker = readMarker(dir);
    if (why === null && marker) {
      const server = await startBenchServer({ ...sizing, dataDir: dir }, log);
      const now = await countEcosystem(server.graph);
      if (now.nodes === marker.ecosystem.nodes && now.relationships === marker.ecosystem.relationships) {
        const forgotten = await forgetDerived(server.driver);
        phase(size, `reusing the store in ${dir} (imported ${marker.importedAt}): no import this run`
          + `${forgotten > 0 ? `; removed ${forgotten} stored network metrics of earlier runs` : ''}`);
        return { imported: { ours: [marker.import], baseline: [], ratio: Number.NaN, reusedFrom: marker.importedAt,
          ...(size.importHeapMb === null ? {} : { importHeapMb: size.importHeapMb }) }, server, dir };
      }
      await server.dispose();
      phase(size, `the store in ${dir} holds ${now.nodes} / ${now.relationships} ecosystem nodes / relationships, not the ${marker.ecosystem.nodes} / ${marker.ecosystem.relationships} imported: importing again`);
    } else {
      phase(size, `not reusing ${dir}: ${why}`);
    }
    clearStore(dir);
  }
  const { result: imported, server } = await benchImport(dataset.file, {
    runs: options.importRuns,
    server: { ...sizing, ...(dir === null ? {} : { dataDir: dir }) },
    importHeapMb: size.importHeapMb,
    skipBaseline: subset ? `--quick at ${size.name}: the baseline loader would add its own import of the same size` : null,
  }, log);
  if (dir !== null && sha256 !== null) {
    writeMarker(dir, {
      size: size.name, partners: size.partners, engagements: size.engagements, seed: options.seed,
      dataset: { file: dataset.file, bytes: dataset.bytes, sha256 }, ecosystem: await countEcosystem(server.graph),
      import: imported.ours.at(-1)!, importedAt: new Date().toISOString(), pristine: true,
    });
  }
  return { imported, server, dir };
}

/**
 * measureNetwork, given `minutes`: a first answer that never comes (exact metrics on a
 * network too large) must not take the rest of the run with it. Past the budget the
 * API is restarted, which ends its computation, and the result says why there are no rows.
 */
async function networkWithin(minutes: number, api: ApiProcess, restart: () => Promise<ApiProcess>, measure: (url: string) => Promise<NetworkResult>): Promise<{ network: NetworkResult; api: ApiProcess; peakMb: number | null }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((done) => { timer = setTimeout(() => done('late'), minutes * 60_000); });
  const outcome = await Promise.race([measure(api.url), late]).finally(() => clearTimeout(timer));
  if (outcome !== 'late') return { network: outcome, api, peakMb: null };
  const peakMb = api.peakRssMb();
  log(`  network: no answer within ${minutes} min; restarting the API to end the computation`);
  await api.stop();
  return { network: { served: false, reason: `no first answer within the run's budget of ${minutes} min (the API was restarted to end it)` }, api: await restart(), peakMb };
}

async function benchSize(size: Size, options: BenchOptions, token: string, onMachine: (m: Machine) => void): Promise<SizeResult> {
  const sizeStarted = Date.now();
  const loadBefore = loadavg()[0]!;
  const subset = options.quick && size.quickIsSubset;
  phase(size, `generating ${size.partners} partners / ${size.engagements} engagements (seed ${options.seed})`);
  const dataset = await generateDataset(size, options.seed);
  phase(size, `${dataset.file} (${(dataset.bytes / 2 ** 20).toFixed(1)} MiB) in ${dataset.seconds.toFixed(1)} s`);

  phase(size, subset ? 'import (ours only: --quick)' : 'import throughput');
  const { imported, server, dir } = await importedServer(size, options, dataset, subset);
  let measured: Omit<SizeResult, 'store'>;
  try {
    measured = await measureSize(size, options, token, onMachine, { imported, server, dir, dataset, subset, sizeStarted, loadBefore });
    await server.stop();
  } catch (err) {
    await server.dispose();
    throw err;
  }
  const store = storeBytes(server.dataDir);
  phase(size, `on disk after shutdown: store ${(store.store / 2 ** 30).toFixed(2)} GiB, transaction logs ${(store.transactionLogs / 2 ** 30).toFixed(2)} GiB`);
  await server.dispose();
  return { ...measured, store };
}

interface Imported { imported: ImportResult; server: BenchServer; dir: string | null; dataset: Dataset; subset: boolean; sizeStarted: number; loadBefore: number }

/** Everything measured on the imported server, which the caller stops (and reads the store size of). */
async function measureSize(size: Size, options: BenchOptions, token: string, onMachine: (m: Machine) => void, on: Imported): Promise<Omit<SizeResult, 'store'>> {
  const { imported, server, dir, dataset, subset, sizeStarted, loadBefore } = on;
  const count = await countElements(server.graph);
  onMachine(describeMachine(await neo4jVersion(server.graph), loadAtStart));
  const fx = await loadFixture(server.graph);
  phase(size, `starting the API (child process) on the imported graph: ${count.nodes} nodes, ${count.relationships} relationships`);
  let api = await startApiProcess(server.uri, token, size.apiQueryTimeoutMs);
  let apiPeakRssMb: number | null = null;
  try {
    phase(size, 'network, cold and warm');
    const budget = options.quick ? NETWORK_BUDGET_MIN.quick : NETWORK_BUDGET_MIN.full;
    const timed = await networkWithin(budget, api, () => startApiProcess(server.uri, token, size.apiQueryTimeoutMs),
      (url) => measureNetwork(url, token, fx, options.runs, options.quick ? 10 : 30));
    const network = timed.network;
    api = timed.api;
    apiPeakRssMb = timed.peakMb;
    if (!network.served) log(`  network: n/a (${network.reason})`);
    phase(size, `latency, HTTP against the driver${subset ? ` (${SUBSET_LATENCY.join(', ')}: --quick)` : ''}`);
    const operations = [
      ...latencyOperations(server.driver, server.graph, fx),
      ...aheadOperations(server.graph, fx, await loadScenarioInput(server.graph, fx.today)),
      ...dealOperations(server.graph, fx, await loadDealClaims(server.graph)),
    ].filter((op) => !subset || SUBSET_LATENCY.includes(op.name));
    // registerDeal writes registrations: a kept store is imported again next time.
    if (dir !== null && !subset) markTouched(dir);
    const latency = await measureLatency(api.url, token, server.uri, operations, {
      runs: options.runs, iterations: options.quick ? 100 : 300, warmup: options.quick ? 10 : 30, budgetSeconds: options.quick ? 15 : 45,
    });
    const skipped = subset ? `--quick at ${size.name}` : null;
    let roundTrips: RoundTripResult[] = [];
    let throughput: SizeResult['throughput'] = { error: `not run (${skipped})` };
    let writes: SizeResult['writes'] = { error: `not run (${skipped})` };
    let peer: SizeResult['peer'] = { error: `not run (${skipped})` };
    if (!subset) {
      phase(size, 'round trips per operation (app in-process)');
      roundTrips = await measureRoundTrips(server.uri, token, server.graph, fx, network.served);
      phase(size, 'throughput (autocannon)');
      throughput = await measureThroughput(api.url, token, fx.partnerId, options.runs, options.quick ? 5 : 20, log)
        .catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
      phase(size, 'peer (@neo4j/graphql side by side)');
      peer = await measurePeer(api.url, token, server.uri, fx, {
        runs: options.runs, iterations: options.quick ? 100 : 300, warmup: options.quick ? 10 : 30, budgetSeconds: options.quick ? 15 : 45,
        seconds: options.quick ? 5 : 10, connections: [10, 50],
      }, log).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
      if ('error' in peer) log(`  peer: ${peer.error}`);
      phase(size, `writes at ${WRITERS} writers`);
      // They change the ecosystem: a kept store is imported again next time.
      if (dir !== null) markTouched(dir);
      writes = await measureWrites(api.url, token, server.graph, options.quick ? 20 : 60, options.seed)
        .catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
      if (!('error' in writes)) {
        log(`  ${writes.writes} writes in ${writes.seconds.toFixed(1)} s: ${writes.writesPerSecond.toFixed(0)} writes/s, p99 ${writes.p99.toFixed(0)} ms, `
          + `${writes.violations} invariant violations, ${writes.failures} failures`);
      }
    }
    apiPeakRssMb = maxOf(apiPeakRssMb, api.peakRssMb());
    return {
      size, date: new Date().toISOString().slice(0, 10), runs: options.runs, quick: options.quick, dataset, count, import: imported,
      latency, roundTrips, network, throughput, peer, writes, apiPeakRssMb, neo4jPeakRssMb: peakRssMb(server.pid),
      load: [loadBefore, loadavg()[0]!], minutes: (Date.now() - sizeStarted) / 60_000,
      subset: subset ? SUBSET_NOTE : null,
    };
  } finally {
    await api.stop();
  }
}

const SUBSET_NOTE = 'the --quick subset: our import only (no baseline loader), the accountability, coverageGaps and engagementGaps '
  + 'latency rows, network and peak memory; no round trips, throughput, @neo4j/graphql comparison or writes';

/** Rows `--only` can name, run alone for each size. */
const ONLY = ['import-formats'] as const;
type Only = (typeof ONLY)[number];

/** What `--skip` can leave out of a whole run (their sections in the report stay as they were). */
const SKIPPABLE = ['import-formats', 'web-fps'] as const;
type Skippable = (typeof SKIPPABLE)[number];

const ONLY_USAGE = `  --only       run one row alone for each size: ${ONLY.join(', ')} (the CSV folder against
               the JSON import of the same data; --import-runs rounds, alternating)
  --skip       leave out of the run (comma-separated): ${SKIPPABLE.join(', ')}; their report
               sections are kept from the last run that measured them`;

/** Takes `--skip A,B` (or `--skip=A,B`) out of argv; throws RangeError for an unknown name. */
function takeSkip(argv: string[]): { skip: Set<Skippable>; rest: string[] } {
  const rest: string[] = [];
  const skip = new Set<Skippable>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--skip' ? argv[++i] ?? '' : arg.startsWith('--skip=') ? arg.slice('--skip='.length) : null;
    if (value === null) { rest.push(arg); continue; }
    for (const name of value.split(',').map((v) => v.trim()).filter(Boolean)) {
      if (!(SKIPPABLE as readonly string[]).includes(name)) throw new RangeError(`--skip takes ${SKIPPABLE.join(', ')}, got "${name}"`);
      skip.add(name as Skippable);
    }
  }
  return { skip, rest };
}

/** Takes `--only ROW` (or `--only=ROW`) out of argv; throws RangeError for an unknown row. */
function takeOnly(argv: string[]): { only: Only | null; rest: string[] } {
  const rest: string[] = [];
  let only: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') only = argv[++i] ?? '';
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length);
    else rest.push(arg);
  }
  if (only !== null && !(ONLY as readonly string[]).includes(only)) throw new RangeError(`--only takes ${ONLY.join(', ')}, got "${only}"`);
  return { only: only as Only | null, rest };
}

/** The import formats row of `size`, or null (with the reason logged) when --quick leaves it out. */
async function formatsRow(size: Size, options: BenchOptions, dataset: Dataset | null): Promise<FormatsResult | null> {
  if (options.quick && size.quickIsSubset) {
    phase(size, `import formats: not run (--quick at ${size.name}: two more imports of the whole size)`);
    return null;
  }
  phase(size, 'import formats: CSV folder against JSON, the same data');
  const data = dataset ?? await generateDataset(size, options.seed);
  const result = await benchImportFormats(size, data, options.importRuns, log);
  process.stdout.write(`\n${formatsSection(result)}\n\n`);
  return result;
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  let only: Only | null;
  let skip: Set<Skippable>;
  try {
    const skipped = takeSkip(argv);
    skip = skipped.skip;
    const taken = takeOnly(skipped.rest);
    only = taken.only;
    const parsed = parseBenchArgs(taken.rest);
    if (parsed === 'help') { process.stdout.write(`${USAGE}\n${ONLY_USAGE}\n`); return 0; }
    options = parsed;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n${ONLY_USAGE}\n`);
    return 2;
  }
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const results: SizeResult[] = [];
  const formats: FormatsResult[] = [];
  let machine: Machine | undefined;
  let failed = false;
  for (const size of options.sizes) {
    let dataset: Dataset | null = null;
    if (only === null) {
      try {
        const result = await benchSize(size, options, token, (m) => { machine ??= m; });
        results.push(result);
        dataset = result.dataset;
        process.stdout.write(`\n${sizeSection(result)}\n\n`);
      } catch (err) {
        failed = true;
        log(`[${size.name}] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        continue;
      }
    }
    if (skip.has('import-formats')) {
      phase(size, 'import formats: not run (--skip)');
      continue;
    }
    try {
      const row = await formatsRow(size, options, dataset);
      if (row) formats.push(row);
    } catch (err) {
      failed = true;
      log(`[${size.name}] import formats failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }
  // The web map's fps does not depend on the size; a --quick subset leaves it to the full runs.
  const fps = only !== null || skip.has('web-fps') || (options.quick && options.sizes.every((s) => s.quickIsSubset)) ? null : await measureWebFps(log);
  if (fps) log(`web map fps\n  ${fps.medianFps === null ? fps.detail : `median ${fps.medianFps.toFixed(1)} fps`}`);
  await closeClient();
  if (machine && results.length > 0) writeReport(machine, fps, results);
  if (formats.length > 0) writeFormatsReport(formats);
  if (results.length > 0 || formats.length > 0) log(`Wrote ${REPORT_FILE} in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
