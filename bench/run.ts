/**
 * `npm run bench`: for each size, generate the ecosystem, time the import against a bare
 * loader, start the API on the imported graph and time it against the driver, count
 * round trips, time `network`, load it with autocannon against a plain server, send
 * writes from 50 concurrent writers (last: they change the graph), read peak memory;
 * then the web map's fps; then write bench/BENCHMARKS.md.
 * Phase lines and progress go to stderr; the tables to stdout.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseBenchArgs, USAGE, type BenchOptions, type Size } from './args.ts';
import { startApiProcess } from './api-process.ts';
import { generateDataset } from './dataset.ts';
import { loadFixture } from './fixture.ts';
import { measureWebFps } from './fps.ts';
import { closeClient } from './http-client.ts';
import { benchImport } from './import-bench.ts';
import { measureLatency } from './latency.ts';
import { describeMachine, type Machine } from './machine.ts';
import { countElements, neo4jVersion } from './neo4j.ts';
import { measureNetwork } from './network.ts';
import { latencyOperations } from './operations.ts';
import { peakRssMb } from './processes.ts';
import { REPORT_FILE, writeReport } from './report.ts';
import { sizeSection } from './report-size.ts';
import type { SizeResult } from './results.ts';
import { measureRoundTrips } from './roundtrips.ts';
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

async function benchSize(size: Size, options: BenchOptions, token: string, onMachine: (m: Machine) => void): Promise<SizeResult> {
  const sizeStarted = Date.now();
  const loadBefore = loadavg()[0]!;
  phase(size, `generating ${size.partners} partners / ${size.engagements} engagements (seed ${options.seed})`);
  const dataset = await generateDataset(size, options.seed);
  phase(size, `${dataset.file} (${(dataset.bytes / 2 ** 20).toFixed(1)} MiB) in ${dataset.seconds.toFixed(1)} s`);

  phase(size, 'import throughput');
  const { result: imported, server } = await benchImport(dataset.file, size.pageCacheMb, options.importRuns, log);
  try {
    const count = await countElements(server.graph);
    onMachine(describeMachine(await neo4jVersion(server.graph), loadAtStart));
    const fx = await loadFixture(server.graph);
    phase(size, `starting the API (child process) on the imported graph: ${count.nodes} nodes, ${count.relationships} relationships`);
    const api = await startApiProcess(server.uri, token);
    try {
      phase(size, 'network, cold and warm');
      const network = await measureNetwork(api.url, token, fx, options.runs, options.quick ? 10 : 30);
      if (!network.served) log(`  network: n/a (${network.reason})`);
      phase(size, 'latency, HTTP against the driver');
      const latency = await measureLatency(api.url, token, server.uri, latencyOperations(server.driver, server.graph, fx), {
        runs: options.runs, iterations: options.quick ? 100 : 300, warmup: options.quick ? 10 : 30, budgetSeconds: options.quick ? 15 : 45,
      });
      phase(size, 'round trips per operation (app in-process)');
      const roundTrips = await measureRoundTrips(server.uri, token, server.graph, fx, network.served);
      phase(size, 'throughput (autocannon)');
      const throughput = await measureThroughput(api.url, token, fx.partnerId, options.runs, options.quick ? 5 : 20, log)
        .catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
      phase(size, `writes at ${WRITERS} writers`);
      const writes = await measureWrites(api.url, token, server.graph, options.quick ? 20 : 60, options.seed)
        .catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
      if (!('error' in writes)) {
        log(`  ${writes.writes} writes in ${writes.seconds.toFixed(1)} s: ${writes.writesPerSecond.toFixed(0)} writes/s, p99 ${writes.p99.toFixed(0)} ms, `
          + `${writes.violations} invariant violations, ${writes.failures} failures`);
      }
      const apiPeakRssMb = api.peakRssMb();
      return {
        size, date: new Date().toISOString().slice(0, 10), runs: options.runs, quick: options.quick, dataset, count, import: imported,
        latency, roundTrips, network, throughput, writes, apiPeakRssMb, neo4jPeakRssMb: peakRssMb(server.pid),
        load: [loadBefore, loadavg()[0]!], minutes: (Date.now() - sizeStarted) / 60_000,
      };
    } finally {
      await api.stop();
    }
  } finally {
    await server.dispose();
  }
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseBenchArgs(argv);
    if (parsed === 'help') { process.stdout.write(`${USAGE}\n`); return 0; }
    options = parsed;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const token = `bench-${randomBytes(24).toString('hex')}`;
  const results: SizeResult[] = [];
  let machine: Machine | undefined;
  let failed = false;
  for (const size of options.sizes) {
    try {
      const result = await benchSize(size, options, token, (m) => { machine ??= m; });
      results.push(result);
      process.stdout.write(`\n${sizeSection(result)}\n\n`);
    } catch (err) {
      failed = true;
      log(`[${size.name}] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }
  log('web map fps');
  const fps = await measureWebFps(log);
  log(`  ${fps.medianFps === null ? fps.detail : `median ${fps.medianFps.toFixed(1)} fps`}`);
  await closeClient();
  if (machine && results.length > 0) {
    writeReport(machine, fps, results);
    log(`Wrote ${REPORT_FILE} in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
  },
);
