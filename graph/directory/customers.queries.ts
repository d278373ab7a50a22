/**
 * Customers, within the caller's scope: a PARTNER token sees the customers of the
 * engagements in which its partner has held a role. Out of scope behaves exactly like
 * missing.
 */
import type { NamedRow } from './partners.queries.ts';

export interface CustomerRow { id: string; name: string; region: NamedRow; industry: NamedRow }

/** A customer is in scope when one of its engagements is. */
export const CUSTOMERS_BY_IDS = `
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(:Engagement)-[:FOR]->(c) }
RETURN c{.id, .name,
         region: COLLECT { MATCH (c)-[:LOCATED_IN]->(g:Region) RETURN g{.code, .name} }[0],
         industry: COLLECT { MATCH (c)-[:IN_INDUSTRY]->(i:Industry) RETURN i{.code, .name} }[0]} AS customer`;
