/**
 * The network view (contract: Network, Network at scale). Its metrics are computed on
 * the whole filtered network, in a worker thread, once per graph version and filter:
 *
 * - Each request reads the graph version (one count-store read; every write changes
 *   it) and looks for the filter's computed network: in this process's memory, else
 *   stored in the database by any process (metrics-store.ts).
 * - Computed at that version: the answer is fresh. Computed at an earlier one: that
 *   one answers at once with `stale: true`, and a recomputation is queued in the
 *   background (recompute-queue.ts: one at a time, one waiting per filter). Nothing
 *   computed yet (the first request for a filter on a new database): the request waits.
 * - A recomputation claims the filter in the database first, so with several API
 *   processes only one computes and the others read its result.
 * - `limit` and `communities` only select from the computed network (select.ts); they
 *   are not part of what is computed or cached.
 */
import { Worker } from 'node:worker_threads';
import { graphVersion, Lru } from '../db/index.ts';
import type { Graph } from '../db/index.ts';
import { AppError } from '../model/index.ts';
import type { PartnerType, Problem } from '../model/index.ts';
import { partnerOrder, rankedGraph, rankPairs, type CoDeliveryGraph } from './co-delivery.ts';
import { computedBytes, decodeComputed, type ComputedNetwork } from './computed.ts';
import * as store from './metrics-store.ts';
import type { NetworkFilterParam, NetworkProjectionParams } from './network.queries.ts';
import type { Network, NetworkSource } from './network-view.ts';
import type { NetworkJob, NetworkJobResult } from './network.worker.ts';
import { projectionBuffers, readProjection } from './projection.ts';
import { RecomputeQueue } from './recompute-queue.ts';
import { selectNetwork } from './select.ts';

export interface NetworkFilter {
  regions?: string[] | null;
  industries?: string[] | null;
  partnerTypes?: PartnerType[] | null;
  since?: string | null;
  until?: string | null;
  includeCustomers?: boolean | null;
  /** Only partners in these communities (not part of what is computed). */
  communities?: number[] | null;
}

/** The contract's default and the largest `limit` accepted. */
export const NETWORK_LIMITS = { defaultLimit: 2000, maxLimit: 100_000 } as const;
/** Computed networks kept in memory per graph, least recently used evicted first (about 60 MB at 100,000 partners). */
export const NETWORK_MEMORY_BYTES = 512 * 2 ** 20;
/** How often a process waiting for another's computation looks at the stored state. */
const WAIT_POLL_MS = 250;

let computations = 0;

/** Networks computed by this process (projection read and metrics run) since start: tests read the difference. */
export function networkComputations(): number {
  return computations;
}

/**
 * The filtered co-delivery network: metrics of the whole of it, then the nodes
 * `communities` and `limit` select. Throws BAD_USER_INPUT for a `limit` outside
 * 0..100000 or `since` after `until`. `knownVersion`: the graph version, when the caller
 * has just read it (api/server/answer-cache.ts does), saving a round trip.
 * `onBackgroundError`: where a failed background recomputation is reported (the request
 * that queued it has its answer already).
 */
export async function network(
  graph: Graph, filter: NetworkFilter = {}, limit: number = NETWORK_LIMITS.defaultLimit, knownVersion?: number,
  onBackgroundError: (err: unknown) => void = () => {},
): Promise<Network & NetworkSource> {
  const params = projectionParams(filter, limit);
  const filterJson = JSON.stringify(params.filter);
  const key = store.metricsKey(filterJson);
  requestsOf(graph).set(key, { params, filterJson });
  const selection = { communities: communitiesOf(filter), limit };
  // A version the caller read before this call is as good: at worst the answer is computed
  // from newer data and labelled with the older version, so it is recomputed next time.
  const version = knownVersion ?? await graphVersion(graph);
  const held = await latest(graph, key);
  const answer = (computed: ComputedNetwork, stale: boolean) => ({
    ...selectNetwork(computed, selection, stale), metricsKey: key, metricsVersion: computed.version,
  });
  if (held && held.version >= version) return answer(held, false);
  const refreshing = refresh(graph, key, params, filterJson, version);
  if (held) {
    refreshing.catch(onBackgroundError);
    return answer(held, true);
  }
  const computed = await refreshing;
  return answer(computed, computed.version < version);
}

