/**
 * At-risk outcomes (contract: README, At-risk outcomes), one statement per page, next
 * to the data. The failure subgraph, the orchestrator held on a date, the scope of a
 * commitment and the outcome filter are accountability's own fragments, so an outcome
 * is "defective" here exactly when `accountability` would list the same commitments.
 *
 * Whether an outcome is at risk, and why, is decided over the whole graph; `$scope`
 * (null, or a PARTNER token's partner id) only chooses which outcomes are listed and
 * which of their commitments are shown, as in `accountability`.
 */
import {
  COMMITMENT_REF, FAILURE_CHAIN, ORCHESTRATOR_ON, OUTCOME_FILTER, OUTCOME_REF, VISIBLE_COMMITMENT,
  type CommitmentRef,
} from '../accountability/index.ts';
import type { OutcomeRow } from '../engagements/index.ts';

export interface AtRiskRow {
  outcome: OutcomeRow;
  daysToDue: number;
  /** Over the whole graph: the reasons, whatever the scope hides. */
  hasDefective: boolean;
  hasOverdue: boolean;
  orchestratorNowId: string | null;
  orchestratorOnDueDateId: string | null;
  /** Within the scope, by id. */
  defective: CommitmentRef[];
  overdue: CommitmentRef[];
}

/**
 * The overdue commitments of the outcome bound to `o`: PENDING or IN_PROGRESS
 * (`$open`), due before `$asOf`, reached by DEPENDS_ON through commitments that are not
 * DELIVERED (a delivered commitment no longer waits for what it depended on). Written
 * as FAILURE_CHAIN is, and asked for DISTINCT members, for the same reasons: a pruning
 * breadth-first expand from `o`, each commitment visited once, whatever the statistics.
 */
const OVERDUE = `COLLECT {
    MATCH (o) (()-[:DEPENDS_ON]->(y WHERE y.status <> 'DELIVERED'))+ (m)
    WHERE m.status IN $open AND m.dueDate < date($asOf)
    RETURN DISTINCT m
  }`;

/** The members of the outcome's failure subgraph (`o` bound), each once. */
const DEFECTIVE = `COLLECT { MATCH ` + FAILURE_CHAIN + ` RETURN DISTINCT m }`;

/**
 * Whether the outcome bound to `o` has a member of its failure subgraph, and an overdue
 * commitment, asked only whether one exists, so the walk stops at the first it finds.
 * The failure subgraph is non-empty exactly when one of `o`'s own dependencies is
 * defective (every chain of FAILURE_CHAIN starts with one), so HAS_DEFECTIVE looks one
 * step deep: at M, 21,138 candidates cost 20 ms that way and 70 ms walking the chains.
 */
const HAS_DEFECTIVE = `EXISTS { MATCH (o)-[:DEPENDS_ON]->(x) WHERE x.status IN $defective }`;
const HAS_OVERDUE = `EXISTS {
    MATCH (o) (()-[:DEPENDS_ON]->(y WHERE y.status <> 'DELIVERED'))+ (m)
    WHERE m.status IN $open AND m.dueDate < date($asOf)
  }`;

/** Binds `nowId` and `dueId`: who orchestrates engagement `e` on `$asOf` and on `o`'s due date. */
const ORCHESTRATORS = `CALL (o, e) {
    WITH e, date($asOf) AS heldOn
    ` + ORCHESTRATOR_ON + ` AS nowId
  }
  CALL (o, e) {
    WITH e, o.dueDate AS heldOn
    ` + ORCHESTRATOR_ON + ` AS dueId
  }`;

/** After the cursor `$after` ([dueDate, id] of the last row seen), in dueDate, id order. */
const AFTER_CURSOR = `($after IS NULL OR o.dueDate > date($after[0])
    OR (o.dueDate = date($after[0]) AND o.id > $after[1]))`;

/**
 * The candidates: PENDING outcomes due on or after `$asOf`, from the (status, dueDate)
 * index, within the outcome filter and the scope; for a page, after its cursor.
 */
const CANDIDATES = (paged: boolean) => `MATCH (o:Outcome)
WHERE o.status = 'PENDING' AND o.dueDate >= date($asOf)` + (paged ? ` AND ` + AFTER_CURSOR : '') + `
MATCH (o)-[:OF]->(e:Engagement)
WHERE` + OUTCOME_FILTER;

