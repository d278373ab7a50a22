/** Ecosystem health (contract: Analyses): value concentration over the whole graph. */
import type { Graph } from '../db/index.ts';
import { ECOSYSTEM_HEALTH, type HealthRow } from './ecosystem-health.queries.ts';

export async function ecosystemHealth(graph: Graph): Promise<HealthRow> {
  const [row] = await graph.read<HealthRow>(ECOSYSTEM_HEALTH);
  return row!;
}
