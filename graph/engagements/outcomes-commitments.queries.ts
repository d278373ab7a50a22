/**
 * Outcomes and commitments by id, and their DEPENDS_ON lists, within the caller's
 * scope (`$scope`: null, or the PARTNER token's partner id): an item is visible when
 * its engagement is. A dependency on a commitment outside the scope is left out.
 */

const OUTCOME = `{id: o.id, description: o.description, status: o.status, dueDate: toString(o.dueDate), engagementId: e.id}`;

/**
 * The commitment bound to `m`, of the engagement bound to `engagement`; with `owner` (a
 * partner projection bound to `p`), also its owner's row, in `owner`.
 */
const commitment = (engagement: string, owner: string | null) => `{id: m.id, description: m.description, status: m.status, dueDate: toString(m.dueDate),
                     ownerId: COLLECT { MATCH (m)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0], engagementId: ${engagement}.id`
  + (owner === null ? '' : `,\n                     owner: COLLECT { MATCH (m)-[:OWNED_BY]->(p:Partner) RETURN p` + owner + ` }[0]`) + `}`;
const COMMITMENT = commitment('e', null);

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

/**
 * What the item bound to `item` depends on directly, in scope, by commitment id; the
 * commitment's engagement is bound to `engagement` (a name free where this is used) and,
 * with `owner`, each row carries its owner's partner row (as `commitment` says).
 */
export const dependenciesOf = (item: string, engagement: string, owner: string | null) => `COLLECT {
  MATCH (${item})-[:DEPENDS_ON]->(m:Commitment)-[:PART_OF]->(${engagement}:Engagement)
  WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(${engagement}) }
  RETURN ` + commitment(engagement, owner) + ` ORDER BY m.id
}`;
const DEPENDENCIES = dependenciesOf('x', 'e', null);

/** Per outcome id (outcome and commitment ids are separate namespaces, hence two statements). */
export const OUTCOME_DEPENDENCIES = `
UNWIND $ids AS id
MATCH (x:Outcome {id: id})
RETURN id, ` + DEPENDENCIES + ` AS items`;

export const COMMITMENT_DEPENDENCIES = `
UNWIND $ids AS id
MATCH (x:Commitment {id: id})
RETURN id, ` + DEPENDENCIES + ` AS items`;
