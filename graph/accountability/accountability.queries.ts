/**
 * Accountability (contract: Accountability, Analyses), traversed next to the data.
 *
 * The failure subgraph of an outcome is every defective (LATE, FAILED) commitment
 * reachable from it by DEPENDS_ON edges through defective commitments only; a
 * DELIVERED commitment absorbs what lies below it. Root causes are members with no
 * defective direct dependency; the others are propagated.
 *
 * `$scope` (null, or a PARTNER token's partner id) limits which outcomes can be asked
 * about and which commitments are listed; the answer itself (accountable partner,
 * shares) is computed over the whole graph, because partial data would give a wrong one.
 */
import {
  COMMITMENT_REF, FAILURE_CHAIN, ORCHESTRATOR_ON, OUTCOME_FILTER, OUTCOME_REF, VISIBLE_COMMITMENT,
} from './fragments.ts';

export interface CommitmentRef {
  id: string; description: string; status: string; dueDate: string | null; ownerId: string; engagementId: string;
}

export interface AccountabilityRow {
  outcome: { id: string; description: string; status: string; dueDate: string; engagementId: string };
  accountableId: string | null;
  rootCauses: Array<{ commitment: CommitmentRef; path: CommitmentRef[] }>;
  propagated: CommitmentRef[];
  responsible: Array<{ partnerId: string; share: number; rootCauses: number; role: string | null }>;
}

export const ACCOUNTABILITY = `
MATCH (o:Outcome {id: $id})-[:OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
CALL (o, e) {
  WITH e, o.dueDate AS heldOn
  ` + ORCHESTRATOR_ON + ` AS accountableId
}
CALL (o) {
  // Each member m of the failure subgraph with its shortest chains from a direct
  // dependency of the outcome, defective all the way; the smallest ids win a tie.
  OPTIONAL MATCH chain = ALL SHORTEST ` + FAILURE_CHAIN + `
  WITH m, nodes(chain)[1..] AS path ORDER BY size(path), [c IN path | c.id]
  WITH m, collect(path)[0] AS path
  WHERE m IS NOT NULL
  WITH m, path ORDER BY m.id
  RETURN collect({
    m: m,
    owner: COLLECT { MATCH (m)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0],
    root: NOT EXISTS { MATCH (m)-[:DEPENDS_ON]->(x:Commitment) WHERE x.status IN $defective },
    path: path
  }) AS members
}
WITH o, e, accountableId, members, [x IN members WHERE x.root] AS roots
CALL (roots) {
  UNWIND roots AS root
  WITH root.owner AS partnerId, count(*) AS n
  RETURN collect({partnerId: partnerId, rootCauses: n}) AS owners
}
WITH o, e, accountableId, members, roots,
  CASE
    WHEN NOT o.status IN $missed THEN []
    WHEN size(roots) = 0 AND accountableId IS NULL THEN []
    WHEN size(roots) = 0 THEN [{partnerId: accountableId, rootCauses: 0, share: 1.0}]
    ELSE [x IN owners | {partnerId: x.partnerId, rootCauses: x.rootCauses, share: toFloat(x.rootCauses) / size(roots)}]
  END AS shares
CALL (o, e, shares) {
  UNWIND shares AS s
  WITH s ORDER BY s.share DESC, s.partnerId
  RETURN collect({
    partnerId: s.partnerId, share: s.share, rootCauses: s.rootCauses,
    // Holding both roles on the due date, the partner answers as ORCHESTRATOR.
    role: COLLECT { MATCH (:Partner {id: s.partnerId})-[r:PARTICIPATES_IN]->(e)
                    WHERE r.from <= o.dueDate AND (r.to IS NULL OR o.dueDate < r.to)
                    RETURN r.role ORDER BY r.role DESC }[0]
  }) AS responsible
}
RETURN
  {id: o.id, description: o.description, status: o.status, dueDate: toString(o.dueDate), engagementId: e.id} AS outcome,
  accountableId,
  COLLECT {
    UNWIND members AS member
    WITH member, member.m AS c WHERE member.root AND ` + VISIBLE_COMMITMENT + `
    WITH member, ` + COMMITMENT_REF + ` AS commitment
    RETURN {commitment: commitment,
            path: COLLECT { UNWIND member.path AS c WITH c WHERE ` + VISIBLE_COMMITMENT + ` RETURN ` + COMMITMENT_REF + ` }}
  } AS rootCauses,
  COLLECT {
    UNWIND members AS member
    WITH member.m AS c WHERE NOT member.root AND ` + VISIBLE_COMMITMENT + `
    RETURN ` + COMMITMENT_REF + `
  } AS propagated,
  responsible`;


/** The pattern "commitment `m` is a root cause of a missed outcome `o`", upwards from m. */
const ROOT_CAUSE_OF_MISS = `m.status IN $defective
  AND NOT EXISTS { MATCH (m)-[:DEPENDS_ON]->(x:Commitment) WHERE x.status IN $defective }
  AND EXISTS { MATCH (m) ((:Commitment)<-[:DEPENDS_ON]-(y:Commitment WHERE y.status IN $defective))* (:Commitment)
                     <-[:DEPENDS_ON]-(o:Outcome WHERE o.status IN $missed) }`;

