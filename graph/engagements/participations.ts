/** Role intervals of engagements: in force on a date, and the whole history. */
import type { Graph } from '../db/index.ts';
import { PARTICIPANTS_ON, ROLE_HISTORY, type ParticipationRow } from './participations.queries.ts';
import { listsByIds } from '../db/index.ts';
import { type Scope } from '../model/index.ts';

export interface ParticipantsKey { engagementId: string; asOf: string }

/** Per key, the intervals in force on `asOf` (ORCHESTRATOR first, then by partner id). */
export async function participantsOn(graph: Graph, scope: Scope, keys: readonly ParticipantsKey[]): Promise<ParticipationRow[][]> {
  const rows = await graph.read<{ engagementId: string; asOf: string; items: ParticipationRow[] }>(PARTICIPANTS_ON, { scope, keys: [...keys] });
  const byKey = new Map(rows.map((r) => [`${r.engagementId}\u0000${r.asOf}`, r.items]));
  return keys.map((k) => byKey.get(`${k.engagementId}\u0000${k.asOf}`) ?? []);
}

/** Per engagement id, every interval, by `from`, then partner id. */
export function roleHistory(graph: Graph, scope: Scope, engagementIds: readonly string[]): Promise<ParticipationRow[][]> {
  return listsByIds(graph, ROLE_HISTORY, engagementIds, { scope });
}
