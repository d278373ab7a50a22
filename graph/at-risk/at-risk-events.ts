/**
 * The daily `outcome.at_risk` event (issue 20): once a day, each outcome that became
 * at risk since the day before (by atRiskOutcomes' own rules and statement) is
 * recorded as an event, so integrators hear of it before it fails. An outcome that
 * stops being at risk and becomes so again is announced again. The first look records
 * every outcome at risk that day.
 *
 * Any number of processes may run it: the watch's node is locked, and a day already
 * looked at is not looked at again.
 */
import type { Graph } from '../db/index.ts';
import { recordEvents, type NewEvent } from '../events/index.ts';
import { atRiskOutcomePage, type AtRiskOutcomeRow } from './at-risk.ts';
import { LOCK_AT_RISK_WATCH, READ_AT_RISK_WATCH, WRITE_AT_RISK_WATCH } from './at-risk-events.queries.ts';

/** All of them in one page: the statement computes the whole list anyway, and this runs once a day. */
const EVERY = 1_000_000;

/**
 * Looks at `day` (YYYY-MM-DD, UTC) unless it was looked at already; returns the
 * outcomes announced (none when the day was done before).
 */
export async function recordNewlyAtRisk(graph: Graph, day: string): Promise<string[]> {
  const [watch] = await graph.read<{ day: string | null }>(READ_AT_RISK_WATCH);
  if (watch?.day && watch.day >= day) return [];
  const page = await atRiskOutcomePage(graph, null, day, {}, { first: EVERY });
  const rows = page.edges.map((e) => e.node);
  // Not a change of the ecosystem: no graph version mark, no cached answer dropped.
  return graph.derivedWriteTx(async (tx) => {
    await tx.run(LOCK_AT_RISK_WATCH);
    const [state] = await tx.run<{ day: string | null; outcomes: string[] }>(READ_AT_RISK_WATCH);
    if (state!.day && state!.day >= day) return [];
    const before = new Set(state!.outcomes);
    const newly = rows.filter((r) => !before.has(r.outcome.id));
    await recordEvents(tx, newly.map((r) => atRiskEvent(r, day)));
    await tx.run(WRITE_AT_RISK_WATCH, { day, outcomes: rows.map((r) => r.outcome.id) });
    return newly.map((r) => r.outcome.id);
  });
}

function atRiskEvent(row: AtRiskOutcomeRow, day: string): NewEvent {
  const engagementId = row.outcome.engagementId;
  return {
    type: 'outcome.at_risk', engagementId,
    data: {
      outcomeId: row.outcome.id, engagementId, dueDate: row.outcome.dueDate, asOf: day, daysToDue: row.daysToDue,
      reasons: row.reasons, orchestratorNowId: row.orchestratorNowId, orchestratorOnDueDateId: row.orchestratorOnDueDateId,
      defective: row.defective.map((c) => c.id), overdue: row.overdue.map((c) => c.id),
    },
  };
}
