/** The command line of `npm run bench`: which sizes, how many runs, how long. */
import { parseArgs } from 'node:util';

export interface Size {
  name: 'S' | 'M' | 'L';
  partners: number;
  engagements: number;
  /** Neo4j page cache for this size, MiB. */
  pageCacheMb: number;
  /** Neo4j heap (-Xmx) for this size, MiB; absent: the product's machine-sized default (graph/db/server/memory.ts). */
  neo4jHeapMb?: number;
  /** Node's --max-old-space-size for `npm run import` of this size; null: Node's default. */
  importHeapMb: number | null;
  /** Under --quick, only the import (no baseline), three latency rows, network and memory. */
  quickIsSubset: boolean;
  /** QUERY_TIMEOUT_MS for the API at this size; absent: the product's default (10 s). */
  apiQueryTimeoutMs?: number;
}

export const SIZES: readonly Size[] = [
  { name: 'S', partners: 1_000, engagements: 10_000, pageCacheMb: 512, importHeapMb: null, quickIsSubset: false },
  { name: 'M', partners: 10_000, engagements: 100_000, pageCacheMb: 1_024, importHeapMb: null, quickIsSubset: false },
  // `npm run import` holds the parsed file, a shape-checked copy of it and every
  // reference with its JSON path at once: 5.0 GiB live at L, over Node's default heap
  // (4,144 MiB on this 24 GiB machine), where it died in validation; 8 GiB leaves the
  // collector room (peak RSS 7.5 GiB). Neo4j: the store is 2.6 GiB after the import, so
  // a 6 GiB page cache holds it whole with room to grow, and the 4 GiB heap carries the
  // validation's one statement with 5.5 million items; with Node that is at most about
  // 19 GiB of the machine's 24. coverageGaps takes 8 to 19 s at L (load 2 to 7), around
  // and over the API's default 10 s query timeout (refused as QUERY_TOO_COMPLEX): the API
  // gets 2 min, so the row times the statement instead of the refusal.
  {
    name: 'L', partners: 100_000, engagements: 1_000_000, pageCacheMb: 6_144, neo4jHeapMb: 4_096, importHeapMb: 8_192, quickIsSubset: true,
    apiQueryTimeoutMs: 120_000,
  },
];

export interface BenchOptions {
  sizes: Size[];
  /** Measured runs of each latency, network and throughput series. */
  runs: number;
  /** Fresh-server imports per loader (each import needs its own server, so 1 by default). */
  importRuns: number;
  /** Shorter series: fewer samples, 5 s of load instead of 20 s. */
  quick: boolean;
  seed: number;
  /** Where each size's store is kept and reused (PATH/<size>); null: a temporary store per run. */
  dataDir: string | null;
}

export const USAGE = `usage: npm run bench -- [--sizes S,M,L] [--large] [--runs N] [--import-runs N] [--quick] [--data-dir PATH]
  --sizes      sizes to run (S: 1,000 partners / 10,000 engagements; M: 10,000 / 100,000;
               L: 100,000 / 1,000,000); default S,M, and S,M,L with --large
  --runs       measured runs of every series (default 3)
  --import-runs  imports per loader, each on a fresh server (default 1)
  --quick      fewer samples per run and 5 s instead of 20 s of load; at L, a subset that fits
               well under 90 min on 2 cores: our import only (no baseline loader), the
               accountability, coverageGaps and engagementGaps latency rows, network, memory
  --data-dir   keep each size's Neo4j store in PATH/<size> and reuse it on the next run when
               its marker (PATH/<size>/ecomap-bench-store.json) names the same size, seed and
               dataset bytes and no benchmark write changed it since; otherwise it is
               imported again there. Without it every run imports into a temporary store.
               \`npx tsx bench/serve-store.ts --data-dir PATH --size L\` serves a kept store.`;

/** Parses argv; throws RangeError with a message for the user. */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      large: { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
      'import-runs': { type: 'string', default: '1' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string', default: '42' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  // --large only adds L to the default sizes; naming L in --sizes is asking for it.
  const names = values.sizes
    ? values.sizes.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)
    : values.large ? ['S', 'M', 'L'] : ['S', 'M'];
  const sizes = names.map((name) => {
    const size = SIZES.find((s) => s.name === name);
    if (!size) throw new RangeError(`unknown size "${name}" (S, M or L)`);
    return size;
  });
  const dataDir = values['data-dir']?.trim();
  if (values['data-dir'] !== undefined && !dataDir) throw new RangeError('--data-dir needs a directory');
  return {
    sizes,
    runs: positive(values.runs, 'runs'),
    importRuns: positive(values['import-runs'], 'import-runs'),
    quick: values.quick ?? false,
    seed: Number(values.seed),
    dataDir: dataDir ?? null,
  };
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a whole number >= 1, got "${value}"`);
  return n;
}
