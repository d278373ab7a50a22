/**
 * Computed networks stored in Neo4j, so the work is done once per graph version and
 * filter, not once per API process and again after every restart.
 *
 * One node per filter, `(:GraphState:NetworkMetrics {key})`: GraphState, so everything
 * that clears, exports or tallies the ecosystem leaves it alone, and its key is unique
 * under the GraphState key constraint. It holds the last computed network (`bytes`,
 * computed.ts's encoding) with the `version` it describes, and a claim: the version a
 * process is computing (`claimVersion`), by whom, and until when (`claimUntil`, a lease
 * the computing process renews). Claims are taken under the node's write lock, so two
 * processes asking for the same filter and version compute it once: the second sees
 * the claim and waits for the stored result. A process that dies mid-computation stops
 * renewing its lease and another takes over when it runs out.
 *
 * These writes go through Graph.derivedWriteTx: they change no ecosystem data, so they
 * must not change the graph version they are keyed by.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Graph, Tx } from '../db/index.ts';
import { COMPUTED_FORMAT } from './computed.ts';

/** This process, in claims. */
const OWNER = randomUUID();

/** A claim lasts this long unless renewed; the computing process renews it every third of it. */
export const CLAIM_LEASE_MS = 60_000;

export function metricsKey(filterJson: string): string {
  return `network-metrics:${createHash('sha256').update(filterJson).digest('base64url')}`;
}

export interface StoredMetrics {
  version: number;
  bytes: Uint8Array;
}

const READ_STORED = `
MATCH (s:GraphState:NetworkMetrics {key: $key})
WHERE s.format = $format AND s.bytes IS NOT NULL
RETURN s.version AS version, s.bytes AS bytes`;

/** The stored network for `key` in this format, or null. */
export async function readStored(graph: Graph, key: string): Promise<StoredMetrics | null> {
  const [row] = await graph.read<{ version: number; bytes: Int8Array }>(READ_STORED, { key, format: COMPUTED_FORMAT });
  if (!row) return null;
  return { version: row.version, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}

const READ_STATE = `
MATCH (s:GraphState:NetworkMetrics {key: $key})
RETURN CASE WHEN s.format = $format THEN coalesce(s.version, -1) ELSE -1 END AS version,
       coalesce(s.claimVersion, -1) AS claimVersion, coalesce(s.claimUntil, 0) AS claimUntil, timestamp() AS now`;

interface StateRow { version: number; claimVersion: number; claimUntil: number; now: number }

/** Takes the node's write lock (creating it if need be) before anything of it is read. */
const LOCK = `
MERGE (s:GraphState:NetworkMetrics {key: $key})
SET s.lockedAt = timestamp()`;

const CLAIM = `
MATCH (s:GraphState:NetworkMetrics {key: $key})
SET s.claimVersion = $version, s.claimedBy = $owner, s.claimUntil = timestamp() + $leaseMs`;

export type ClaimOutcome =
  /** Stored already at `version` or later: read it. */
  | 'stored'
  /** Another process is computing it: wait for it. */
  | 'busy'
  /** This process must compute it. */
  | 'claimed';

export function claim(graph: Graph, key: string, version: number): Promise<ClaimOutcome> {
  return graph.derivedWriteTx(async (tx) => {
    const state = await lockedState(tx, key);
    if (state.version >= version) return 'stored';
    if (state.claimVersion >= version && state.claimUntil > state.now) return 'busy';
    await tx.run(CLAIM, { key, version, owner: OWNER, leaseMs: CLAIM_LEASE_MS });
    return 'claimed';
  });
}

async function lockedState(tx: Tx, key: string): Promise<StateRow> {
  await tx.run(LOCK, { key });
  const [state] = await tx.run<StateRow>(READ_STATE, { key, format: COMPUTED_FORMAT });
  return state!;
}

/** Whether a wait for `version` is over: stored, or the claim is gone or has run out (then claim again). */
export async function waitIsOver(graph: Graph, key: string, version: number): Promise<boolean> {
  const [state] = await graph.read<StateRow>(READ_STATE, { key, format: COMPUTED_FORMAT });
  if (!state) return true;
  return state.version >= version || state.claimVersion < version || state.claimUntil <= state.now;
}

const RENEW = `
MATCH (s:GraphState:NetworkMetrics {key: $key})
WHERE s.claimedBy = $owner AND s.claimVersion = $version
SET s.claimUntil = timestamp() + $leaseMs`;

export async function renewClaim(graph: Graph, key: string, version: number): Promise<void> {
  await graph.derivedWriteTx((tx) => tx.run(RENEW, { key, version, owner: OWNER, leaseMs: CLAIM_LEASE_MS }));
}

const RELEASE = `
MATCH (s:GraphState:NetworkMetrics {key: $key})
WHERE s.claimedBy = $owner AND s.claimVersion = $version
SET s.claimVersion = null, s.claimedBy = null, s.claimUntil = null`;

/** Gives up a claim that will not be fulfilled (the computation failed), so another may take it at once. */
export async function releaseClaim(graph: Graph, key: string, version: number): Promise<void> {
  await graph.derivedWriteTx((tx) => tx.run(RELEASE, { key, version, owner: OWNER }));
}

const STORE = `
MATCH (s:GraphState:NetworkMetrics {key: $key})
SET s.version = $version, s.format = $format, s.bytes = $bytes, s.filter = $filter, s.computedAt = datetime($computedAt),
    s.computations = coalesce(s.computations, 0) + 1
FOREACH (_ IN CASE WHEN s.claimVersion <= $version THEN [1] ELSE [] END |
  SET s.claimVersion = null, s.claimedBy = null, s.claimUntil = null)`;

/**
 * Stores a computed network unless a newer one is stored already, and ends claims up
 * to its version. `computations` counts the networks ever stored for the filter.
 */
export function store(graph: Graph, key: string, filterJson: string, version: number, computedAt: string, bytes: Uint8Array): Promise<void> {
  return graph.derivedWriteTx(async (tx) => {
    const state = await lockedState(tx, key);
    if (state.version >= version) return;
    const asBytes = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await tx.run(STORE, { key, version, format: COMPUTED_FORMAT, bytes: asBytes, filter: filterJson, computedAt });
  });
}
