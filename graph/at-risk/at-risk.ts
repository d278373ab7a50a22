/** At-risk outcomes: one statement per page. */
import { outcomeFilterParams, type OutcomeFilter } from '../accountability/index.ts';
import type { Graph } from '../db/index.ts';
import {
  decodeCursor, DEFECTIVE_STATUSES, RISK_REASONS, toPage,
  type CommitmentStatus, type Page, type PageArgs, type PageRow, type RiskReason, type Scope,
} from '../model/index.ts';
import { atRiskPageStatement, type AtRiskRow } from './at-risk.queries.ts';

/** Still to be delivered: an overdue commitment has one of these statuses (contract: At-risk outcomes). */
const OPEN_STATUSES: readonly CommitmentStatus[] = ['PENDING', 'IN_PROGRESS'];

export interface AtRiskOutcomeRow extends Omit<AtRiskRow, 'hasDefective' | 'hasOverdue'> {
  reasons: RiskReason[];
}

/**
 * PENDING outcomes due on or after `asOf` that are at risk on `asOf`, dueDate
 * ascending, then id (contract: schema, Query.atRiskOutcomes).
 */
export async function atRiskOutcomePage(
  graph: Graph, scope: Scope, asOf: string, filter: OutcomeFilter, args: PageArgs,
): Promise<Page<AtRiskOutcomeRow>> {
  // The partner filter needs every candidate's lists; without it only the page's are read.
  const statement = atRiskPageStatement({ byPartner: Boolean(filter.partnerId), withTotal: args.withTotal ?? true });
  const [row] = await graph.read<PageRow<AtRiskRow>>(statement, {
    defective: [...DEFECTIVE_STATUSES],
    open: [...OPEN_STATUSES],
    scope,
    asOf,
    ...outcomeFilterParams(filter),
    after: decodeCursor(args.after, 2),
    limit: args.first + 1,
  });
  return toPage(row!.page.map(withReasons), args.first, row!.totalCount, (r) => [r.outcome.dueDate, r.outcome.id]);
}

/** The reasons in the contract's enum order, from what the statement found over the whole graph. */
function withReasons({ hasDefective, hasOverdue, ...rest }: AtRiskRow): AtRiskOutcomeRow {
  const found: Record<RiskReason, boolean> = { DEFECTIVE_DEPENDENCY: hasDefective, OVERDUE_DEPENDENCY: hasOverdue };
  return { ...rest, reasons: RISK_REASONS.filter((reason) => found[reason]) };
}
