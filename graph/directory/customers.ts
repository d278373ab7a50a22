/** Customers by id, batched, within the caller's scope. */
import { rowsByIds } from '../db/index.ts';
import type { Graph } from '../db/index.ts';
import type { Scope } from '../model/index.ts';
import { ALL_CUSTOMER_PARTS, customersByIdsStatement, type CustomerParts, type CustomerRow } from './customers.queries.ts';

/** `parts`: the links to read (all unless told). */
export function customersByIds(graph: Graph, scope: Scope, ids: readonly string[], parts: CustomerParts = ALL_CUSTOMER_PARTS): Promise<Array<CustomerRow | null>> {
  return rowsByIds(graph, customersByIdsStatement(parts), ids, { scope }, 'customer');
}
