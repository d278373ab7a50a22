/** Customers by id, batched, within the caller's scope. */
import { fieldsKey, rowsByIds, statementFor, type Fields, type Graph } from '../db/index.ts';
import type { Scope } from '../model/index.ts';
import { customersByIdsStatement, type CustomerRow } from './customers.queries.ts';

/** `fields`: what to read of each customer (null: everything). */
export function customersByIds(graph: Graph, scope: Scope, ids: readonly string[], fields: Fields = null): Promise<Array<CustomerRow | null>> {
  return rowsByIds(graph, statementFor(`customers by ids ${fieldsKey(fields)}`, () => customersByIdsStatement(fields)), ids, { scope }, 'customer');
}
