/** What one size's benchmark produced, and the targets it is judged by. */
import type { Size } from './args.ts';
import type { Dataset } from './dataset.ts';
import type { ImportResult } from './import-bench.ts';
import type { LatencyResult } from './latency.ts';
import type { ElementCount } from './neo4j.ts';
import type { NetworkResult } from './network.ts';
import type { RoundTripResult } from './roundtrips.ts';
import type { ThroughputResult } from './throughput.ts';

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
