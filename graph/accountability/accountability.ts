/** Accountability, missed outcomes and track records: one statement per question. */
import type { Graph } from '../db/index.ts';
import { DEFECTIVE_STATUSES } from '../model/index.ts';
import * as A from './accountability.queries.ts';
import type { OutcomeRow } from '../engagements/index.ts';
import { decodeCursor, toPage, type Page, type PageArgs, type Scope } from '../model/index.ts';
import { rowsByIds } from '../db/index.ts';

/** MISSED and PARTIALLY_MET are the missed statuses (contract: TrackRecord, missedOutcomes). */
const WORDS = { defective: [...DEFECTIVE_STATUSES], missed: ['MISSED', 'PARTIALLY_MET'] };

/** Who owned the outcome; null when it does not exist or is outside the scope. */
export async function accountability(graph: Graph, scope: Scope, outcomeId: string): Promise<A.AccountabilityRow | null> {
  const [row] = await graph.read<A.AccountabilityRow>(A.ACCOUNTABILITY, { ...WORDS, scope, id: outcomeId });
  return row ?? null;
}

export function trackRecords(graph: Graph, partnerIds: readonly string[]): Promise<Array<A.TrackRecordRow | null>> {
  return rowsByIds(graph, A.TRACK_RECORDS, partnerIds, WORDS, 'record');
}

export interface OutcomeFilter {
  since?: string | null;
  until?: string | null;
  partnerId?: string | null;
  regions?: string[] | null;
  industries?: string[] | null;
}

/** The filter as statement parameters, each null when not given (OUTCOME_FILTER and `$partnerId`). */
export function outcomeFilterParams(filter: OutcomeFilter) {
  return {
    since: filter.since ?? null,
    until: filter.until ?? null,
    partnerId: filter.partnerId ?? null,
    regions: filter.regions ?? null,
    industries: filter.industries ?? null,
  };
}

/** MISSED and PARTIALLY_MET outcomes, dueDate descending, then id. */
export async function missedOutcomePage(graph: Graph, scope: Scope, filter: OutcomeFilter, args: PageArgs): Promise<Page<OutcomeRow>> {
  // Given a partner, the outcomes are found from it (one statement either way).
  const statement = filter.partnerId ? A.MISSED_OUTCOME_PAGE_OF_PARTNER : A.MISSED_OUTCOME_PAGE;
  const [row] = await graph.read<{ totalCount: number; page: OutcomeRow[] }>(statement, {
    ...WORDS,
    scope,
    ...outcomeFilterParams(filter),
    after: decodeCursor(args.after, 2),
    limit: args.first + 1,
  });
  return toPage(row!.page, args.first, row!.totalCount, (o) => [o.dueDate, o.id]);
}