/**
 * Whether an answer made from the metrics `metricsKey` held at `metricsVersion` is what
 * `network` would answer now, at graph version `version`, apart from `stale`: true when
 * this process still holds exactly those metrics and they are older than `version`. Then
 * the recomputation `network` would start is started here (once, as there), so the
 * caller may send the earlier answer's bytes marked stale instead of building them again.
 */
export function staleNetworkAnswers(graph: Graph, metricsKey: string, metricsVersion: number, version: number,
  onBackgroundError: (err: unknown) => void = () => {}): boolean {
  const held = memoryOf(graph).get(metricsKey);
  const request = requestsOf(graph).get(metricsKey);
  if (!held || !request || held.version !== metricsVersion || metricsVersion >= version) return false;
  refresh(graph, metricsKey, request.params, request.filterJson, version).catch(onBackgroundError);
  return true;
}

/**
 * The filtered CO_DELIVERS graph itself (graphology, nodes in id order), read with the
 * same projection as `network`: for tools that study the metrics (the benchmark's
 * betweenness accuracy), not for answers.
 */
export async function readCoDeliveryGraph(graph: Graph, filter: NetworkFilter = {}): Promise<CoDeliveryGraph> {
  const projection = await readProjection(graph, projectionParams(filter, 0));
  const order = partnerOrder(projection.partners.ids);
  return rankedGraph(projection.partners, order, rankPairs(projection.coDelivers, order));
}

/** Validated, with lists sorted and deduplicated, so equal filters give equal keys. */
function projectionParams(filter: NetworkFilter, limit: number): NetworkProjectionParams {
  const problems: Problem[] = [];
  if (!Number.isInteger(limit) || limit < 0 || limit > NETWORK_LIMITS.maxLimit) {
    problems.push({ path: 'limit', message: `must be between 0 and ${NETWORK_LIMITS.maxLimit}` });
  }
  const since = filter.since ?? null;
  const until = filter.until ?? null;
  if (since !== null && until !== null && since > until) problems.push({ path: 'filter.until', message: 'must not be before since' });
  if (problems.length > 0) throw new AppError('BAD_USER_INPUT', 'Invalid network request.', problems);
  const set = (values: readonly string[] | null | undefined) => (values ? [...new Set(values)].sort() : null);
  const param: NetworkFilterParam = {
    regions: set(filter.regions),
    industries: set(filter.industries),
    partnerTypes: set(filter.partnerTypes),
    since,
    until,
    includeCustomers: filter.includeCustomers ?? false,
  };
  return { filter: param };
}

function communitiesOf(filter: NetworkFilter): number[] | null {
  return filter.communities ? [...new Set(filter.communities)] : null;
}

/** Per Graph: tests and tools may open several databases in one process. */
const memories = new WeakMap<Graph, Lru<ComputedNetwork>>();
const loading = new WeakMap<Graph, Map<string, Promise<ComputedNetwork | null>>>();
const queue = new RecomputeQueue<ComputedNetwork>();
/** What each key was asked with, so a recomputation can start from a key alone (staleNetworkAnswers). */
const requests = new WeakMap<Graph, Lru<{ params: NetworkProjectionParams; filterJson: string }>>();

function requestsOf(graph: Graph): Lru<{ params: NetworkProjectionParams; filterJson: string }> {
  let known = requests.get(graph);
  if (!known) requests.set(graph, (known = new Lru(1024)));
  return known;
}

function memoryOf(graph: Graph): Lru<ComputedNetwork> {
  let memory = memories.get(graph);
  if (!memory) memories.set(graph, (memory = new Lru<ComputedNetwork>(NETWORK_MEMORY_BYTES, computedBytes)));
  return memory;
}

