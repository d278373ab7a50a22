/** The command line of `npm run bench`: which sizes, how many runs, how long. */
import { parseArgs } from 'node:util';

export interface Size {
  name: 'S' | 'M' | 'L';
  partners: number;
  engagements: number;
  /** Neo4j page cache for this size, MiB. */
  pageCacheMb: number;
}

export const SIZES: readonly Size[] = [
  { name: 'S', partners: 1_000, engagements: 10_000, pageCacheMb: 512 },
  { name: 'M', partners: 10_000, engagements: 100_000, pageCacheMb: 1_024 },
  { name: 'L', partners: 50_000, engagements: 1_000_000, pageCacheMb: 4_096 },
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
}

export const USAGE = `usage: npm run bench -- [--sizes S,M] [--large] [--runs N] [--import-runs N] [--quick]
  --sizes      sizes to run (S: 1,000 partners / 10,000 engagements; M: 10,000 / 100,000;
               L: 50,000 / 1,000,000, only with --large); default S,M (and L with --large)
  --runs       measured runs of every series (default 3)
  --import-runs  imports per loader, each on a fresh server (default 1)
  --quick      fewer samples per run and 5 s instead of 20 s of load`;

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
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const large = values.large ?? false;
  const names = values.sizes
    ? values.sizes.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)
    : large ? ['S', 'M', 'L'] : ['S', 'M'];
  const sizes = names.map((name) => {
    const size = SIZES.find((s) => s.name === name);
    if (!size) throw new RangeError(`unknown size "${name}" (S, M or L)`);
    if (size.name === 'L' && !large) throw new RangeError('size L (1,000,000 engagements) runs only with --large');
    return size;
  });
  return {
    sizes,
    runs: positive(values.runs, 'runs'),
    importRuns: positive(values['import-runs'], 'import-runs'),
    quick: values.quick ?? false,
    seed: Number(values.seed),
  };
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a whole number >= 1, got "${value}"`);
  return n;
}
