/** The SOURCED touches of an engagement that conflict with another partner's APPROVED deal registration, per partner. */
import type { Graph } from '../db/index.ts';
import type { ConflictColumns, DealConflictRow } from '../deals/index.ts';
import type { Scope } from '../model/index.ts';
import { SOURCED_CONFLICT_SHAPE, SOURCED_CONFLICTS_OF_ENGAGEMENT } from './sourced-conflicts.queries.ts';

/**
 * Conflicts by the partner whose touch it is, each list in dealConflicts' order; the
 * registrations' `inForce` as of `today`. Empty when the engagement is out of scope.
 */
export async function sourcedConflicts(graph: Graph, scope: Scope, engagementId: string, today: string): Promise<Map<string, DealConflictRow[]>> {
  const rows = await graph.read<ConflictColumns & { partnerId: string }>(SOURCED_CONFLICTS_OF_ENGAGEMENT, { id: engagementId, scope, today });
  const byPartner = new Map<string, DealConflictRow[]>();
  for (const row of rows) byPartner.set(row.partnerId, [...(byPartner.get(row.partnerId) ?? []), SOURCED_CONFLICT_SHAPE.toConflict(row)]);
  return byPartner;
}
