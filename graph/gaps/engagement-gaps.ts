/** The missing skills of one engagement, with ranked candidates (contract: Analyses, Candidates). */
import type { Graph } from '../db/index.ts';
import type { Scope } from '../model/index.ts';
import { ENGAGEMENT_GAPS, type EngagementGapsRow } from './engagement-gaps.queries.ts';

/** The gaps of one engagement as of `today`; null when it is not visible. */
export async function engagementGaps(graph: Graph, scope: Scope, engagementId: string, today: string): Promise<EngagementGapsRow | null> {
  const [row] = await graph.read<EngagementGapsRow>(ENGAGEMENT_GAPS, { id: engagementId, scope, today });
  return row ?? null;
}
