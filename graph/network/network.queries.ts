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
 * The statement always returns exactly one row.
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

/** Rows as lists rather than maps: the 10,000-partner projection is mostly edges. */
export interface NetworkProjectionRow {
  /** [id, name, type] of every partner that is a member of a matching engagement. */
  partners: Array<[string, string, string]>;
  /** [id, name] of the customers of matching engagements (empty unless includeCustomers). */
  customers: Array<[string, string]>;
  /** [partner a, partner b, engagements both are members of], a < b, each pair once. */
  coDelivers: Array<[string, string, number]>;
  /** [partner, customer, matching engagements of that customer in which it held the role] (empty unless includeCustomers). */
  orchestratesFor: Array<[string, string, number]>;
  contributesTo: Array<[string, string, number]>;
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
 * In parts, the engagements matched again by each, so that no list of all engagements
 * is ever held (collecting one entry per engagement and unwinding that in COLLECT
 * subqueries ran out of transaction memory at 100,000 engagements):
 *
 * 1. per engagement its members' ids in order, then every pair i <= j of them:
 *    i = j lists the partner once, i < j is a CO_DELIVERS pair, counted over engagements;
 * 2. the partners' names and types, by id;
 * 3. with $filter.includeCustomers only (otherwise no row enters them): the customers, and
 *    per (partner, customer, role) the matching engagements in which the partner held
 *    the role at any time.
 */
export const NETWORK_PROJECTION = `
CALL () {
  MATCH (e:Engagement)-[:FOR]->(c:Customer)
  WHERE` + ENGAGEMENT_MATCHES + `
  CALL (e) {
    OPTIONAL MATCH (p:Partner)-[:PARTICIPATES_IN]->(e)
    WHERE` + PARTNER_MATCHES + `
    WITH DISTINCT p.id AS id ORDER BY id
    RETURN collect(id) AS members
  }
  UNWIND range(0, size(members) - 1) AS i
  UNWIND range(i, size(members) - 1) AS j
  WITH members[i] AS a, members[j] AS b, count(*) AS weight
  RETURN collect(CASE WHEN a = b THEN a END) AS partnerIds,
         collect(CASE WHEN a <> b THEN [a, b, weight] END) AS coDelivers
}
CALL (partnerIds) {
  UNWIND partnerIds AS id
  MATCH (p:Partner {id: id})
  RETURN collect([p.id, p.name, p.type]) AS partners
}
CALL () {
  UNWIND CASE WHEN $filter.includeCustomers THEN [true] ELSE [] END AS included
  MATCH (e:Engagement)-[:FOR]->(c:Customer)
  WHERE` + ENGAGEMENT_MATCHES + `
  WITH DISTINCT c
  RETURN collect([c.id, c.name]) AS customers
}
CALL () {
  UNWIND CASE WHEN $filter.includeCustomers THEN [true] ELSE [] END AS included
  MATCH (e:Engagement)-[:FOR]->(c:Customer)
  WHERE` + ENGAGEMENT_MATCHES + `
  MATCH (p:Partner)-[r:PARTICIPATES_IN]->(e)
  WHERE` + PARTNER_MATCHES + `
  WITH DISTINCT e, c, p, r.role AS role
  WITH c, p, role, count(*) AS weight
  RETURN collect(CASE role WHEN 'ORCHESTRATOR' THEN [p.id, c.id, weight] END) AS orchestratesFor,
         collect(CASE role WHEN 'CONTRIBUTOR' THEN [p.id, c.id, weight] END) AS contributesTo
}
RETURN partners, customers, coDelivers, orchestratesFor, contributesTo`;
