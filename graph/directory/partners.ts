/**
 * The partner directory: partners by id (batched) and the `partners` page. Every token
 * may read it (contract: Access), so neither takes a scope.
 */
import { fieldsKey, rowsByIds, statementFor, type Fields, type Graph } from '../db/index.ts';
import { decodeCursor, toPage } from '../model/index.ts';
import type { Page, PageArgs, PageRow, PartnerStatus, PartnerType } from '../model/index.ts';
import * as P from './partners.queries.ts';

export interface PartnerFilter {
  types?: PartnerType[] | null;
  regions?: string[] | null;
  industries?: string[] | null;
  capabilities?: string[] | null;
  status?: PartnerStatus | null;
  nameContains?: string | null;
}

/** `fields`: what to read of each partner (null: everything). */
export function partnersByIds(graph: Graph, ids: readonly string[], fields: Fields = null): Promise<Array<P.PartnerRow | null>> {
  return rowsByIds(graph, statementFor(`partners by ids ${fieldsKey(fields)}`, () => P.partnersByIdsStatement(fields)), ids, {}, 'partner');
}

export async function partnerPage(graph: Graph, filter: PartnerFilter, args: PageArgs, fields: Fields = null): Promise<Page<P.PartnerRow>> {
  const [after] = decodeCursor(args.after, 1) ?? [null];
  const params: P.PartnerFilterParams = {
    types: filter.types ?? null,
    regions: filter.regions ?? null,
    industries: filter.industries ?? null,
    capabilities: filter.capabilities ?? null,
    status: filter.status ?? null,
    nameContains: filter.nameContains ? filter.nameContains.toLowerCase() : null,
  };
  const given = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v !== null])) as P.PartnerFilterGiven;
  const withTotal = args.withTotal ?? true;
  const text = statementFor(`partners page ${fieldsKey(fields)} ${JSON.stringify(given)} ${after !== null} ${withTotal}`,
    () => P.partnerPageStatement(fields, given, after !== null, withTotal));
  const [row] = await graph.read<PageRow<P.PartnerRow>>(text, { ...params, after, limit: args.first + 1 });
  return toPage(row!.page, args.first, row!.totalCount, (p) => [p.id]);
}
