/** The role intervals of one engagement, read and replaced under that engagement's lock. */

/**
 * Takes the engagement's exclusive lock (setting a property to its own value changes
 * nothing but locks the node until the transaction ends), so concurrent role changes
 * of one engagement run one after another, and an import, which sets the engagement's
 * properties, waits for them or they for it. Changes of other engagements do not wait.
 */
export const LOCK_ENGAGEMENT = `
MATCH (e:Engagement {id: $engagementId})
SET e.id = e.id`;

export const READ_ENGAGEMENT_ROLES = `
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
