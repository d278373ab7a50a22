/**
 * The paginated lists of engagements: `engagements`, a customer's engagements and a
 * partner's participations. Each page and its totalCount come
 * from one statement; batched lists take one statement for all their keys.
 */
import type { EngagementRole, EngagementStatus, Page, PageArgs, PageRow, Scope } from '../model/index.ts';
import * as E from './engagements.queries.ts';
import { partnerParticipationPagesStatement, type ParticipationRow } from './participations.queries.ts';
import { engagementProjection, engagementShape, type EngagementLevels, type EngagementWithLevels } from './entities.ts';
import { fieldsKey, statementFor, type Fields, type Graph } from '../db/index.ts';
import { decodeCursor, toPage } from '../model/index.ts';

export interface EngagementFilter {
  statuses?: EngagementStatus[] | null;
  partnerId?: string | null;
  role?: EngagementRole | null;
  customerId?: string | null;
  regions?: string[] | null;
  industries?: string[] | null;
}

/** `fields`: what to read of each engagement (null: everything). */
export async function engagementPage(graph: Graph, scope: Scope, filter: EngagementFilter, args: PageArgs, fields: Fields = null): Promise<Page<E.EngagementRow>> {
  const [after] = decodeCursor(args.after, 1) ?? [null];
  const withTotal = args.withTotal ?? true;
  const statement = statementFor(`engagements page ${fieldsKey(fields)} ${withTotal}`, () => E.engagementPageStatement(fields, withTotal));
  const [row] = await graph.read<PageRow<E.EngagementRow>>(statement, {
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

/** `withTotal`: every page's totalCount (else null); `fields`: what to read of each engagement (null: everything). */
export async function customerEngagementPages(
  graph: Graph, scope: Scope, keys: readonly CustomerPageKey[], withTotal = true, fields: Fields = null,
): Promise<Array<Page<E.EngagementRow>>> {
  const params = keys.map((k, i) => ({ i, customerId: k.customerId, after: (decodeCursor(k.after, 1) ?? [null])[0], limit: k.first + 1 }));
  const limit = Math.max(0, ...params.map((k) => k.limit));
  const statement = statementFor(`customer engagements ${fieldsKey(fields)} ${withTotal}`, () => E.customerEngagementPagesStatement(fields, withTotal));
  const rows = await graph.read<PageRow<E.EngagementRow> & { i: number }>(statement, { scope, keys: params, limit });
  const byKey = new Map(rows.map((r) => [r.i, r]));
  const total = (i: number) => (withTotal ? byKey.get(i)?.totalCount ?? 0 : null);
  return keys.map((k, i) => toPage(byKey.get(i)?.page ?? [], k.first, total(i), (e) => [e.id]));
}

export interface ParticipationPageKey extends Omit<PageArgs, 'withTotal'> { partnerId: string; role: EngagementRole | null }

/** What a batch of participation pages reads. */
export interface ParticipationPageOptions {
  /** Every page's totalCount (else null). */
  withTotal: boolean;
  /** The fields of each interval (null: all). */
  fields: Fields;
  /**
   * Each row's engagement with these `fields` and `levels`, in `engagement`: a nested
   * list's next levels, read in the same statement; null: not read.
   */
  engagement: { fields: Fields; levels: EngagementLevels } | null;
}

/** A participation with the levels below it that were asked for (ParticipationPageOptions). */
export interface ParticipationWithLevels extends ParticipationRow {
  engagement?: EngagementWithLevels;
}

const EVERY_TOTAL: ParticipationPageOptions = { withTotal: true, fields: null, engagement: null };

/** Newest first: `from` descending, then engagement id, then role. */
export async function partnerParticipationPages(
  graph: Graph, scope: Scope, keys: readonly ParticipationPageKey[], options: ParticipationPageOptions = EVERY_TOTAL,
): Promise<Array<Page<ParticipationWithLevels>>> {
  const params = keys.map((k, i) => ({ i, partnerId: k.partnerId, role: k.role, after: decodeCursor(k.after, 3), limit: k.first + 1 }));
  const limit = Math.max(0, ...params.map((k) => k.limit));
  const { withTotal, fields, engagement } = options;
  const key = `participation pages ${withTotal} ${fieldsKey(fields)} ${engagement ? engagementShape(engagement.fields, engagement.levels) : '-'}`;
  const statement = statementFor(key, () => partnerParticipationPagesStatement({
    withTotal, fields, engagement: engagement ? engagementProjection(engagement.fields, engagement.levels) : null,
  }));
  const rows = await graph.read<PageRow<ParticipationWithLevels> & { i: number }>(statement, { scope, keys: params, limit });
  const byKey = new Map(rows.map((r) => [r.i, r]));
  const total = (i: number) => (withTotal ? byKey.get(i)?.totalCount ?? 0 : null);
  return keys.map((k, i) => toPage(byKey.get(i)?.page ?? [], k.first, total(i), (r) => [r.from, r.engagementId, r.role]));
}
