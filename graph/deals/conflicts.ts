/** `dealConflicts` (contract: Deal registration): both kinds in one statement. ADMIN and ANALYST (the resolver checks). */
import type { Graph } from '../db/index.ts';
import { ALL_CONFLICT_FIELDS, conflictShape, type ConflictColumns, type ConflictFields, type DealConflictRow } from './conflicts.queries.ts';

/**
 * The conflicts on `asOf` (OVERLAPPING_REGISTRATIONS; SOURCED_AGAINST_REGISTRATION
 * whatever the date); `inForce` of each registration as of `today`. `fields`: what the
 * caller will use of each type (a row holds only those keys, and always `kind`).
 */
export async function dealConflicts(graph: Graph, asOf: string, today: string, fields: ConflictFields = ALL_CONFLICT_FIELDS): Promise<DealConflictRow[]> {
  const shape = conflictShape(fields);
  const rows = await graph.read<ConflictColumns>(shape.statement, { asOf, today, scope: null });
  return rows.map((row) => shape.toConflict(row));
}