export interface RoleRecordRow {
  engagements: number; outcomesMet: number; outcomesMissed: number; commitmentsDelivered: number; commitmentsDefective: number;
}
export interface TrackRecordRow {
  id: string; asOrchestrator: RoleRecordRow; asContributor: RoleRecordRow; rootCauses: number; accountableMisses: number;
}

/** Per partner id: its record split by the role held, each engagement counted once per role. */
export const TRACK_RECORDS = `
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) {
  UNWIND ['ORCHESTRATOR', 'CONTRIBUTOR'] AS role
  CALL (p, role) {
    OPTIONAL MATCH (p)-[:PARTICIPATES_IN {role: role}]->(e:Engagement)
    WITH DISTINCT e
    RETURN {
      engagements: count(e),
      outcomesMet: sum(COUNT { MATCH (o:Outcome)-[:OF]->(e) WHERE o.status = 'MET' }),
      outcomesMissed: sum(COUNT { MATCH (o:Outcome)-[:OF]->(e) WHERE o.status IN $missed }),
      commitmentsDelivered: sum(COUNT { MATCH (p)<-[:OWNED_BY]-(m:Commitment)-[:PART_OF]->(e) WHERE m.status = 'DELIVERED' }),
      commitmentsDefective: sum(COUNT { MATCH (p)<-[:OWNED_BY]-(m:Commitment)-[:PART_OF]->(e) WHERE m.status IN $defective })
    } AS record
  }
  RETURN collect(record) AS records
}
RETURN {
  id: p.id,
  asOrchestrator: records[0],
  asContributor: records[1],
  rootCauses: COUNT { MATCH (p)<-[:OWNED_BY]-(m:Commitment) WHERE ` + ROOT_CAUSE_OF_MISS + ` },
  accountableMisses: size(COLLECT {
    MATCH (p)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(:Engagement)<-[:OF]-(o:Outcome)
    WHERE o.status IN $missed AND r.from <= o.dueDate AND (r.to IS NULL OR o.dueDate < r.to)
    RETURN DISTINCT o.id
  })
} AS record`;

/**
 * MISSED and PARTIALLY_MET outcomes in scope that match the filter, apart from
 * `partnerId` (outcome bound to `o`, engagement to `e`).
 */
const MISSED_FILTER = `
    o.status IN $missed AND` + OUTCOME_FILTER;

/** After the cursor `$after` ([dueDate, id] of the last row seen), in dueDate DESC, id order. */
const AFTER_CURSOR = '($after IS NULL OR o.dueDate < date($after[0]) OR (o.dueDate = date($after[0]) AND o.id > $after[1]))';

/** A page of missed outcomes, dueDate descending, then id; `$after` is [dueDate, id] of the last row seen. */
export const MISSED_OUTCOME_PAGE = `
CALL () { MATCH (o:Outcome)-[:OF]->(e:Engagement) WHERE` + MISSED_FILTER + ` RETURN count(o) AS totalCount }
CALL () {
  MATCH (o:Outcome)-[:OF]->(e:Engagement)
  WHERE ` + AFTER_CURSOR + ` AND` + MISSED_FILTER + `
  WITH o, e ORDER BY o.dueDate DESC, o.id LIMIT $limit
  RETURN collect(` + OUTCOME_REF + `) AS page
}
RETURN totalCount, page`;

/**
 * The same page with `partnerId`: the outcomes the partner was accountable for (it
 * orchestrated the engagement on the due date) or owns a root cause of. They are found
 * from the partner: its ORCHESTRATOR intervals, and upwards from its defective
 * commitments with no defective dependency through defective dependants to a missed
 * outcome (the failure subgraph read from below). Testing every missed outcome instead
 * took 0.9 s at 10,000 partners; a partner has few of either.
 */
export const MISSED_OUTCOME_PAGE_OF_PARTNER = `
CALL () {
  MATCH (:Partner {id: $partnerId})-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(:Engagement)<-[:OF]-(o:Outcome)
  WHERE o.status IN $missed AND r.from <= o.dueDate AND (r.to IS NULL OR o.dueDate < r.to)
  RETURN o
  UNION
  MATCH (:Partner {id: $partnerId})<-[:OWNED_BY]-(m:Commitment)
  WHERE m.status IN $defective AND NOT EXISTS { MATCH (m)-[:DEPENDS_ON]->(x:Commitment) WHERE x.status IN $defective }
  MATCH (m) ((:Commitment)<-[:DEPENDS_ON]-(y:Commitment WHERE y.status IN $defective))* (:Commitment)<-[:DEPENDS_ON]-(o:Outcome)
  WHERE o.status IN $missed
  RETURN o
}
MATCH (o)-[:OF]->(e:Engagement)
WHERE` + MISSED_FILTER + `
WITH o, e ORDER BY o.dueDate DESC, o.id
WITH collect({o: o, e: e}) AS rows
CALL (rows) {
  UNWIND rows AS row
  WITH row.o AS o, row.e AS e WHERE ` + AFTER_CURSOR + `
  WITH o, e LIMIT $limit
  RETURN collect(` + OUTCOME_REF + `) AS page
}
RETURN size(rows) AS totalCount, page`;
