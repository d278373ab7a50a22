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
 * commitment: the same patterns as DEFECTIVE and OVERDUE asked only whether one exists,
 * so the walk stops at the first it finds instead of collecting them all.
 */
const HAS_DEFECTIVE = `EXISTS { MATCH ` + FAILURE_CHAIN + ` }`;
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
const AFTER_CURSOR = `($after IS NULL OR row.o.dueDate > date($after[0])
    OR (row.o.dueDate = date($after[0]) AND row.o.id > $after[1]))`;

/** Those of the commitments in `list` the caller may see, by id, as the API's Commitment. */
const LISTED = (list: string) => `COLLECT { UNWIND ` + list + ` AS c WITH c WHERE ` + VISIBLE_COMMITMENT + `
    WITH c ORDER BY c.id RETURN ` + COMMITMENT_REF + ` }`;

/**
 * A page of at-risk outcomes without `filter.partnerId`, in the order and with the
 * rows of AT_RISK_OUTCOME_PAGE: every candidate is only asked whether it is at risk
 * (HAS_DEFECTIVE, HAS_OVERDUE), and the lists and orchestrators are read for the
 * page's rows alone. At M (149,064 outcomes) the lists of every candidate cost about a
 * second; the page needs twenty.
 */
export const AT_RISK_PAGE_ANY_PARTNER = `
MATCH (o:Outcome)-[:OF]->(e:Engagement)
WHERE o.status = 'PENDING' AND o.dueDate >= date($asOf) AND` + OUTCOME_FILTER + `
WITH o, e, ` + HAS_DEFECTIVE + ` AS hasDefective, ` + HAS_OVERDUE + ` AS hasOverdue
WHERE hasDefective OR hasOverdue
ORDER BY o.dueDate, o.id
WITH collect({o: o, e: e, hasDefective: hasDefective, hasOverdue: hasOverdue}) AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH row WHERE ` + AFTER_CURSOR + `
  WITH row LIMIT $limit
  WITH row, row.o AS o, row.e AS e
  ` + ORCHESTRATORS + `
  WITH row, o, e, nowId, dueId, ` + DEFECTIVE + ` AS defective, ` + OVERDUE + ` AS overdue
  RETURN collect({
    outcome: ` + OUTCOME_REF + `,
    daysToDue: duration.inDays(date($asOf), o.dueDate).days,
    hasDefective: row.hasDefective,
    hasOverdue: row.hasOverdue,
    orchestratorNowId: nowId,
    orchestratorOnDueDateId: dueId,
    defective: ` + LISTED('defective') + `,
    overdue: ` + LISTED('overdue') + `
  }) AS page
}
RETURN size(rows) AS totalCount, page`;

/**
 * A page of at-risk outcomes, dueDate ascending (the nearest deadline first), then id.
 * Candidates come from the (status, dueDate) index; each is judged by its two
 * traversals, then the partner filter applies to what the caller would see listed:
 * the orchestrator on asOf or on the due date, or the owner of a listed commitment.
 */
export const AT_RISK_OUTCOME_PAGE = `
MATCH (o:Outcome)-[:OF]->(e:Engagement)
WHERE o.status = 'PENDING' AND o.dueDate >= date($asOf) AND` + OUTCOME_FILTER + `
WITH o, e, ` + DEFECTIVE + ` AS defective, ` + OVERDUE + ` AS overdue
WHERE defective <> [] OR overdue <> []
` + ORCHESTRATORS + `
WITH o, e, defective, overdue, nowId, dueId
WHERE $partnerId IS NULL OR $partnerId = nowId OR $partnerId = dueId
   OR any(c IN defective + overdue WHERE ` + VISIBLE_COMMITMENT + `
          AND EXISTS { MATCH (c)-[:OWNED_BY]->(:Partner {id: $partnerId}) })
ORDER BY o.dueDate, o.id
WITH collect({o: o, e: e, defective: defective, overdue: overdue, nowId: nowId, dueId: dueId}) AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH row WHERE ` + AFTER_CURSOR + `
  WITH row LIMIT $limit
  WITH row, row.o AS o, row.e AS e
  RETURN collect({
    outcome: ` + OUTCOME_REF + `,
    daysToDue: duration.inDays(date($asOf), o.dueDate).days,
    hasDefective: row.defective <> [],
    hasOverdue: row.overdue <> [],
    orchestratorNowId: row.nowId,
    orchestratorOnDueDateId: row.dueId,
    defective: ` + LISTED('row.defective') + `,
    overdue: ` + LISTED('row.overdue') + `
  }) AS page
}
RETURN size(rows) AS totalCount, page`;
