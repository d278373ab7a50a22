/**
 * The scenario's own statements: what it checks its input against, and the changes it
 * makes inside a transaction that is always rolled back (Graph.rolledBackTx). The
 * answers themselves come from the analyses' statements (graph/gaps, graph/credit).
 */

/** Which of `$ids` are stored partners. */
export const STORED_PARTNERS = `
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN collect(p.id) AS ids`;

export interface OrchestratorIntervalsRow {
  engagement: string;
  intervals: Array<{ partner: string; from: string; to: string | null }>;
}

/** The ORCHESTRATOR intervals of the engagements in `$ids`; an unknown id has no row. */
export const ORCHESTRATOR_INTERVALS = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
RETURN e.id AS engagement,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e)
                 RETURN {partner: p.id, from: toString(r.from), to: toString(r.to)} } AS intervals`;

/** The regions the partners `$ids` operate in and the capabilities they hold, at any level. */
export const REACH_OF_PARTNERS = `
RETURN COLLECT { MATCH (p:Partner)-[:OPERATES_IN]->(g:Region) WHERE p.id IN $ids RETURN DISTINCT g.code } AS regions,
       COLLECT { MATCH (p:Partner)-[:HOLDS]->(k:Capability) WHERE p.id IN $ids RETURN DISTINCT k.id } AS capabilities`;

/**
 * Which of `$ids` are PLANNED or ACTIVE and have an orchestrator on `$today` ("held on
 * D" as the contract defines it, as exitImpact's ORPHANED_ENGAGEMENTS reads it), by id.
 */
export const ORCHESTRATED_TODAY = `
UNWIND $ids AS id
MATCH (e:Engagement {id: id})
WHERE e.status IN ['PLANNED', 'ACTIVE']
  AND EXISTS { MATCH (:Partner)-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(e)
               WHERE r.from <= date($today) AND (r.to IS NULL OR date($today) < r.to) }
WITH e ORDER BY e.id
RETURN collect(e.id) AS ids`;

/**
 * Handovers, planned in Node (handovers.ts): stored ORCHESTRATOR intervals that now end
 * (`$ends`, found by partner, engagement and start) and the new ones (`$starts`).
 */
export const APPLY_HANDOVERS = `
CALL () {
  UNWIND $ends AS x
  MATCH (:Partner {id: x.partner})-[r:PARTICIPATES_IN {role: 'ORCHESTRATOR'}]->(:Engagement {id: x.engagement})
  WHERE r.from = date(x.from) AND r.to IS NULL
  SET r.to = date(x.to)
}
CALL () {
  UNWIND $starts AS x
  MATCH (p:Partner {id: x.partner}), (e:Engagement {id: x.engagement})
  CREATE (p)-[:PARTICIPATES_IN {role: 'ORCHESTRATOR', from: date(x.from), to: date(x.to)}]->(e)
}`;

/**
 * Exits: the partner is INACTIVE (it supplies nothing and counts as INACTIVE in the
 * health), and holds no role from `$today` on: an interval in force today ends today,
 * one that starts today or later is gone. Its contributions stay, with their value.
 */
export const APPLY_EXITS = `
MATCH (p:Partner) WHERE p.id IN $leaving
SET p.status = 'INACTIVE'
WITH p
OPTIONAL MATCH (p)-[r:PARTICIPATES_IN]->(:Engagement)
WHERE r.to IS NULL OR r.to > date($today)
WITH r, r.from < date($today) AS began
FOREACH (_ IN CASE WHEN r IS NOT NULL AND began THEN [1] ELSE [] END | SET r.to = date($today))
FOREACH (_ IN CASE WHEN r IS NOT NULL AND NOT began THEN [1] ELSE [] END | DELETE r)`;

/** A joining partner as the directory would answer it once stored (Partner). */
export interface JoinedPartnerRow {
  id: string;
  name: string;
  type: string;
  status: string;
  tier: string | null;
  regions: Array<{ code: string; name: string }>;
  industries: Array<{ code: string; name: string }>;
  capabilities: Array<{ capability: { id: string; name: string }; level: number; certified: boolean }>;
}

/**
 * Joins: new ACTIVE partners with their regions, industries and holdings (validated
 * before: the ids are new, every reference is stored). Returned as the directory
 * projects a partner, so the answer can name them.
 */
export const APPLY_JOINS = `
UNWIND $joins AS j
CREATE (p:Partner {id: j.id, name: j.name, nameLower: toLower(j.name), type: j.type, status: 'ACTIVE', tier: j.tier})
WITH p, j
CALL (p, j) { UNWIND j.regions AS code MATCH (g:Region {code: code}) CREATE (p)-[:OPERATES_IN]->(g) }
CALL (p, j) { UNWIND j.industries AS code MATCH (i:Industry {code: code}) CREATE (p)-[:SERVES]->(i) }
CALL (p, j) {
  UNWIND j.capabilities AS h MATCH (c:Capability {id: h.capability})
  CREATE (p)-[:HOLDS {level: h.level, certified: h.certified}]->(c)
}
RETURN p{.id, .name, .type, .status, .tier,
  regions: COLLECT { MATCH (p)-[:OPERATES_IN]->(g:Region) RETURN g{.code, .name} ORDER BY g.code },
  industries: COLLECT { MATCH (p)-[:SERVES]->(i:Industry) RETURN i{.code, .name} ORDER BY i.code },
  capabilities: COLLECT { MATCH (p)-[h:HOLDS]->(c:Capability) RETURN {capability: c{.id, .name}, level: h.level, certified: h.certified} ORDER BY c.id }
} AS partner
ORDER BY p.id`;
