/** What one size's benchmark produced, and the targets it is judged by. */
import type { Size } from './args.ts';
import type { Dataset } from './dataset.ts';
import type { ImportResult } from './import-bench.ts';
import type { LatencyResult } from './latency.ts';
import type { ElementCount } from './neo4j.ts';
import type { NetworkResult } from './network.ts';
import type { RoundTripResult } from './roundtrips.ts';
import type { ThroughputResult } from './throughput.ts';
import type { WriteLoadResult } from './writes.ts';

export interface SizeResult {
  size: Size;
  date: string;
  runs: number;
  quick: boolean;
  dataset: Dataset;
  count: ElementCount;
  import: ImportResult;
  latency: LatencyResult[];
  roundTrips: RoundTripResult[];
  network: NetworkResult;
  throughput: ThroughputResult | { error: string };
  writes: WriteLoadResult | { error: string };
  apiPeakRssMb: number | null;
  neo4jPeakRssMb: number | null;
  /** 1-minute load average before and after the size's measurements. */
  load: [number, number];
  minutes: number;
}

export const TARGETS = {
  importRatio: 0.8,
  httpOverDriver: 1.3,
  accountabilityP99Ms: 50,
  networkWarmMs: 100,
  throughputRatio: 0.35,
  /** 5× the 32 writes/s that one graph-wide write lock allowed (issue 14), with no invariant broken. */
  writesPerSecond: 160,
} as const;

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export function atLeast(value: number, target: number): Verdict {
  return Number.isFinite(value) ? (value >= target ? 'PASS' : 'FAIL') : 'n/a';
}

export function atMost(value: number, target: number): Verdict {
  return Number.isFinite(value) ? (value <= target ? 'PASS' : 'FAIL') : 'n/a';
}

export function below(value: number, target: number): Verdict {
  return Number.isFinite(value) ? (value < target ? 'PASS' : 'FAIL') : 'n/a';
}
