/**
 * The Cypher of the import writer. Each statement takes a batch of rows (`$rows`) and
 * is idempotent: MERGE by id, SET every property, and replace the relationships the
 * rows describe, so running a batch twice leaves the graph as running it once.
 */

/**
 * The imports' own lock, taken first by every `importEcosystem`: imports run one after
 * another, so the store an import validates against (which ids exist, which engagement
 * holds which item, the DEPENDS_ON graph) cannot change before it commits, because only
 * imports change those. Role and status changes never take it: they change nothing an
 * import validates, and the items they and an import both change (an engagement, a
 * commitment) are locked by whichever writes first. The node is made on first use
 * (MERGE under the GraphState key constraint, so two first imports make one).
 */
export const LOCK_IMPORTS = `
MERGE (s:GraphState {key: 'import'})
SET s.key = s.key`;

export const UPSERT_REGIONS = `
UNWIND $rows AS r
MERGE (n:Region {code: r.code}) SET n.name = r.name`;

export const UPSERT_INDUSTRIES = `
UNWIND $rows AS r
MERGE (n:Industry {code: r.code}) SET n.name = r.name`;

export const UPSERT_CAPABILITIES = `
UNWIND $rows AS r
MERGE (n:Capability {id: r.id}) SET n.name = r.name`;

export const UPSERT_PARTNERS = `
UNWIND $rows AS r
MERGE (p:Partner {id: r.id})
SET p.name = r.name, p.nameLower = toLower(r.name), p.type = r.type, p.status = r.status, p.tier = r.tier
WITH p, r
CALL (p) { MATCH (p)-[x:OPERATES_IN|SERVES|HOLDS]->() DELETE x }
CALL (p, r) { UNWIND r.regions AS code MATCH (g:Region {code: code}) MERGE (p)-[:OPERATES_IN]->(g) }
CALL (p, r) { UNWIND r.industries AS code MATCH (i:Industry {code: code}) MERGE (p)-[:SERVES]->(i) }
CALL (p, r) {
  UNWIND r.capabilities AS h
  MATCH (c:Capability {id: h.capability})
  MERGE (p)-[x:HOLDS]->(c) SET x.level = h.level, x.certified = h.certified
}`;

export const UPSERT_CUSTOMERS = `
UNWIND $rows AS r
MERGE (c:Customer {id: r.id})
SET c.name = r.name
WITH c, r
CALL (c) { MATCH (c)-[x:LOCATED_IN|IN_INDUSTRY]->() DELETE x }
MATCH (g:Region {code: r.region}), (i:Industry {code: r.industry})
CREATE (c)-[:LOCATED_IN]->(g), (c)-[:IN_INDUSTRY]->(i)`;

/** An engagement with its customer, requirements and role intervals (which replace the stored ones). */
export const UPSERT_ENGAGEMENTS = `
UNWIND $rows AS r
MERGE (e:Engagement {id: r.id})
SET e.name = r.name, e.status = r.status, e.value = r.value, e.currency = r.currency,
    e.startDate = date(r.startDate), e.endDate = date(r.endDate)
WITH e, r
CALL (e) { MATCH (e)-[x:FOR|REQUIRES]->() DELETE x }
CALL (e) { MATCH ()-[x:PARTICIPATES_IN]->(e) DELETE x }
CALL (e, r) { MATCH (c:Customer {id: r.customer}) CREATE (e)-[:FOR]->(c) }
CALL (e, r) { UNWIND r.requires AS q MATCH (c:Capability {id: q.capability}) CREATE (e)-[:REQUIRES {level: q.level}]->(c) }
CALL (e, r) {
  UNWIND r.participants AS x
  MATCH (p:Partner {id: x.partner})
  CREATE (p)-[:PARTICIPATES_IN {role: x.role, from: date(x.from), to: date(x.to)}]->(e)
}`;

export const UPSERT_CONTRIBUTIONS = `
UNWIND $rows AS r
MERGE (k:Contribution {id: r.id})
SET k.kind = r.kind, k.date = date(r.date), k.amount = r.amount
WITH k, r
CALL (k) { MATCH (k)-[x:TO]->() DELETE x }
CALL (k) { MATCH ()-[x:CONTRIBUTED]->(k) DELETE x }
MATCH (e:Engagement {id: r.engagement}), (p:Partner {id: r.partner})
CREATE (p)-[:CONTRIBUTED]->(k)-[:TO]->(e)`;

