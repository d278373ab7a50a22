/** The role intervals of one engagement, read and replaced under the graph-wide write lock. */

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
