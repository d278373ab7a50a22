/** Status changes of one commitment or outcome; a PARTNER token may change only what it owns. */

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
