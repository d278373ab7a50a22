/**
 * The partner directory: partners by id (batched) and the `partners` page. Every token
 * may read it (contract: Access), so neither takes a scope.
 */
import { rowsByIds } from '../db/index.ts';
import type { Graph } from '../db/index.ts';
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

/** `parts`: the lists to read (all of them unless told). */
export function partnersByIds(graph: Graph, ids: readonly string[], parts = P.ALL_PARTNER_PARTS): Promise<Array<P.PartnerRow | null>> {
  return rowsByIds(graph, P.partnersByIdsStatement(parts), ids, {}, 'partner');
}

export async function partnerPage(graph: Graph, filter: PartnerFilter, args: PageArgs, parts = P.ALL_PARTNER_PARTS): Promise<Page<P.PartnerRow>> {
  const [after] = decodeCursor(args.after, 1) ?? [null];
  const [row] = await graph.read<PageRow<P.PartnerRow>>(P.partnerPageStatement(parts, args.withTotal ?? true), {
    types: filter.types ?? null,
    regions: filter.regions ?? null,
    industries: filter.industries ?? null,
    capabilities: filter.capabilities ?? null,
    status: filter.status ?? null,
    nameContains: filter.nameContains ? filter.nameContains.toLowerCase() : null,
    after,
    limit: args.first + 1,
  });
  return toPage(row!.page, args.first, row!.totalCount, (p) => [p.id]);
}
