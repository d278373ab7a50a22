/** Reading registrations: the `dealRegistrations` page, within the caller's scope. */
import type { Graph } from '../db/index.ts';
import { decodeCursor, toPage, type DealRegistrationStatus, type Page, type PageArgs, type Scope } from '../model/index.ts';
import { PAGE_OF_ALL, PAGE_OF_CUSTOMER, PAGE_OF_PARTNER, type DealRegistrationRow } from './deals.queries.ts';

export interface DealRegistrationFilter {
  partnerId?: string | null;
  customerId?: string | null;
  status?: DealRegistrationStatus | null;
  /** In force on `today`. */
  inForce?: boolean | null;
}

/**
 * One page, ordered by registeredOn, then id. A PARTNER token's page starts from its
 * own partner; otherwise from the filter's partner or customer when it names one.
 */
export async function dealRegistrationPage(
  graph: Graph, scope: Scope, filter: DealRegistrationFilter, args: PageArgs, today: string,
): Promise<Page<DealRegistrationRow>> {
  const partner = scope ?? filter.partnerId ?? null;
  const customer = filter.customerId ?? null;
  const [cypher, start] = partner !== null ? [PAGE_OF_PARTNER, partner] : customer !== null ? [PAGE_OF_CUSTOMER, customer] : [PAGE_OF_ALL, null];
  const [row] = await graph.read<{ totalCount: number; page: DealRegistrationRow[] }>(cypher, {
    start, scope, today,
    partnerId: filter.partnerId ?? null, customerId: customer, status: filter.status ?? null, inForce: filter.inForce ?? null,
    after: decodeCursor(args.after, 2), limit: args.first + 1,
  });
  return toPage(row!.page, args.first, row!.totalCount, (d) => [d.registeredOn, d.id]);
}
