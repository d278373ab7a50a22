/** Attribution (contract: Analyses): an engagement's value split by a multi-touch model. */
import type { Graph } from '../db/index.ts';
import { AppError } from '../model/index.ts';
import type { Scope, AttributionModel } from '../model/index.ts';
import { ATTRIBUTION, type AttributionRow } from './attribution.queries.ts';

/** Shares of the engagement's value per partner; null when the engagement is not visible. */
export async function attribution(graph: Graph, scope: Scope, engagementId: string, model: AttributionModel, halfLifeDays: number): Promise<AttributionRow | null> {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) {
    throw new AppError('BAD_USER_INPUT', 'halfLifeDays must be a positive number.', [{ path: 'halfLifeDays', message: 'must be greater than 0' }]);
  }
  // + 0.0 keeps a whole number of days a float, so the decay exponent is not cut to an integer.
  const [row] = await graph.read<AttributionRow>(ATTRIBUTION, { id: engagementId, scope, model, halfLifeDays: halfLifeDays + 0.0 });
  return row?.found ? row : null;
}