/** The newest computed network this process holds for `key`, else the one stored in the database (read once however many ask). */
async function latest(graph: Graph, key: string): Promise<ComputedNetwork | null> {
  const held = memoryOf(graph).get(key);
  if (held) return held;
  let loads = loading.get(graph);
  if (!loads) loading.set(graph, (loads = new Map()));
  let load = loads.get(key);
  if (!load) {
    load = loadStored(graph, key).finally(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}

async function loadStored(graph: Graph, key: string): Promise<ComputedNetwork | null> {
  const stored = await store.readStored(graph, key);
  if (!stored) return null;
  const computed = await decodeComputed(stored.bytes);
  keep(graph, key, computed);
  return computed;
}

/** Keeps the newer of what is held and `computed`. */
function keep(graph: Graph, key: string, computed: ComputedNetwork): void {
  const memory = memoryOf(graph);
  const held = memory.get(key);
  if (!held || held.version < computed.version) memory.set(key, computed);
}

function refresh(graph: Graph, key: string, params: NetworkProjectionParams, filterJson: string, version: number): Promise<ComputedNetwork> {
  return queue.request(key, version, (newest) => recompute(graph, key, params, filterJson, newest));
}

/** Claims the filter and computes it, or waits for the process that claimed it and reads its result. */
async function recompute(graph: Graph, key: string, params: NetworkProjectionParams, filterJson: string, version: number): Promise<ComputedNetwork> {
  for (;;) {
    const outcome = await store.claim(graph, key, version);
    if (outcome === 'stored') {
      const loaded = await loadStored(graph, key);
      if (loaded && loaded.version >= version) return loaded;
      continue;
    }
    if (outcome === 'busy') {
      while (!(await store.waitIsOver(graph, key, version))) await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      continue;
    }
    return computeClaimed(graph, key, params, filterJson, version);
  }
}

async function computeClaimed(graph: Graph, key: string, params: NetworkProjectionParams, filterJson: string, version: number): Promise<ComputedNetwork> {
  const renewal = setInterval(() => { store.renewClaim(graph, key, version).catch(() => {}); }, store.CLAIM_LEASE_MS / 3);
  renewal.unref();
  try {
    computations += 1;
    const computedAt = new Date().toISOString();
    const projection = await readProjection(graph, params);
    const { computed, encoded } = await runInWorker({ projection, version, computedAt }, projectionBuffers(projection));
    await store.store(graph, key, filterJson, version, computedAt, encoded);
    keep(graph, key, computed);
    return computed;
  } catch (err) {
    await store.releaseClaim(graph, key, version).catch(() => {});
    throw err instanceof AppError ? err : internal(err instanceof Error ? err : new Error(String(err)));
  } finally {
    clearInterval(renewal);
  }
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
interface Computed { computed: ComputedNetwork; encoded: Uint8Array }
const pending = new Map<number, { resolve: (result: Computed) => void; reject: (err: Error) => void }>();

/** The contract's memory bound for a whole-network recomputation (issue: L within 4 GB). */
const WORKER_HEAP_MB = 4096;

function runInWorker(job: Omit<NetworkJob, 'id'>, transfer: ArrayBuffer[]): Promise<Computed> {
  const running = worker ?? startWorker();
  const id = nextJob++;
  return new Promise<Computed>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.ref();
    running.postMessage({ id, ...job } satisfies NetworkJob, transfer);
  });
}

function startWorker(): Worker {
  const started = new Worker(BOOTSTRAP, {
    eval: true, workerData: { tsxApi: TSX_API, entry: WORKER_ENTRY }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  started.on('message', (result: NetworkJobResult) => {
    const job = pending.get(result.id);
    pending.delete(result.id);
    if (pending.size === 0) started.unref();
    if (!job) return;
    if ('error' in result) job.reject(internal(new Error(result.error)));
    else job.resolve({ computed: result.computed, encoded: result.encoded });
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
