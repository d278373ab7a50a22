/** Customers by id, batched, within the caller's scope. */
import { rowsByIds } from '../db/index.ts';
import type { Graph } from '../db/index.ts';
import type { Scope } from '../model/index.ts';
import { CUSTOMERS_BY_IDS, type CustomerRow } from './customers.queries.ts';

export function customersByIds(graph: Graph, scope: Scope, ids: readonly string[]): Promise<Array<CustomerRow | null>> {
  return rowsByIds(graph, CUSTOMERS_BY_IDS, ids, { scope }, 'customer');
}
