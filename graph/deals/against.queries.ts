/**
 * The pairs of SOURCED_AGAINST_REGISTRATION kept in the graph:
 *
 *   (:Contribution)-[:AGAINST]->(:DealRegistration)
 *
 * one for each pair SOURCED_AGAINST_PAIRS finds. Every write that can change a pair
 * (imports, registerDeal, decideDealRegistration) refreshes the pairs of the customers
 * it touched in the same transaction, so readers see them change with the write.
 */
import { SOURCED_AGAINST_PAIRS } from './conflicts.queries.ts';

/**
 * Replaces the pairs of the customers in `$rows` (ids) by the rule's pairs now. A pair
 * (t, d) belongs to the customer d claims and t's engagement is for (the same one), so
 * after an engagement, a contribution or a registration moved, the customer it moved
 * to is refreshed and that drops its pairs with the customer it left from both ends.
 *
 * The customers are locked first, in id order, and collected (an aggregation: every
 * lock is held before anything is read), so two refreshes of one customer run one
 * after the other and the second reads what the first wrote. It is the customer lock
 * registerDeal and decideDealRegistration take too.
 */
export const REFRESH_SOURCED_AGAINST = `
UNWIND $rows AS customerId
WITH DISTINCT customerId ORDER BY customerId
MATCH (c:Customer {id: customerId})
SET c.id = c.id
WITH collect(c) AS locked
UNWIND locked AS c
CALL (c) {
  MATCH (c)<-[:CLAIMS]-(:DealRegistration)<-[a:AGAINST]-(:Contribution)
  DELETE a
}
CALL (c) {
  MATCH (c)<-[:FOR]-(:Engagement)<-[:TO]-(:Contribution)-[a:AGAINST]->(:DealRegistration)
  DELETE a
}
CALL (c) {
  ` + SOURCED_AGAINST_PAIRS + `
  MERGE (t)-[:AGAINST]->(d)
}`;

/** Every customer, in id order: the refresh's rows when the pairs are built for a whole store. */
export const ALL_CUSTOMER_IDS = `MATCH (c:Customer) RETURN c.id AS id ORDER BY id`;

/** Whether the store's pairs were built (ensureSourcedAgainst); set once they are. */
export const PAIRS_BUILT = `OPTIONAL MATCH (s:GraphState {key: 'sourcedAgainst'}) RETURN s IS NOT NULL AS built`;
export const MARK_PAIRS_BUILT = `MERGE (:GraphState {key: 'sourcedAgainst'})`;
