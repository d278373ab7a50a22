/**
 * The network view (contract: Network): the projection is pulled from the database in
 * one statement, its metrics are computed in a worker thread, and the answer is cached
 * per graph, normalised filter and limit until the graph changes.
 *
 * Every write transaction changes the graph version (graph/db/version.ts), so each request first reads that
 * version (one count-store read) and reuses the cached answer computed at the same
 * version. The cache stores promises: identical requests arriving while the first is
 * still computing share its computation. A failed computation is forgotten.
 */
import { Worker } from 'node:worker_threads';
import { graphVersion, Lru } from '../db/index.ts';
import type { Network } from './network-view.ts';
import type { NetworkJob, NetworkJobResult } from './network.worker.ts';
import type { Graph } from '../db/index.ts';
import { AppError } from '../model/index.ts';
import type { PartnerType, Problem } from '../model/index.ts';
import * as N from './network.queries.ts';

export interface NetworkFilter {
  regions?: string[] | null;
  industries?: string[] | null;
  partnerTypes?: PartnerType[] | null;
  since?: string | null;
  until?: string | null;
  includeCustomers?: boolean | null;
}

/** The contract's default and the largest `limit` accepted. */
export const NETWORK_LIMITS = { defaultLimit: 2000, maxLimit: 100_000 } as const;
/** Networks kept per graph, least recently used evicted first. */
export const NETWORK_CACHE_ENTRIES = 32;

let computations = 0;

/** Networks computed (projection read and metrics run) since start: tests read the difference. */
export function networkComputations(): number {
  return computations;
}

/**
 * The filtered co-delivery network, its metrics computed on the whole of it, then cut
 * to the `limit` highest-degree nodes. Throws BAD_USER_INPUT for a `limit` outside
 * 0..100000 or `since` after `until`. `knownVersion`: the graph version, when the caller
 * has just read it (api/server/answer-cache.ts does), saving a round trip.
 */
export async function network(
  graph: Graph, filter: NetworkFilter = {}, limit: number = NETWORK_LIMITS.defaultLimit, knownVersion?: number,
): Promise<Network> {
  const params = projectionParams(filter, limit);
  const key = JSON.stringify([params, limit]);
  // A version the caller read before this call is as good: at worst the answer is computed
  // from newer data and stored under the older version, so it is recomputed next time.
  const version = knownVersion ?? await graphVersion(graph);
  const cache = cacheOf(graph);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.network;
  const entry: CacheEntry = { version, network: compute(graph, params, limit) };
  cache.set(key, entry);
  entry.network.catch(() => cache.delete(key, entry));
  return entry.network;
}

async function compute(graph: Graph, params: N.NetworkProjectionParams, limit: number): Promise<Network> {
  computations += 1;
  const [projection] = await graph.read<N.NetworkProjectionRow>(N.NETWORK_PROJECTION, params);
  return runInWorker({ projection: JSON.stringify(projection!), limit });
}

/** Validated, with lists sorted and deduplicated, so equal filters give equal cache keys. */
function projectionParams(filter: NetworkFilter, limit: number): N.NetworkProjectionParams {
  const problems: Problem[] = [];
  if (!Number.isInteger(limit) || limit < 0 || limit > NETWORK_LIMITS.maxLimit) {
    problems.push({ path: 'limit', message: `must be between 0 and ${NETWORK_LIMITS.maxLimit}` });
  }
  const since = filter.since ?? null;
  const until = filter.until ?? null;
  if (since !== null && until !== null && since > until) problems.push({ path: 'filter.until', message: 'must not be before since' });
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', 'Invalid network request.', problems);
  const set = (values: readonly string[] | null | undefined) => (values ? [...new Set(values)].sort() : null);
  return {
    filter: {
      regions: set(filter.regions),
      industries: set(filter.industries),
      partnerTypes: set(filter.partnerTypes),
      since,
      until,
      includeCustomers: filter.includeCustomers ?? false,
    },
  };
}

interface CacheEntry {
  version: number;
  network: Promise<Network>;
}

/** One cache per Graph: tests and tools may open several databases in one process. */
const caches = new WeakMap<Graph, Lru<CacheEntry>>();

function cacheOf(graph: Graph): Lru<CacheEntry> {
  let cache = caches.get(graph);
  if (!cache) caches.set(graph, (cache = new Lru<CacheEntry>(NETWORK_CACHE_ENTRIES)));
  return cache;
}

// The worker is TypeScript. Node 20 does not apply loader hooks given as a worker's
// `execArgv: ['--import', 'tsx']` to its entry module, so a small script registers
// tsx inside the worker first and then imports the entry; both URLs are resolved
// here, so nothing depends on the working directory, under `tsx` and vitest alike.
const WORKER_ENTRY = new URL('./network.worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi)
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((err) => setImmediate(() => { throw err; }));`;

/** One long-lived worker, started on first use; it does not keep the process alive while idle. */
let worker: Worker | null = null;
let nextJob = 1;
const pending = new Map<number, { resolve: (network: Network) => void; reject: (err: Error) => void }>();

function runInWorker(job: Omit<NetworkJob, 'id'>): Promise<Network> {
  const running = worker ?? startWorker();
  const id = nextJob++;
  return new Promise<Network>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.ref();
    running.postMessage({ id, ...job } satisfies NetworkJob);
  });
}

function startWorker(): Worker {
  const started = new Worker(BOOTSTRAP, { eval: true, workerData: { tsxApi: TSX_API, entry: WORKER_ENTRY } });
  started.on('message', (result: NetworkJobResult) => {
    const job = pending.get(result.id);
    pending.delete(result.id);
    if (pending.size === 0) started.unref();
    if (!job) return;
    if ('error' in result) job.reject(internal(new Error(result.error)));
    else job.resolve(JSON.parse(result.network) as Network);
  });
  // A crashed worker fails the jobs it held; the next request starts a new one.
  const fail = (err: Error) => {
    if (worker === started) worker = null;
    for (const job of pending.values()) job.reject(internal(err));
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the network worker exited with code ${code}`)));
  worker = started;
  return started;
}

function internal(cause: Error): AppError {
  const err = new AppError('INTERNAL_SERVER_ERROR', 'The network could not be computed.');
  (err as { cause?: unknown }).cause = cause;
  return err;
}
