/** `dealConflicts` (contract: Deal registration): both kinds in one statement. ADMIN and ANALYST (the resolver checks). */
import type { Graph } from '../db/index.ts';
import { DEAL_CONFLICTS, type DealConflictRow } from './conflicts.queries.ts';

/** The conflicts on `asOf` (OVERLAPPING_REGISTRATIONS; SOURCED_AGAINST_REGISTRATION whatever the date); `inForce` of each registration as of `today`. */
export async function dealConflicts(graph: Graph, asOf: string, today: string): Promise<DealConflictRow[]> {
  const rows = await graph.read<{ conflict: DealConflictRow }>(DEAL_CONFLICTS, { asOf, today });
  return rows.map((r) => r.conflict);
}
