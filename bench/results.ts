/** What one size's benchmark produced, and the targets it is judged by. */
import type { Size } from './args.ts';
import type { Dataset } from './dataset.ts';
import type { ImportResult } from './import-bench.ts';
import type { LatencyResult } from './latency.ts';
import type { ElementCount } from './neo4j.ts';
import type { NetworkResult } from './network.ts';
import type { PeerResult } from './peer.ts';
import type { RoundTripResult } from './roundtrips.ts';
import type { StoreBytes } from './store.ts';
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
  /** Issue 22: the same reads against @neo4j/graphql (bench/peer.ts). */
  peer: PeerResult | { error: string };
  writes: WriteLoadResult | { error: string };
  apiPeakRssMb: number | null;
  neo4jPeakRssMb: number | null;
  /** 1-minute load average before and after the size's measurements. */
  load: [number, number];
  minutes: number;
  /** Disk taken by the imported database. */
  store: StoreBytes;
  /** What a --quick subset left out (sizes whose --quick is one), or null. */
  subset: string | null;
}

export const TARGETS = {
  importRatio: 0.8,
  httpOverDriver: 1.3,
  accountabilityP99Ms: 50,
  networkWarmMs: 100,
  /** Issue 15, at M: the next `network` after a write answers within this, stale or fresh. */
  networkAfterWriteMs: 200,
  /** Issue 15: a fresh recomputation of the whole network finishes within this, at M and at L. */
  networkFreshMs: { M: 30_000, L: 300_000 } as Partial<Record<string, number>>,
  /** Issue 15, at L: the community overview answers within this, warm. */
  networkOverviewMs: 1_000,
  /** Issue 20, at M: the first page of atRiskOutcomes over HTTP, p99. */
  atRiskP99Ms: 100,
  /** Issue 20, at M: a scenario of 3 exits, 2 joins and 2 handovers, p50 over a plain coverageGaps p50, both over HTTP. */
  scenarioOverCoverage: 2,
  /** Issue 21, at M with the generated registrations: dealConflicts over HTTP, p99. */
  dealConflictsP99Ms: 500,
  /** Issue 21, at M: registerDeal (a new PENDING registration, ADMIN token) over HTTP, p99. */
  registerDealP99Ms: 20,
  /** `{ viewer { role } }` requests/s over a plain node:http server's (issue 22 restated the first wave's 0.35). */
  throughputRatio: 0.3,
  /** Issue 22: a one-statement operation over HTTP, p50, over the same statement behind the bare HTTP floor. */
  httpOverFloor: 1.15,
  /**
   * Issue 22: Ecomap against the Neo4j GraphQL Library on the same reads over the same
   * database (bench/peer.ts): latency at most `latencyRatio` × the peer's at the listed
   * percentiles, requests/s at least `throughputRatio` × the peer's for the listed reads.
   */
  peer: {
    latencyRatio: 0.8,
    throughputRatio: 1.25,
    latency: { 'nested list': ['p50', 'p99'], 'partner by id': ['p50'], deep: ['p50', 'p99'] },
    throughput: ['nested list', 'deep'],
  },
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
