/**
 * How much memory the embedded Neo4j may use: its JVM heap and its page cache.
 *
 * Left to the JVM, the heap may grow to a quarter of the machine (6 GB on a 24 GB host),
 * and it did: the server went from 1.0 to 6.4 GB under large requests. Both are now
 * bounded up front, so the most the server takes is known at start: heap + page cache
 * + the JVM's own overhead (metaspace, threads, direct buffers, a few hundred MB).
 */
import { totalmem } from 'node:os';

const MIB = 1024 * 1024;

/**
 * The formula, for heap and page cache alike: a quarter of the machine's memory each,
 * so together they take at most half and leave the rest to the API process (Node, the
 * network worker) and the OS file cache; capped at 4 GiB each, more than this product's
 * graphs need (the L benchmark, 1 M engagements, is sized for a 4 GiB page cache), so a
 * big host is not claimed for nothing; and never below a floor: 512 MiB of heap (the
 * size Neo4j's own neo4j.conf suggests for a small server) and 128 MiB of page cache
 * (the sample and the test graphs fit). On a very small machine the floors win over the
 * quarter: better a server that answers slowly than one out of heap at the first query.
 */
export const HEAP_SHARE = 0.25;
export const HEAP_MIN_MB = 512;
export const HEAP_MAX_MB = 4096;
export const PAGECACHE_SHARE = 0.25;
export const PAGECACHE_MIN_MB = 128;
export const PAGECACHE_MAX_MB = 4096;

/**
 * The heap the JVM starts with (-Xms); it grows on demand up to the maximum (-Xmx).
 * Neo4j advises initial = maximum for a dedicated server (no full GCs while it grows),
 * but this one shares the machine with the API, and in development with the test
 * servers: with -Xms4096m an idle test server's G1 heap filled to 3 GB of RSS.
 */
export const HEAP_INITIAL_MB = 512;

export function initialHeapMb(heapMb: number): number {
  return Math.min(heapMb, HEAP_INITIAL_MB);
}

export interface Neo4jMemory {
  heapMb: number;
  pageCacheMb: number;
}

/** The default sizes for a machine with `totalMb` MiB of memory. */
export function defaultNeo4jMemory(totalMb: number): Neo4jMemory {
  return {
    heapMb: share(totalMb, HEAP_SHARE, HEAP_MIN_MB, HEAP_MAX_MB),
    pageCacheMb: share(totalMb, PAGECACHE_SHARE, PAGECACHE_MIN_MB, PAGECACHE_MAX_MB),
  };
}

function share(totalMb: number, fraction: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(totalMb * fraction)));
}

/**
 * The memory this process may count on, in MiB: the machine's, or the container's
 * limit when that is lower (os.totalmem() reports the host's even inside a cgroup).
 */
export function availableMemoryMb(): number {
  const total = totalmem();
  // process.constrainedMemory(): the cgroup limit; 0, undefined or a huge number when there is none.
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  const bytes = constrained > 0 && constrained < total ? constrained : total;
  return Math.floor(bytes / MIB);
}
