/** Percentiles and medians of samples (milliseconds unless said otherwise). */

/** Nearest-rank percentile (p in 0..100) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** p50 and p99 of one run's samples. */
export interface RunPercentiles { p50: number; p99: number; n: number }

export function runPercentiles(samples: readonly number[]): RunPercentiles {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

/** Across runs: the median of the runs' p50s and of their p99s. */
export function acrossRuns(runs: readonly RunPercentiles[]): RunPercentiles {
  return {
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    n: runs.reduce((sum, r) => sum + r.n, 0),
  };
}

/** Milliseconds since `start` (a process.hrtime.bigint()). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
