/**
 * Latency over HTTP against the same work straight through the driver, measured side
 * by side: each iteration sends both with the same ids, alternating which goes first,
 * so load from elsewhere on the machine falls on both alike.
 */
import { progressBar } from '../graph/import/progress.ts';
import { dataOrError, graphqlBody, postGraphql } from './http-client.ts';
import type { Operation } from './operations.ts';
import { acrossRuns, msSince, runPercentiles, type RunPercentiles } from './stats.ts';

export interface LatencyPlan {
  runs: number;
  /** Measured iterations per run (fewer when the time budget runs out). */
  iterations: number;
  warmup: number;
  /** Seconds one run of one operation may take before it stops early. */
  budgetSeconds: number;
}

export interface LatencyResult {
  name: string;
  http: RunPercentiles;
  direct: RunPercentiles;
  runs: Array<{ http: RunPercentiles; direct: RunPercentiles }>;
  error?: string;
}

export async function measureLatency(url: string, token: string, operations: Operation[], plan: LatencyPlan): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  for (const op of operations) {
    const runs: LatencyResult['runs'] = [];
    try {
      for (let run = 1; run <= plan.runs; run++) runs.push(await oneRun(url, token, op, plan, run));
      results.push({ name: op.name, http: acrossRuns(runs.map((r) => r.http)), direct: acrossRuns(runs.map((r) => r.direct)), runs });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`\n  ${op.name}: ${message}\n`);
      const empty = { p50: Number.NaN, p99: Number.NaN, n: 0 };
      results.push({ name: op.name, http: empty, direct: empty, runs, error: message });
    }
  }
  return results;
}

async function oneRun(url: string, token: string, op: Operation, plan: LatencyPlan, run: number) {
  const http: number[] = [];
  const direct: number[] = [];
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
  for (let i = 0; i < plan.warmup; i++) { await timeHttp(i); await timeDirect(i); }
  const started = Date.now();
  const offset = (run - 1) * plan.iterations; // each run cycles on to other ids
  for (let i = 0; i < plan.iterations; i++) {
    const k = offset + i;
    if (i % 2 === 0) { http.push(await timeHttp(k)); direct.push(await timeDirect(k)); }
    else { direct.push(await timeDirect(k)); http.push(await timeHttp(k)); }
    bar.update(i + 1, plan.iterations);
    if (Date.now() - started > plan.budgetSeconds * 1000) break;
  }
  const result = { http: runPercentiles(http), direct: runPercentiles(direct) };
  bar.done(`${http.length} pairs, HTTP p50 ${result.http.p50.toFixed(1)} ms / p99 ${result.http.p99.toFixed(1)} ms, `
    + `driver p50 ${result.direct.p50.toFixed(1)} ms / p99 ${result.direct.p99.toFixed(1)} ms`);
  return result;
}