/** Those of the commitments in `list` the caller may see, by id, as the API's Commitment. */
const LISTED = (list: string) => `COLLECT { UNWIND ` + list + ` AS c WITH c WHERE ` + VISIBLE_COMMITMENT + `
    WITH c ORDER BY c.id RETURN ` + COMMITMENT_REF + ` }`;

/** The page's row for the outcome `o` of `e`, given its lists and orchestrators. */
const PAGE_ROW = (defective: string, overdue: string) => `{
    outcome: ` + OUTCOME_REF + `,
    daysToDue: duration.inDays(date($asOf), o.dueDate).days,
    hasDefective: hasDefective,
    hasOverdue: hasOverdue,
    orchestratorNowId: nowId,
    orchestratorOnDueDateId: dueId,
    defective: ` + LISTED(defective) + `,
    overdue: ` + LISTED(overdue) + `
  }`;

/**
 * The candidates at risk, with their flags (`hasDefective`, `hasOverdue`) and, with
 * `byPartner`, with what decides the partner filter: the orchestrators and the lists of
 * every candidate (`defective`, `overdue`, `nowId`, `dueId`). The partner filter keeps
 * the outcomes the caller would see listed under `$partnerId`: the orchestrator on
 * asOf or on the due date, or the owner of a listed commitment.
 */
const AT_RISK = (byPartner: boolean, paged: boolean) => byPartner
  ? CANDIDATES(paged) + `
WITH o, e, ` + DEFECTIVE + ` AS defective, ` + OVERDUE + ` AS overdue
WHERE defective <> [] OR overdue <> []
` + ORCHESTRATORS + `
WITH o, e, defective, overdue, nowId, dueId, defective <> [] AS hasDefective, overdue <> [] AS hasOverdue
WHERE $partnerId = nowId OR $partnerId = dueId
   OR any(c IN defective + overdue WHERE ` + VISIBLE_COMMITMENT + `
          AND EXISTS { MATCH (c)-[:OWNED_BY]->(:Partner {id: $partnerId}) })`
  : CANDIDATES(paged) + `
WITH o, e, ` + HAS_DEFECTIVE + ` AS hasDefective, ` + HAS_OVERDUE + ` AS hasOverdue
WHERE hasDefective OR hasOverdue`;

/**
 * The number of at-risk outcomes. Without the partner filter the candidates are judged
 * before their engagement is read: at M, 2,883 of 21,138 are at risk, and reading the
 * engagement of the others cost a third of the count.
 */
const COUNT = (byPartner: boolean) => byPartner
  ? AT_RISK(true, false) + `
RETURN count(o) AS totalCount`
  : `MATCH (o:Outcome)
WHERE o.status = 'PENDING' AND o.dueDate >= date($asOf)
  AND (` + HAS_DEFECTIVE + ` OR ` + HAS_OVERDUE + `)
MATCH (o)-[:OF]->(e:Engagement)
WHERE` + OUTCOME_FILTER + `
RETURN count(o) AS totalCount`;

/**
 * A page of at-risk outcomes, dueDate ascending (the nearest deadline first), then id,
 * and, with `withTotal`, their number, in one statement. The page stops reading
 * candidates at its last row: ordered by (status, dueDate, id), status being PENDING
 * for all, the planner follows the index's order and sorts only the outcomes due on
 * one day (a partial top) instead of judging every candidate (at M, 4 ms instead of
 * 80). Without the partner filter the lists and orchestrators are read for the page's
 * rows alone.
 */
export function atRiskPageStatement(options: { byPartner: boolean; withTotal: boolean }): string {
  const { byPartner, withTotal } = options;
  const total = withTotal ? `CALL () {
` + COUNT(byPartner) + `
}
` : '';
  const details = byPartner ? '' : `
  ` + ORCHESTRATORS + `
  WITH o, e, hasDefective, hasOverdue, nowId, dueId, ` + DEFECTIVE + ` AS defective, ` + OVERDUE + ` AS overdue`;
  return total + `CALL () {
  ` + AT_RISK(byPartner, true) + `
  WITH * ORDER BY o.status, o.dueDate, o.id LIMIT $limit` + details + `
  RETURN collect(` + PAGE_ROW('defective', 'overdue') + `) AS page
}
RETURN ` + (withTotal ? 'totalCount' : 'null AS totalCount') + `, page`;
}
