/**
 * Accountability's rules as Cypher fragments, written once: the accountability
 * statements here and the analyses that ask the same questions of other outcomes
 * (graph/at-risk) compose them, so the rules cannot drift apart. Each fragment names
 * the variables it expects bound; none takes anything but query parameters.
 */

/**
 * The failure subgraph of the outcome bound to `o` (contract: Analyses, Accountability),
 * as a path pattern ending in one member `m`: a defective (`$defective`) commitment
 * reached by DEPENDS_ON through defective commitments only, so a DELIVERED commitment
 * absorbs what lies below it. `accountability` asks it for its shortest chains (ALL
 * SHORTEST). Asked for `DISTINCT m` alone, this one-step form is planned as a pruning
 * breadth-first expand from `o` that visits each commitment once, where a path selector
 * on Neo4j 5 follows every path of a diamond-shaped graph (2^30 paths for 30 diamonds
 * in a row: graph/at-risk/at-risk.test.ts).
 *
 * `x` carries no label on purpose: DEPENDS_ON only ever reaches commitments, and without
 * the label the (Commitment, status) index cannot be a starting point, which a planner
 * working from stale index statistics (just after an import) otherwise chooses, walking
 * every defective commitment's paths backwards to `o` (an at-risk page over 400
 * engagements took 35 s that way, 2 s cold and 0.1 s warm this way).
 */
export const FAILURE_CHAIN = `(o) (()-[:DEPENDS_ON]->(x WHERE x.status IN $defective))+ (m)`;

/**
 * The partner that held engagement `e`'s ORCHESTRATOR role on the date `heldOn` (both
 * bound before it), by the stored intervals (graph/engagements/roles.ts keeps them: `to`
 * absent while held); "held on D" is `from <= D` and (`to` is null or `D < to`). Ends in
 * `RETURN min(a.id)`, one row, null when nobody held it: the caller names the column.
 * (One interval at most is in force on a date: the import and assignRole refuse overlaps.)
 *
 * The interval is read through `properties(r)` on purpose: given `r.from <= heldOn`, the
 * planner seeks the (role, from) index over every engagement's intervals and keeps those
 * of `e` (55,804 rows for 133 outcomes of 400 engagements) instead of expanding the two
 * or three intervals of `e` (2,043).
 */
export const ORCHESTRATOR_ON = `MATCH (a:Partner)-[r:PARTICIPATES_IN]->(e)
  WITH a, properties(r) AS held, heldOn
  WHERE held.role = 'ORCHESTRATOR' AND held.from <= heldOn AND (held.to IS NULL OR heldOn < held.to)
  RETURN min(a.id)`;

/** Visible to the caller (`$scope`): the commitment bound to `c`. */
export const VISIBLE_COMMITMENT = `($scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(:Engagement)<-[:PART_OF]-(c) })`;

/** The commitment bound to `c`, as the API's Commitment. */
export const COMMITMENT_REF = `{id: c.id, description: c.description, status: c.status, dueDate: toString(c.dueDate),
  ownerId: COLLECT { MATCH (c)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0],
  engagementId: COLLECT { MATCH (c)-[:PART_OF]->(x:Engagement) RETURN x.id }[0]}`;

/** The outcome bound to `o`, of engagement `e`, as the API's Outcome. */
export const OUTCOME_REF = '{id: o.id, description: o.description, status: o.status, dueDate: toString(o.dueDate), engagementId: e.id}';

/**
 * The filter of outcome lists (contract: OutcomeFilter) apart from `partnerId`, and the
 * caller's scope: outcome bound to `o`, its engagement to `e`.
 */
export const OUTCOME_FILTER = `
    ($scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) })
    AND ($since IS NULL OR o.dueDate >= date($since))
    AND ($until IS NULL OR o.dueDate < date($until))
    AND ($regions IS NULL OR EXISTS { MATCH (e)-[:FOR]->(:Customer)-[:LOCATED_IN]->(g:Region) WHERE g.code IN $regions })
    AND ($industries IS NULL OR EXISTS { MATCH (e)-[:FOR]->(:Customer)-[:IN_INDUSTRY]->(i:Industry) WHERE i.code IN $industries })`;