export const UPSERT_COMMITMENTS = `
UNWIND $rows AS r
MERGE (m:Commitment {id: r.id})
SET m.description = r.description, m.status = r.status, m.dueDate = date(r.dueDate)
WITH m, r
CALL (m) { MATCH (m)-[x:PART_OF|OWNED_BY]->() DELETE x }
MATCH (e:Engagement {id: r.engagement}), (p:Partner {id: r.owner})
CREATE (m)-[:PART_OF]->(e), (m)-[:OWNED_BY]->(p)`;

export const UPSERT_OUTCOMES = `
UNWIND $rows AS r
MERGE (o:Outcome {id: r.id})
SET o.description = r.description, o.status = r.status, o.dueDate = date(r.dueDate)
WITH o, r
CALL (o) { MATCH (o)-[x:OF]->() DELETE x }
MATCH (e:Engagement {id: r.engagement})
CREATE (o)-[:OF]->(e)`;

/**
 * A deal registration (graph/deals) with its partner, customer and capability, which
 * replace the stored ones. The import stores what it is given: an approval that
 * overlaps another partner's is not refused here (registerDeal and
 * decideDealRegistration refuse it); dealConflicts reports it.
 */
export const UPSERT_DEAL_REGISTRATIONS = `
UNWIND $rows AS r
MERGE (d:DealRegistration {id: r.id})
SET d.registeredOn = date(r.registeredOn), d.expiresOn = date(r.expiresOn), d.status = r.status, d.reason = r.reason,
    d.partnerId = r.partner, d.customerId = r.customer, d.capabilityId = r.capability
WITH d, r
CALL (d) { MATCH (d)-[x:REGISTERED_BY|CLAIMS|COVERS]->() DELETE x }
MATCH (p:Partner {id: r.partner}), (c:Customer {id: r.customer}), (k:Capability {id: r.capability})
CREATE (d)-[:REGISTERED_BY]->(p), (d)-[:CLAIMS]->(c), (d)-[:COVERS]->(k)`;

/**
 * Removes the contributions, commitments and outcomes an engagement no longer lists.
 * Runs after every node of the import is upserted, so an item that moved to another
 * engagement is already linked there and is not removed.
 *
 * The items are collected by expanding from the engagement and only then filtered by
 * label and id. Given a label and an id predicate in a MATCH, the planner chose to scan
 * the whole Contribution(id) index per row and join back to the engagement: 8 million
 * rows for a batch of 400 engagements at 10,000 engagements (26 s per batch, measured).
 */
export const REMOVE_UNLISTED_ITEMS = `
UNWIND $rows AS r
MATCH (e:Engagement {id: r.id})
WITH r, [(e)<-[x:TO|PART_OF|OF]-(item) | [type(x), item]] AS linked
WITH [pair IN linked WHERE
        (pair[0] = 'TO' AND pair[1]:Contribution AND NOT pair[1].id IN r.contributions)
     OR (pair[0] = 'PART_OF' AND pair[1]:Commitment AND NOT pair[1].id IN r.commitments)
     OR (pair[0] = 'OF' AND pair[1]:Outcome AND NOT pair[1].id IN r.outcomes) | pair[1]] AS unlisted
FOREACH (item IN unlisted | DETACH DELETE item)`;

/** Replaces the DEPENDS_ON edges of commitments and outcomes. */
export const REPLACE_COMMITMENT_DEPENDENCIES = `
UNWIND $rows AS r
MATCH (m:Commitment {id: r.id})
CALL (m) { MATCH (m)-[x:DEPENDS_ON]->() DELETE x }
CALL (m, r) { UNWIND r.dependsOn AS d MATCH (t:Commitment {id: d}) MERGE (m)-[:DEPENDS_ON]->(t) }`;

export const REPLACE_OUTCOME_DEPENDENCIES = `
UNWIND $rows AS r
MATCH (o:Outcome {id: r.id})
CALL (o) { MATCH (o)-[x:DEPENDS_ON]->() DELETE x }
CALL (o, r) { UNWIND r.dependsOn AS d MATCH (t:Commitment {id: d}) MERGE (o)-[:DEPENDS_ON]->(t) }`;
