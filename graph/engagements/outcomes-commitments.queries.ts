/**
 * Outcomes and commitments by id, and their DEPENDS_ON lists, within the caller's
 * scope (`$scope`: null, or the PARTNER token's partner id): an item is visible when
 * its engagement is. A dependency on a commitment outside the scope is left out.
 */

const OUTCOME = `{id: o.id, description: o.description, status: o.status, dueDate: toString(o.dueDate), engagementId: e.id}`;
const COMMITMENT = `{id: m.id, description: m.description, status: m.status, dueDate: toString(m.dueDate),
                     ownerId: COLLECT { MATCH (m)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0], engagementId: e.id}`;

export const OUTCOMES_BY_IDS = `
UNWIND $ids AS id
MATCH (o:Outcome {id: id})-[:OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
RETURN ` + OUTCOME + ` AS item`;

export const COMMITMENTS_BY_IDS = `
UNWIND $ids AS id
MATCH (m:Commitment {id: id})-[:PART_OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
RETURN ` + COMMITMENT + ` AS item`;

/** What an item bound to `x` depends on directly, in scope, by commitment id. */
const DEPENDENCIES = `COLLECT {
  MATCH (x)-[:DEPENDS_ON]->(m:Commitment)-[:PART_OF]->(e:Engagement)
  WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
  RETURN ` + COMMITMENT + ` ORDER BY m.id
}`;

/** Per outcome id (outcome and commitment ids are separate namespaces, hence two statements). */
export const OUTCOME_DEPENDENCIES = `
UNWIND $ids AS id
MATCH (x:Outcome {id: id})
RETURN id, ` + DEPENDENCIES + ` AS items`;

export const COMMITMENT_DEPENDENCIES = `
UNWIND $ids AS id
MATCH (x:Commitment {id: id})
RETURN id, ` + DEPENDENCIES + ` AS items`;
