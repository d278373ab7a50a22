/** Attribution and ecosystem health (contract: Analyses). */
import type { Graph } from '../db.ts';
import { AppError } from '../errors.ts';
import { ATTRIBUTION, ECOSYSTEM_HEALTH, type AttributionRow, type HealthRow } from '../queries/credit.queries.ts';
import { ENGAGEMENT_GAPS, type EngagementGapsRow } from '../queries/gaps.queries.ts';
import type { Scope } from './batch.ts';

export const ATTRIBUTION_MODELS = ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'POSITION_BASED', 'TIME_DECAY'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Shares of the engagement's value per partner; null when the engagement is not visible. */
export async function attribution(graph: Graph, scope: Scope, engagementId: string, model: AttributionModel, halfLifeDays: number): Promise<AttributionRow | null> {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) {
    throw new AppError('BAD_USER_INPUT', 'halfLifeDays must be a positive number.', [{ path: 'halfLifeDays', message: 'must be greater than 0' }]);
  }
  // + 0.0 keeps a whole number of days a float, so the decay exponent is not cut to an integer.
  const [row] = await graph.read<AttributionRow>(ATTRIBUTION, { id: engagementId, scope, model, halfLifeDays: halfLifeDays + 0.0 });
  return row?.found ? row : null;
}

export async function ecosystemHealth(graph: Graph): Promise<HealthRow> {
  const [row] = await graph.read<HealthRow>(ECOSYSTEM_HEALTH);
  return row!;
}

/** The gaps of one engagement as of `today`; null when it is not visible. */
export async function engagementGaps(graph: Graph, scope: Scope, engagementId: string, today: string): Promise<EngagementGapsRow | null> {
  const [row] = await graph.read<EngagementGapsRow>(ENGAGEMENT_GAPS, { id: engagementId, scope, today });
  return row ?? null;
}
