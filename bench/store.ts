/**
 * Kept stores (`--data-dir PATH`): the Neo4j store of a size stays in PATH/<size> after
 * the run, and the next run reuses it instead of importing again (an import of L takes
 * longer than all its measurements). A marker file beside the store says what it holds;
 * a store is reused only when the marker names the same size, seed and dataset bytes,
 * says no benchmark write has touched it since, and the count store still holds the
 * ecosystem counts recorded after the import.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Size } from './args.ts';
import type { Dataset } from './dataset.ts';
import type { LoaderRun } from './import-bench.ts';
import type { EcosystemCount } from './neo4j.ts';

const MARKER = 'ecomap-bench-store.json';

export interface StoreMarker {
  size: Size['name'];
  partners: number;
  engagements: number;
  seed: number;
  dataset: { file: string; bytes: number; sha256: string };
  /** After the import, before any measurement. */
  ecosystem: EcosystemCount;
  /** The import that filled the store, as measured then (a reused store reports it). */
  import: LoaderRun;
  importedAt: string;
  /** False from the moment the benchmark sends writes that change the ecosystem (bench/writes.ts). */
  pristine: boolean;
}

export function storeDir(dataDir: string, size: Size): string {
  return join(resolve(dataDir), size.name);
}

export function readMarker(dir: string): StoreMarker | null {
  const file = join(dir, MARKER);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoreMarker;
  } catch {
    return null;
  }
}

export function writeMarker(dir: string, marker: StoreMarker): void {
  writeFileSync(join(dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Called before the benchmark changes the ecosystem in a kept store: the next run imports again. */
export function markTouched(dir: string): void {
  const marker = readMarker(dir);
  if (marker) writeMarker(dir, { ...marker, pristine: false });
}

/** Why the store in `dir` cannot serve `size` with this dataset, or null when it can (counts are checked once it runs). */
export function whyNotReusable(dir: string, size: Size, seed: number, dataset: Dataset & { sha256: string }): string | null {
  const marker = readMarker(dir);
  if (!marker) return existsSync(dir) ? 'no marker (an unfinished or foreign store)' : 'no store yet';
  if (marker.size !== size.name || marker.partners !== size.partners || marker.engagements !== size.engagements) {
    return `it holds ${marker.size} (${marker.partners} / ${marker.engagements})`;
  }
  if (marker.seed !== seed) return `it holds seed ${marker.seed}`;
  if (marker.dataset.sha256 !== dataset.sha256) return `it was imported from other bytes (${basename(marker.dataset.file)}: the generator changed)`;
  if (!marker.pristine) return 'a benchmark wrote to it since the import';
  return null;
}

/** Removes a store that cannot be reused, marker first: a crash in between leaves no marker on a half-removed store. */
export function clearStore(dir: string): void {
  rmSync(join(dir, MARKER), { force: true });
  rmSync(dir, { recursive: true, force: true });
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface StoreBytes { store: number; transactionLogs: number }

/**
 * Disk taken by the database under a DBMS home (allocated blocks, not apparent sizes):
 * the store files (data/databases) and the transaction logs (data/transactions), which
 * Neo4j keeps by its retention policy and which an import of L fills as much as the store.
 */
export function storeBytes(home: string): StoreBytes {
  return { store: diskBytes(join(home, 'data', 'databases')), transactionLogs: diskBytes(join(home, 'data', 'transactions')) };
}

function diskBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).blocks * 512;
  }
  return bytes;
}
