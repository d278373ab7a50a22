/**
 * Conflicts among deal registrations (contract: Deal registration, `dealConflicts`), in
 * Cypher. Two kinds:
 *
 * - OVERLAPPING_REGISTRATIONS: per customer and capability, registrations of at least
 *   two different partners in force on $asOf; all of them, by priority (registeredOn,
 *   then id). Starts from the registrations in force (the status + expiresOn index).
 * - SOURCED_AGAINST_REGISTRATION: per SOURCED contribution whose date falls in the
 *   window of another partner's APPROVED registration for the engagement's customer and
 *   a capability the engagement requires (whatever $asOf). The same definition serves
 *   attribution's flag (graph/credit), so it is one fragment, SOURCED_AGAINST_REGISTRATION.
 */
import { REGISTRATION_ROW, type DealRegistrationRow } from './deals.queries.ts';

/**
 * Binds every (d, t) where t, a SOURCED contribution of partner `src` to engagement `e`,
 * falls in the window of d, an APPROVED registration of another partner for e's customer
 * `c` and a capability `k` that e requires, and groups them: one conflict per t. Bind `t`
 * or `e` before it: it expands from there (dealConflicts binds every SOURCED
 * contribution through the Contribution(kind) index, attribution one engagement), and
 * finds the registrations of each (customer, required capability) by the
 * DealRegistration(customerId, capabilityId, status) index, per row (the subquery).
 * Measured at 10,000 engagements and 13,000 registrations: starting from the APPROVED
 * registrations walked every engagement of their customers (2.7 million database hits),
 * and expanding from the customer read all of its registrations (460,000).
 */
export const SOURCED_AGAINST_REGISTRATION = `
MATCH (src:Partner)-[:CONTRIBUTED]->(t:Contribution {kind: 'SOURCED'})-[:TO]->(e:Engagement)-[:FOR]->(c:Customer),
      (e)-[:REQUIRES]->(k:Capability)
CALL (src, t, c, k) {
  MATCH (d:DealRegistration {customerId: c.id, capabilityId: k.id, status: 'APPROVED'})
  WHERE d.registeredOn <= t.date AND t.date < d.expiresOn AND d.partnerId <> src.id
  RETURN d
}
WITH t, src, e, c, d, k ORDER BY d.registeredOn, d.id
WITH t, src, e, c, collect(k)[0] AS k, collect(` + REGISTRATION_ROW + `) AS registrations
WITH src, c.id AS customerId, k.id AS capabilityId, t.id AS contributionId, {
  kind: 'SOURCED_AGAINST_REGISTRATION',
  customer: registrations[0].customer, capability: k{.id, .name},
  registrations: registrations,
  contribution: t{.id, .kind, date: toString(t.date), .amount, partnerId: src.id, engagementId: e.id},
  engagementId: e.id
} AS conflict`;

/** One conflict as a row: what the API's DealConflict is built from. */
export interface DealConflictRow {
  kind: 'OVERLAPPING_REGISTRATIONS' | 'SOURCED_AGAINST_REGISTRATION';
  customer: DealRegistrationRow['customer'];
  capability: { id: string; name: string };
  registrations: DealRegistrationRow[];
  contribution: { id: string; kind: string; date: string; amount: number | null; partnerId: string; engagementId: string } | null;
  engagementId: string | null;
}

/** Both kinds, ordered by kind, customer id, capability id, then the contribution's id. */
export const DEAL_CONFLICTS = `
CALL () {
  MATCH (d:DealRegistration)
  WHERE d.status IN ['PENDING', 'APPROVED'] AND d.expiresOn > date($asOf) AND d.registeredOn <= date($asOf)
  MATCH (d)-[:CLAIMS]->(c:Customer), (d)-[:COVERS]->(k:Capability), (d)-[:REGISTERED_BY]->(p:Partner)
  WITH c, k, d, p ORDER BY d.registeredOn, d.id
  WITH c, k, collect(DISTINCT p.id) AS partners, collect(` + REGISTRATION_ROW + `) AS registrations
  WHERE size(partners) >= 2
  RETURN 0 AS kindOrder, c.id AS customerId, k.id AS capabilityId, '' AS contributionId, {
    kind: 'OVERLAPPING_REGISTRATIONS', customer: registrations[0].customer, capability: k{.id, .name},
    registrations: registrations, contribution: null, engagementId: null
  } AS conflict
  UNION ALL
  MATCH (t:Contribution {kind: 'SOURCED'}) USING INDEX t:Contribution(kind)
  WITH t
  ` + SOURCED_AGAINST_REGISTRATION + `
  RETURN 1 AS kindOrder, customerId, capabilityId, contributionId, conflict
}
RETURN conflict
ORDER BY kindOrder, customerId, capabilityId, contributionId`;
