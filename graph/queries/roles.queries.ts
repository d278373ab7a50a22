/** The role intervals of one engagement, read and replaced under the graph-wide write lock. */

export const ENGAGEMENT_ROLES = `
MATCH (e:Engagement {id: $engagementId})
RETURN e.status AS status,
       EXISTS { MATCH (:Partner {id: $partnerId}) } AS partnerExists,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
                 RETURN {partner: p.id, role: r.role, from: toString(r.from), to: toString(r.to)} } AS intervals`;

export const REPLACE_ENGAGEMENT_ROLES = `
MATCH (e:Engagement {id: $engagementId})
CALL (e) { MATCH ()-[r:PARTICIPATES_IN]->(e) DELETE r }
CALL (e) {
  UNWIND $intervals AS x
  MATCH (p:Partner {id: x.partner})
  CREATE (p)-[:PARTICIPATES_IN {role: x.role, from: date(x.from), to: date(x.to)}]->(e)
}`;

export const SET_COMMITMENT_STATUS = `
MATCH (m:Commitment {id: $id})-[:PART_OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
WITH m, COLLECT { MATCH (m)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0] AS owner
WITH m, owner, ($owner IS NULL OR owner = $owner) AS allowed
FOREACH (_ IN CASE WHEN allowed THEN [1] ELSE [] END | SET m.status = $status)
RETURN allowed`;

export const SET_OUTCOME_STATUS = `
MATCH (o:Outcome {id: $id})
SET o.status = $status
RETURN o.id AS id`;
