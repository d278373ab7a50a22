/**
 * Customers, within the caller's scope: a PARTNER token sees the customers of the
 * engagements in which its partner has held a role. Out of scope behaves exactly like
 * missing.
 */
import type { NamedRow } from './partners.queries.ts';

/** A customer; region and industry are present when they were asked for (CustomerParts). */
export interface CustomerRow { id: string; name: string; region?: NamedRow; industry?: NamedRow }

/** Which of a customer's links a read returns. */
export interface CustomerParts { region: boolean; industry: boolean }

export const ALL_CUSTOMER_PARTS: CustomerParts = { region: true, industry: true };

/** The projection of the customer bound to `c`, shared by every customer read. */
export function customerFields(parts: CustomerParts): string {
  return `c{.id, .name`
    + (parts.region ? `,
         region: COLLECT { MATCH (c)-[:LOCATED_IN]->(g:Region) RETURN g{.code, .name} }[0]` : '')
    + (parts.industry ? `,
         industry: COLLECT { MATCH (c)-[:IN_INDUSTRY]->(i:Industry) RETURN i{.code, .name} }[0]` : '')
    + `}`;
}

/** A customer is in scope when one of its engagements is. */
export const customersByIdsStatement = (parts: CustomerParts) => `
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(:Engagement)-[:FOR]->(c) }
RETURN ` + customerFields(parts) + ` AS customer`;
