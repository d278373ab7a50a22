/**
 * Customers, within the caller's scope: a PARTNER token sees the customers of the
 * engagements in which its partner has held a role. Out of scope behaves exactly like
 * missing.
 */
import { mapProjection, type Fields, type Prop } from '../db/index.ts';
import type { NamedRow } from './partners.queries.ts';

/** A customer: the keys the read was asked for (`customerFields`), always its id. */
export interface CustomerRow { id: string; name?: string; region?: NamedRow; industry?: NamedRow }

const CUSTOMER_PROPS: readonly Prop[] = [
  ['id', 'c.id'], ['name', 'c.name'],
  ['region', 'COLLECT { MATCH (c)-[:LOCATED_IN]->(g:Region) RETURN g{.code, .name} }[0]'],
  ['industry', 'COLLECT { MATCH (c)-[:IN_INDUSTRY]->(i:Industry) RETURN i{.code, .name} }[0]'],
];

/** The projection of the customer bound to `c`, shared by every customer read: the `fields` asked (null: all). */
export function customerFields(fields: Fields): string {
  return mapProjection(CUSTOMER_PROPS, fields, ['id']);
}

/** A customer is in scope when one of its engagements is. */
export const customersByIdsStatement = (fields: Fields) => `
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WHERE $scope IS NULL OR EXISTS { MATCH (:Partner {id: $scope})-[:PARTICIPATES_IN]->(:Engagement)-[:FOR]->(c) }
RETURN ` + customerFields(fields) + ` AS customer`;
