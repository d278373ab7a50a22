/**
 * Keeps the SOURCED_AGAINST_REGISTRATION pairs (against.queries.ts) in step with the
 * writes: each write that can change one refreshes the pairs of the customers it
 * touched, inside its own transaction. A store that holds registrations from before the
 * pairs were kept gets them once, at start (ensureSourcedAgainst).
 */
import type { Graph, Tx } from '../db/index.ts';
import { ALL_CUSTOMER_IDS, MARK_PAIRS_BUILT, PAIRS_BUILT, REFRESH_SOURCED_AGAINST } from './against.queries.ts';

/** Customers per refresh statement when a whole store is built (each in its own transaction). */
const BUILD_BATCH = 1_000;

/**
 * Marks the store's pairs built, for an import into an empty store: its refresh covered
 * every customer that can have a pair, so the next start need not build them again.
 */
export async function markSourcedAgainstBuilt(tx: Tx): Promise<void> {
  await tx.run(MARK_PAIRS_BUILT);
}

/** Refreshes the pairs of `customerIds` in `tx` (locks them; ids of missing customers are skipped). */
export async function refreshSourcedAgainst(tx: Tx, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length > 0) await tx.run(REFRESH_SOURCED_AGAINST, { rows: [...customerIds] });
}

/**
 * Builds the pairs of every customer once per store: a store written before they were
 * kept has none. Two processes starting together both build; each customer's refresh
 * is whole under its lock, so the result is the same.
 */
export async function ensureSourcedAgainst(graph: Graph): Promise<void> {
  const [state] = await graph.read<{ built: boolean }>(PAIRS_BUILT);
  if (state?.built) return;
  const ids = (await graph.read<{ id: string }>(ALL_CUSTOMER_IDS)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += BUILD_BATCH) {
    await graph.writeTx((tx) => refreshSourcedAgainst(tx, ids.slice(i, i + BUILD_BATCH)));
  }
  await graph.write(MARK_PAIRS_BUILT);
}
