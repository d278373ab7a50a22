/**
 * The paginated lists of engagements: `engagements`, a customer's engagements and a
 * partner's participations. Each page and its totalCount come
 * from one statement; batched lists take one statement for all their keys.
 */
import type { Graph } from '../db/index.ts';
import type { EngagementRole, EngagementStatus, Page, PageArgs, PageRow, Scope } from '../model/index.ts';
import * as E from './engagements.queries.ts';
import { PARTNER_PARTICIPATION_PAGES, type ParticipationRow } from './participations.queries.ts';
import { decodeCursor, toPage } from '../model/index.ts';

export interface EngagementFilter {
  statuses?: EngagementStatus[] | null;
  partnerId?: string | null;
  role?: EngagementRole | null;
  customerId?: string | null;
  regions?: string[] | null;
  industries?: string[] | null;
}

export async function engagementPage(graph: Graph, scope: Scope, filter: EngagementFilter, args: PageArgs): Promise<Page<E.EngagementRow>> {
  const [after] = decodeCursor(args.after, 1) ?? [null];
  const [row] = await graph.read<PageRow<E.EngagementRow>>(E.ENGAGEMENT_PAGE, {
    scope,
    statuses: filter.statuses ?? null,
    partnerId: filter.partnerId ?? null,
    role: filter.role ?? null,
    customerId: filter.customerId ?? null,
    regions: filter.regions ?? null,
    industries: filter.industries ?? null,
    after,
    limit: args.first + 1,
  });
  return toPage(row!.page, args.first, row!.totalCount, (e) => [e.id]);
}

export interface CustomerPageKey extends PageArgs { customerId: string }

export async function customerEngagementPages(graph: Graph, scope: Scope, keys: readonly CustomerPageKey[]): Promise<Array<Page<E.EngagementRow>>> {
  const params = keys.map((k, i) => ({ i, customerId: k.customerId, after: (decodeCursor(k.after, 1) ?? [null])[0], limit: k.first + 1 }));
  const rows = await graph.read<PageRow<E.EngagementRow> & { i: number }>(E.CUSTOMER_ENGAGEMENT_PAGES, { scope, keys: params });
  const byKey = new Map(rows.map((r) => [r.i, r]));
  return keys.map((k, i) => toPage(byKey.get(i)?.page ?? [], k.first, byKey.get(i)?.totalCount ?? 0, (e) => [e.id]));
}

export interface ParticipationPageKey extends PageArgs { partnerId: string; role: EngagementRole | null }

/** Newest first: `from` descending, then engagement id, then role. */
export async function partnerParticipationPages(graph: Graph, scope: Scope, keys: readonly ParticipationPageKey[]): Promise<Array<Page<ParticipationRow>>> {
  const params = keys.map((k, i) => ({ i, partnerId: k.partnerId, role: k.role, after: decodeCursor(k.after, 3), limit: k.first + 1 }));
  const rows = await graph.read<PageRow<ParticipationRow> & { i: number }>(PARTNER_PARTICIPATION_PAGES, { scope, keys: params });
  const byKey = new Map(rows.map((r) => [r.i, r]));
  return keys.map((k, i) => toPage(byKey.get(i)?.page ?? [], k.first, byKey.get(i)?.totalCount ?? 0, (r) => [r.from, r.engagementId, r.role]));
}
