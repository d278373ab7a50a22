/**
 * Seeded synthetic partner ecosystems in the import shape (contract: Import), from a
 * few dozen partners to 50,000 partners and a million engagements.
 *
 *   npx tsx seeds/generate.ts --partners 10000 --engagements 100000 --seed 42 [--out FILE.json]
 *
 * Same options, same bytes. Engagement participation follows a power law over partners
 * (a few carry most of the work, a long tail has none), which is what the analyses and
 * the benchmarks need to be realistic. Deal registrations come last, one or two per
 * engagement, some in conflict (generator/deal-registrations.ts).
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { EcosystemInput } from '../graph/model/index.ts';
import { writeJsonSections } from './generator/json-stream.ts';
import { checkOptions, type GenerateOptions } from './generator/options.ts';
import { createPlan } from './generator/plan.ts';
import { ecosystemSections } from './generator/sections.ts';

export type { GenerateOptions } from './generator/options.ts';

/**
 * The whole ecosystem as objects. Holds everything in memory: meant for tests and
 * benchmarks of modest size; use `writeEcosystem` for large files.
 */
export function generateEcosystem(options: GenerateOptions): EcosystemInput {
  const sections = ecosystemSections(createPlan(options));
  return {
    regions: [...sections.regions],
    industries: [...sections.industries],
    capabilities: [...sections.capabilities],
    partners: [...sections.partners],
    customers: [...sections.customers],
    engagements: [...sections.engagements],
    dealRegistrations: [...sections.dealRegistrations],
  };
}

/**
 * Streams the same ecosystem as `generateEcosystem` as JSON (one item per line),
 * generating each item only when the stream can take it; memory stays bounded by
 * O(partners + customers) typed arrays whatever the engagement count. Leaves the stream open.
 */
export async function writeEcosystem(options: GenerateOptions, stream: Writable): Promise<void> {
  const sections = ecosystemSections(createPlan(options));
  await writeJsonSections(stream, Object.entries(sections).map(([key, items]) => ({ key, items })));
}

const USAGE = 'usage: tsx seeds/generate.ts --partners N --engagements N [--seed N] [--out FILE.json]';

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new RangeError(`--${name} must be an integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Parses the command line; throws RangeError with a message for the user. */
export function parseCli(argv: string[]): { options: GenerateOptions; out: string | null; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      partners: { type: 'string' },
      engagements: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const options: GenerateOptions = {
    partners: integerOption(values.partners, 'partners', 500),
    engagements: integerOption(values.engagements, 'engagements', 3000),
    seed: integerOption(values.seed, 'seed', 42),
  };
  checkOptions(options);
  return {
    options,
    out: values.out ?? null,
    help: values.help ?? false,
  };
}

async function main(argv: string[]): Promise<number> {
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cli.out === null) {
    await writeEcosystem(cli.options, process.stdout);
    return 0;
  }
  const file = createWriteStream(cli.out);
  await writeEcosystem(cli.options, file);
  file.end();
  await finished(file);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      // A closed pipe (`| head`) is the reader's choice, not a failure.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
