/**
 * Import throughput: `npm run import -- FILE` against a fresh server with the schema,
 * versus the bare UNWIND loader (bench/baseline-loader.ts) against another fresh server,
 * both run the same way (npm script, child process, wall time). Elements are the
 * nodes + relationships in the store afterwards.
 */
import { fileURLToPath } from 'node:url';
import { countElements, startBenchServer, type BenchServer, type ElementCount } from './neo4j.ts';
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
  baseline: LoaderRun[];
  ratio: number;
}

/** Runs a loader script on a fresh server; returns its numbers and the server (still running). */
async function runLoader(script: string, file: string, pageCacheMb: number, log: (line: string) => void): Promise<{ run: LoaderRun; server: BenchServer }> {
  const server = await startBenchServer(pageCacheMb, log);
  try {
    const started = process.hrtime.bigint();
    const child = startChild('npm', ['run', '--silent', script, '--', file], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: server.uri },
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
 * import is returned for the API benchmarks. `runs` imports of each, each on a fresh server.
 */
export async function benchImport(file: string, pageCacheMb: number, runs: number, log: (line: string) => void): Promise<{ result: ImportResult; server: BenchServer }> {
  const baseline: LoaderRun[] = [];
  const ours: LoaderRun[] = [];
  let kept: BenchServer | undefined;
  try {
    for (let i = 1; i <= runs; i++) {
      log(`  import ${i}/${runs}: baseline loader (UNWIND … CREATE) on a fresh server`);
      const b = await runLoader('bench:baseline-load', file, pageCacheMb, log);
      await b.server.dispose();
      baseline.push(b.run);
      log(`  import ${i}/${runs}: npm run import on a fresh server`);
      const o = await runLoader('import', file, pageCacheMb, log);
      ours.push(o.run);
      // Ours also stores the import's AuditEntry; anything more means the loaders disagree.
      if (Math.abs(b.run.count.elements - o.run.count.elements) > 1) {
        log(`  WARNING: the baseline stored ${b.run.count.elements} elements, ours ${o.run.count.elements}`);
      }
      await kept?.dispose();
      kept = o.server;
    }
  } catch (err) {
    await kept?.dispose();
    throw err;
  }
  const eps = (runsOf: LoaderRun[]) => median(runsOf.map((r) => r.elementsPerSecond));
  return { result: { ours, baseline, ratio: eps(ours) / eps(baseline) }, server: kept! };
}
