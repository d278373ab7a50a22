/**
 * The network view's projection (contract: Analyses, Network), aggregated next to the
 * data so only nodes and weighted edges leave the database.
 *
 * A matching engagement: its customer is in one of `$regions` and one of `$industries`
 * (each when given), and its [startDate, endDate] overlaps [$since, $until],
 * both ends included; a missing bound of either interval is open, so an engagement
 * with no startDate began "always" and one with no endDate is still running.
 * A matching partner: its type is one of `$partnerTypes`, it operates in one of
 * `$regions` and serves one of `$industries` (each when given). `$x` is `$filter.x`.
 * A member of an engagement: a matching partner that held any role in it at any time.
 *
 */


/** What the statement takes as `$filter`: null turns a filter off. */
export interface NetworkFilterParam {
  regions: string[] | null;
  industries: string[] | null;
  partnerTypes: string[] | null;
  since: string | null;
  until: string | null;
  includeCustomers: boolean;
}

/**
 * One map parameter rather than six: Neo4j caches a plan per statement and parameter
 * types, list sizes bucketed, so a null where a list was, or a longer list, is another
 * plan (one to two seconds of planning for this statement); the type of a map does not
 * depend on what it holds. A type, not an interface: it must fit the executor's `Params`.
 */
export type NetworkProjectionParams = { filter: NetworkFilterParam };

/** One partner node of the filtered network. */
export interface NetworkPartnerRow {
  id: string;
  name: string;
  type: string;
  /** Codes of the regions it operates in, ordered. */
  regions: string[];
  /** Ids of the capabilities it holds at level 3 or more, ordered (a community's label names the most held). */
  capabilities: string[];
}

/** Two partner nodes that delivered together, a < b (Cypher's string order), and in how many matching engagements. */
export interface NetworkPairRow {
  a: string;
  b: string;
  weight: number;
}

export interface NetworkCustomerRow {
  id: string;
  name: string;
}

/** A partner held `role` in `weight` matching engagements for the customer. */
export interface NetworkRoleRow {
  partner: string;
  customer: string;
  role: 'ORCHESTRATOR' | 'CONTRIBUTOR';
  weight: number;
}

/** The engagement bound to `e`, its customer to `c`. */
const ENGAGEMENT_MATCHES = `
  ($filter.since IS NULL OR e.endDate IS NULL OR e.endDate >= date($filter.since))
  AND ($filter.until IS NULL OR e.startDate IS NULL OR e.startDate <= date($filter.until))
  AND ($filter.regions IS NULL OR EXISTS { MATCH (c)-[:LOCATED_IN]->(g:Region) WHERE g.code IN $filter.regions })
  AND ($filter.industries IS NULL OR EXISTS { MATCH (c)-[:IN_INDUSTRY]->(i:Industry) WHERE i.code IN $filter.industries })`;

/** The partner bound to `p`. */
const PARTNER_MATCHES = `
  ($filter.partnerTypes IS NULL OR p.type IN $filter.partnerTypes)
  AND ($filter.regions IS NULL OR EXISTS { MATCH (p)-[:OPERATES_IN]->(g:Region) WHERE g.code IN $filter.regions })
  AND ($filter.industries IS NULL OR EXISTS { MATCH (p)-[:SERVES]->(i:Industry) WHERE i.code IN $filter.industries })`;

/**
 * The partner nodes: matching partners that are members of at least one matching
 * engagement. EXISTS stops at the first such engagement, so this is one pass over
 * the partners, not over the engagements.
 */
export const NETWORK_PARTNERS = `
MATCH (p:Partner)
WHERE` + PARTNER_MATCHES + `
  AND EXISTS {
    MATCH (p)-[:PARTICIPATES_IN]->(e:Engagement)-[:FOR]->(c:Customer)
    WHERE` + ENGAGEMENT_MATCHES + `
  }
RETURN p.id AS id, p.name AS name, p.type AS type,
       COLLECT { MATCH (p)-[:OPERATES_IN]->(g:Region) RETURN DISTINCT g.code AS code ORDER BY code } AS regions,
       COLLECT { MATCH (p)-[h:HOLDS]->(k:Capability) WHERE h.level >= 3 RETURN DISTINCT k.id AS id ORDER BY id } AS capabilities`;

/**
 * The CO_DELIVERS pairs, one row each, aggregated next to the data: per matching
 * engagement its members' ids in order, then every pair i < j of them, counted over
 * engagements. Rows, not one collected list: at 100,000 partners there are millions of
 * pairs, and the caller streams them (Graph.readStreaming) into typed arrays.
 */
export const NETWORK_PAIRS = `
MATCH (e:Engagement)-[:FOR]->(c:Customer)
WHERE` + ENGAGEMENT_MATCHES + `
CALL (e) {
  MATCH (p:Partner)-[:PARTICIPATES_IN]->(e)
  WHERE` + PARTNER_MATCHES + `
  WITH DISTINCT p.id AS id ORDER BY id
  RETURN collect(id) AS members
}
WITH members WHERE size(members) > 1
UNWIND range(0, size(members) - 2) AS i
UNWIND range(i + 1, size(members) - 1) AS j
RETURN members[i] AS a, members[j] AS b, count(*) AS weight`;

/** With includeCustomers only: the customers of matching engagements. */
export const NETWORK_CUSTOMERS = `
MATCH (e:Engagement)-[:FOR]->(c:Customer)
WHERE` + ENGAGEMENT_MATCHES + `
WITH DISTINCT c
RETURN c.id AS id, c.name AS name`;

/** With includeCustomers only: per (partner, customer, role), the matching engagements in which the partner held the role at any time. */
export const NETWORK_ROLES = `
MATCH (e:Engagement)-[:FOR]->(c:Customer)
WHERE` + ENGAGEMENT_MATCHES + `
MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
WHERE` + PARTNER_MATCHES + ` AND r.role IN ['ORCHESTRATOR', 'CONTRIBUTOR']
WITH DISTINCT e, c, p, r.role AS role
RETURN p.id AS partner, c.id AS customer, role, count(*) AS weight`;
