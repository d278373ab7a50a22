/** Ecosystem health (contract: Analyses): value concentration over the whole graph. */
import type { Graph, Tx } from '../db/index.ts';
import {
  ECOSYSTEM_HEALTH, ECOSYSTEM_HEALTH_WITH_FIGURES, HEALTH_AFTER_CHANGES,
  type HealthRow, type HealthTotals, type PartnerFigures,
} from './ecosystem-health.queries.ts';

export async function ecosystemHealth(graph: Graph): Promise<HealthRow> {
  const [row] = await graph.read<HealthRow>(ECOSYSTEM_HEALTH);
  return row!;
}

/** The same health read on a given transaction. */
export async function ecosystemHealthOn(tx: Tx): Promise<HealthRow> {
  const [row] = await tx.run<HealthRow>(ECOSYSTEM_HEALTH);
  return row!;
}

/** The health and what healthAfterChangesOn starts from: kept by graph/scenarios per graph version. */
export interface HealthBaseline {
  health: HealthRow;
  figures: PartnerFigures[];
  totals: HealthTotals;
}

export async function healthBaselineOn(tx: Tx): Promise<HealthBaseline> {
  const [row] = await tx.run<HealthRow & { figures: PartnerFigures[]; totals: HealthTotals }>(ECOSYSTEM_HEALTH_WITH_FIGURES);
  const { figures, totals, ...health } = row!;
  return { health, figures, totals };
}

/**
 * The health on `tx` after changes that touched only the partners `changed` (their
 * status, their roles; not contributions, engagement values or outcomes): `baseline`'s
 * figures with those partners' read again on `tx`.
 */
export async function healthAfterChangesOn(tx: Tx, baseline: HealthBaseline, changed: readonly string[]): Promise<HealthRow> {
  const [row] = await tx.run<HealthRow>(HEALTH_AFTER_CHANGES, { figures: baseline.figures, totals: baseline.totals, changed: [...changed] });
  return row!;
}
