/** Ecosystem health (contract: Analyses): value concentration over the whole graph. */
import type { Graph, Tx } from '../db/index.ts';
import { ECOSYSTEM_HEALTH, type HealthRow } from './ecosystem-health.queries.ts';

export async function ecosystemHealth(graph: Graph): Promise<HealthRow> {
  const [row] = await graph.read<HealthRow>(ECOSYSTEM_HEALTH);
  return row!;
}

/** The same health read on a given transaction: graph/scenarios reads it before and after uncommitted changes. */
export async function ecosystemHealthOn(tx: Tx): Promise<HealthRow> {
  const [row] = await tx.run<HealthRow>(ECOSYSTEM_HEALTH);
  return row!;
}
