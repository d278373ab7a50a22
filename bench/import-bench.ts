/**
 * Import throughput: `npm run import -- FILE` against a fresh server with the schema,
 * versus the bare UNWIND loader (bench/baseline-loader.ts) against another fresh server,
 * both run the same way (npm script, child process, wall time). Elements are the
 * nodes + relationships in the store afterwards.
 */
import { fileURLToPath } from 'node:url';
import { countElements, startBenchServer, type BenchServer, type BenchServerOptions, type ElementCount } from './neo4j.ts';
import { startChild, treePeakRssMb } from './processes.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface LoaderRun {
  seconds: number;
  /** Phase times the loader printed ("Reading: … (2.0s)"), seconds. */
  phases: Record<string, number>;
  count: ElementCount;
  elementsPerSecond: number;
  peakRssMb: number | null;
}

export interface ImportResult {
  ours: LoaderRun[];
  /** Empty when the baseline was not run (`baselineSkipped` says why). */
  baseline: LoaderRun[];
  ratio: number;
  baselineSkipped?: string;
  /** Node's --max-old-space-size the import ran with; absent: Node's default. */
  importHeapMb?: number;
  /** Set when no import ran: the kept store (--data-dir) was imported then, and `ours` is that import's run. */
  reusedFrom?: string;
}

export interface ImportPlan {
  runs: number;
  /** Neo4j sizing of every server; `dataDir` (a kept store) applies to our import's server only. */
  server: BenchServerOptions;
  /** Node's --max-old-space-size for `npm run import`; null: Node's default. */
  importHeapMb: number | null;
  /** Why the baseline loader is not run; null: it is. */
  skipBaseline: string | null;
}

/** Runs a loader script on a fresh server; returns its numbers and the server (still running). Also bench/import-formats.ts. */
export async function runLoader(script: string, file: string, sizing: BenchServerOptions, heapMb: number | null, log: (line: string) => void): Promise<{ run: LoaderRun; server: BenchServer }> {
  const server = await startBenchServer(sizing, log);
  try {
    const started = process.hrtime.bigint();
    // NODE_OPTIONS reaches the node process under npm and tsx, which is the one that holds the file.
    const nodeOptions = heapMb === null ? process.env.NODE_OPTIONS : `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim();
    const child = startChild('npm', ['run', '--silent', script, '--', file], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: server.uri, ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const phases: Record<string, number> = {};
    let stderr = '';
    let peak: number | null = null;
    const sampler = setInterval(() => { peak = Math.max(peak ?? 0, treePeakRssMb(child.pid) ?? 0); }, 500);
    child.process.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      let nl: number;
      while ((nl = stderr.indexOf('\n')) >= 0) {
        const line = stderr.slice(0, nl);
        stderr = stderr.slice(nl + 1);
        const phase = /^(\w+): .*\(([\d.]+)s\)$/.exec(line.replace(/\r?\x1b\[K/g, '').trim());
        if (phase) phases[phase[1]!.toLowerCase()] = Number(phase[2]);
        log(`    ${script}: ${line.replace(/.*\r/, '')}`);
      }
    });
    child.process.stdout!.resume();
    const code = await child.exited;
    clearInterval(sampler);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (code !== 0) throw new Error(`npm run ${script} exited with code ${code}`);
    const count = await countElements(server.graph);
    return { run: { seconds, phases, count, elementsPerSecond: count.elements / seconds, peakRssMb: peak }, server };
  } catch (err) {
    await server.dispose();
    throw err;
  }
}

/**
 * Baseline first (its server is stopped and removed), then ours; the server holding our
 * import is returned for the API benchmarks. `runs` imports of each, each on a fresh
 * server (ours on `plan.server.dataDir` when it is set, emptied by the caller).
 */
export async function benchImport(file: string, plan: ImportPlan, log: (line: string) => void): Promise<{ result: ImportResult; server: BenchServer }> {
  const baseline: LoaderRun[] = [];
  const ours: LoaderRun[] = [];
  const { dataDir, ...temporary } = plan.server;
  let kept: BenchServer | undefined;
  try {
    for (let i = 1; i <= plan.runs; i++) {
      if (plan.skipBaseline === null) {
        log(`  import ${i}/${plan.runs}: baseline loader (UNWIND … CREATE) on a fresh server`);
        const b = await runLoader('bench:baseline-load', file, temporary, null, log);
        await b.server.dispose();
        baseline.push(b.run);
      }
      // The previous run's server holds the kept store's directory: stop it before the next import there.
      await kept?.dispose();
      kept = undefined;
      log(`  import ${i}/${plan.runs}: npm run import on a fresh server${plan.importHeapMb === null ? '' : ` (node --max-old-space-size=${plan.importHeapMb})`}`);
      const o = await runLoader('import', file, { ...temporary, dataDir }, plan.importHeapMb, log);
      kept = o.server;
      ours.push(o.run);
      const b = baseline.at(-1);
      // Ours also stores the import's AuditEntry; anything more means the loaders disagree.
      if (b && Math.abs(b.count.elements - o.run.count.elements) > 1) {
        log(`  WARNING: the baseline stored ${b.count.elements} elements, ours ${o.run.count.elements}`);
      }
    }
  } catch (err) {
    await kept?.dispose();
    throw err;
  }
  const eps = (runsOf: LoaderRun[]) => median(runsOf.map((r) => r.elementsPerSecond));
  return {
    result: {
      ours, baseline, ratio: baseline.length > 0 ? eps(ours) / eps(baseline) : Number.NaN,
      ...(plan.skipBaseline === null ? {} : { baselineSkipped: plan.skipBaseline }),
      ...(plan.importHeapMb === null ? {} : { importHeapMb: plan.importHeapMb }),
    },
    server: kept!,
  };
}
