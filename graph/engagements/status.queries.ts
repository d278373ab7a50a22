/** Status changes of one commitment or outcome; a PARTNER token may change only what it owns. */

/**
 * Locks the commitment before its owner is read (setting a property to its own value
 * changes nothing but takes the node's exclusive lock), so the owner checked is the
 * owner when the status is set: an import that moves the commitment to another owner
 * commits first or waits. Nothing else is locked: a status is no part of any rule that
 * spans items, and other commitments' changes do not wait.
 */
export const LOCK_COMMITMENT = `
MATCH (m:Commitment {id: $id})
SET m.id = m.id`;

export const SET_COMMITMENT_STATUS = `
MATCH (m:Commitment {id: $id})-[:PART_OF]->(e:Engagement)
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(e) }
WITH m, e, COLLECT { MATCH (m)-[:OWNED_BY]->(p:Partner) RETURN p.id }[0] AS owner
WITH m, e, owner, m.status AS previous, ($owner IS NULL OR owner = $owner) AS allowed
FOREACH (_ IN CASE WHEN allowed THEN [1] ELSE [] END | SET m.status = $status)
RETURN allowed, previous, e.id AS engagementId, owner`;

/**
 * Locks the outcome before its status is read, as LOCK_COMMITMENT does: a statement
 * that read the old status and then waited for the lock would report the status it
 * read before the wait, not the one it replaced (the event's `from`).
 */
export const LOCK_OUTCOME = `
MATCH (o:Outcome {id: $id})
SET o.id = o.id`;

export const SET_OUTCOME_STATUS = `
MATCH (o:Outcome {id: $id})
WITH o, o.status AS previous
SET o.status = $status
RETURN previous, COLLECT { MATCH (o)-[:OF]->(e:Engagement) RETURN e.id }[0] AS engagementId`;
