/**
 * Where the graph lives, read once from the environment (contract: Running).
 * When NEO4J_URI is unset the app starts its own local server (the embedded default).
 */
import { availableMemoryMb, defaultNeo4jMemory } from './server/memory.ts';

export interface GraphConfig {
  /** Set: use that server. Unset: start the local one. */
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  boltPort: number;
  dataDir: string;
  queryTimeoutMs: number;
  /** The local server's JVM heap and page cache in MiB (ignored with NEO4J_URI). */
  heapMb: number;
  pageCacheMb: number;
}

export function graphConfigFromEnv(env: NodeJS.ProcessEnv = process.env, memoryMb: number = availableMemoryMb()): GraphConfig {
  const sized = defaultNeo4jMemory(memoryMb);
  return {
    uri: nonEmpty(env.NEO4J_URI),
    user: nonEmpty(env.NEO4J_USER),
    password: env.NEO4J_PASSWORD,
    database: nonEmpty(env.NEO4J_DATABASE),
    boltPort: positiveInt(env.NEO4J_BOLT_PORT, 7687, 'NEO4J_BOLT_PORT'),
    dataDir: nonEmpty(env.DATA_DIR) ?? '.data',
    queryTimeoutMs: positiveInt(env.QUERY_TIMEOUT_MS, 10_000, 'QUERY_TIMEOUT_MS'),
    heapMb: positiveInt(env.NEO4J_HEAP_MB, sized.heapMb, 'NEO4J_HEAP_MB'),
    pageCacheMb: positiveInt(env.NEO4J_PAGECACHE_MB, sized.pageCacheMb, 'NEO4J_PAGECACHE_MB'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Parses a positive integer setting; a wrong value stops the start with a clear message. */
export function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}
