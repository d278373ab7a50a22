/**
 * The paginated lists of engagements: `engagements`, a customer's engagements and a
 * partner's participations. Each page and its totalCount come
 * from one statement; batched lists take one statement for all their keys.
 */
import type { Graph } from '../db/index.ts';
import type { EngagementRole, EngagementStatus, Page, PageArgs, PageRow, Scope } from '../model/index.ts';
import * as E from './engagements.queries.ts';
import { partnerParticipationPagesStatement, type ParticipationRow } from './participations.queries.ts';
import { customerFields, type CustomerParts, type CustomerRow } from '../directory/index.ts';
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
  const [row] = await graph.read<PageRow<E.EngagementRow>>(E.engagementPageStatement(args.withTotal ?? true), {
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

export interface CustomerPageKey extends Omit<PageArgs, 'withTotal'> { customerId: string }

/** `withTotal`: every page's totalCount (else null). */
export async function customerEngagementPages(graph: Graph, scope: Scope, keys: readonly CustomerPageKey[], withTotal = true): Promise<Array<Page<E.EngagementRow>>> {
  const params = keys.map((k, i) => ({ i, customerId: k.customerId, after: (decodeCursor(k.after, 1) ?? [null])[0], limit: k.first + 1 }));
  const limit = Math.max(0, ...params.map((k) => k.limit));
  const rows = await graph.read<PageRow<E.EngagementRow> & { i: number }>(E.customerEngagementPagesStatement(withTotal), { scope, keys: params, limit });
  const byKey = new Map(rows.map((r) => [r.i, r]));
  const total = (i: number) => (withTotal ? byKey.get(i)?.totalCount ?? 0 : null);
  return keys.map((k, i) => toPage(byKey.get(i)?.page ?? [], k.first, total(i), (e) => [e.id]));
}

export interface ParticipationPageKey extends Omit<PageArgs, 'withTotal'> { partnerId: string; role: EngagementRole | null }

/** What a batch of participation pages reads beside its rows. */
export interface ParticipationPageOptions {
  /** Every page's totalCount (else null). */
  withTotal: boolean;
  /** Each row's engagement, in `engagement`: a nested list's next level, read in the same statement. */
  engagement: boolean;
  /** With `engagement`, the engagement's customer with these links, in `customer`; null: not read. */
  customer: CustomerParts | null;
}

/** A participation with the levels below it that were asked for (ParticipationPageOptions). */
export interface ParticipationWithLevels extends ParticipationRow {
  engagement?: E.EngagementRow;
  customer?: CustomerRow | null;
}

const EVERY_TOTAL: ParticipationPageOptions = { withTotal: true, engagement: false, customer: null };
const participationStatements = new Map<string, string>();

/** Newest first: `from` descending, then engagement id, then role. */
export async function partnerParticipationPages(
  graph: Graph, scope: Scope, keys: readonly ParticipationPageKey[], options: ParticipationPageOptions = EVERY_TOTAL,
): Promise<Array<Page<ParticipationWithLevels>>> {
  const params = keys.map((k, i) => ({ i, partnerId: k.partnerId, role: k.role, after: decodeCursor(k.after, 3), limit: k.first + 1 }));
  const limit = Math.max(0, ...params.map((k) => k.limit));
  const shape = JSON.stringify(options);
  let statement = participationStatements.get(shape);
  if (statement === undefined) {
    statement = partnerParticipationPagesStatement({
      withTotal: options.withTotal, engagement: options.engagement, customer: options.customer && customerFields(options.customer),
    }, E.ENGAGEMENT_FIELDS);
    participationStatements.set(shape, statement);
  }
  const rows = await graph.read<PageRow<ParticipationWithLevels> & { i: number }>(statement, { scope, keys: params, limit });
  const byKey = new Map(rows.map((r) => [r.i, r]));
  const total = (i: number) => (options.withTotal ? byKey.get(i)?.totalCount ?? 0 : null);
  return keys.map((k, i) => toPage(byKey.get(i)?.page ?? [], k.first, total(i), (r) => [r.from, r.engagementId, r.role]));
}
