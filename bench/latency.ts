/**
 * Latency over HTTP against the same work straight through the driver, measured side
 * by side: each iteration sends both with the same ids, in turns, so load from
 * elsewhere on the machine falls on both alike. Operations that send one statement are
 * also timed through the bare HTTP floor (bench/floor-server.ts): the same statement
 * behind a server that does nothing else, i.e. what any HTTP hop costs here.
 */
import { fileURLToPath } from 'node:url';
import { progressBar } from '../graph/import/index.ts';
import { dataOrError, graphqlBody, postGraphql, postJson } from './http-client.ts';
import type { Operation } from './operations.ts';
import { startChild, waitForLine } from './processes.ts';
import { acrossRuns, msSince, runPercentiles, type RunPercentiles } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface LatencyPlan {
  runs: number;
  /** Measured iterations per run (fewer when the time budget runs out). */
  iterations: number;
  warmup: number;
  /** Seconds one run of one operation may take before it stops early. */
  budgetSeconds: number;
}

interface RunResult { http: RunPercentiles; direct: RunPercentiles; floor?: RunPercentiles }

export interface LatencyResult extends RunResult {
  name: string;
  runs: RunResult[];
  error?: string;
}

/** Times every operation over HTTP (`url`), through the driver, and through the bare floor server on `neo4jUri`. */
export async function measureLatency(url: string, token: string, neo4jUri: string, operations: Operation[], plan: LatencyPlan): Promise<LatencyResult[]> {
  const floor = startChild(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts'], {
    cwd: ROOT, env: { ...process.env, NEO4J_URI: neo4jUri, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const floorUrl = `http://127.0.0.1:${(await waitForLine(floor, /listening (\d+)/, 30_000))[1]}`;
    return await measureAll(url, token, floorUrl, operations, plan);
  } finally {
    await floor.stop();
  }
}

async function measureAll(url: string, token: string, floorUrl: string, operations: Operation[], plan: LatencyPlan): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const op of operations) {
    const runs: RunResult[] = [];
    try {
      for (let run = 1; run <= plan.runs; run++) runs.push(await oneRun(url, token, floorUrl, op, plan, run));
      const floors = runs.flatMap((r) => (r.floor ? [r.floor] : []));
      results.push({
        name: op.name, http: acrossRuns(runs.map((r) => r.http)), direct: acrossRuns(runs.map((r) => r.direct)),
        ...(floors.length > 0 ? { floor: acrossRuns(floors) } : {}), runs,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`\n  ${op.name}: ${message}\n`);
      const empty = { p50: Number.NaN, p99: Number.NaN, n: 0 };
      results.push({ name: op.name, http: empty, direct: empty, runs, error: message });
    }
  }
  return results;
}

async function oneRun(url: string, token: string, floorUrl: string, op: Operation, plan: LatencyPlan, run: number): Promise<RunResult> {
  const http: number[] = [];
  const direct: number[] = [];
  const floor: number[] = [];
  const bar = progressBar(`  ${op.name} run ${run}/${plan.runs}`);
  const timeHttp = async (i: number) => {
    const body = graphqlBody(typeof op.query === 'function' ? op.query(i) : op.query, op.variables(i));
    const start = process.hrtime.bigint();
    const result = await postGraphql(url, token, body);
    const ms = msSince(start);
    dataOrError(result);
    return ms;
  };
  const timeDirect = async (i: number) => {
    const start = process.hrtime.bigint();
    await op.direct(i);
    return msSince(start);
  };
  const statement = op.statement;
  const timeFloor = statement && (async (i: number) => {
    const body = JSON.stringify(statement(i));
    const start = process.hrtime.bigint();
    const result = await postJson(floorUrl, '/', body);
    const ms = msSince(start);
    if (result.status !== 200) throw new Error(`the floor server failed: ${result.body.slice(0, 200)}`);
    return ms;
  });
  // Each leg in turn goes first, so none always runs right after another's work.
  const legs: Array<(k: number) => Promise<unknown>> = [
    async (k) => http.push(await timeHttp(k)),
    async (k) => direct.push(await timeDirect(k)),
    ...(timeFloor ? [async (k: number) => floor.push(await timeFloor(k))] : []),
  ];
  // The budget bounds the warm-up too: at L one coverageGaps takes 15 s a leg.
  const warming = Date.now();
  for (let i = 0; i < plan.warmup; i++) {
    await timeHttp(i); await timeDirect(i); if (timeFloor) await timeFloor(i);
    if (Date.now() - warming > plan.budgetSeconds * 1000) break;
  }
  const started = Date.now();
  const offset = (run - 1) * plan.iterations; // each run cycles on to other ids
  for (let i = 0; i < plan.iterations; i++) {
    for (let j = 0; j < legs.length; j++) await legs[(i + j) % legs.length]!(offset + i);
    bar.update(i + 1, plan.iterations);
    if (Date.now() - started > plan.budgetSeconds * 1000) break;
  }
  const result: RunResult = { http: runPercentiles(http), direct: runPercentiles(direct), ...(timeFloor ? { floor: runPercentiles(floor) } : {}) };
  bar.done(`${http.length} samples, HTTP p50 ${result.http.p50.toFixed(1)} ms / p99 ${result.http.p99.toFixed(1)} ms, `
    + `driver p50 ${result.direct.p50.toFixed(1)} ms / p99 ${result.direct.p99.toFixed(1)} ms`
    + (result.floor ? `, bare HTTP p50 ${result.floor.p50.toFixed(1)} ms` : ''));
  return result;
}
