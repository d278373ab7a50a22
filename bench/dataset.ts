/** The benchmark's ecosystems: generated with the product's seeded generator into bench/out/. */
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { writeEcosystem } from '../seeds/generate.ts';
import type { Size } from './args.ts';

export const OUT_DIR = fileURLToPath(new URL('./out/', import.meta.url));

export interface Dataset { file: string; bytes: number; seconds: number }

/** Writes `size` with `seed` to bench/out/ (same options, same bytes, so a rerun rewrites the same file). */
export async function generateDataset(size: Size, seed: number): Promise<Dataset> {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `ecosystem-${size.name}-${size.partners}p-${size.engagements}e-seed${seed}.json`);
  const started = Date.now();
  const stream = createWriteStream(file);
  await writeEcosystem({ partners: size.partners, engagements: size.engagements, seed }, stream);
  stream.end();
  await finished(stream);
  return { file, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000 };
}
