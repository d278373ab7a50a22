/**
 * Accountability: missed outcomes, who was accountable on the due date, root causes
 * and how the failure spread, and track records split by role.
 *
 * The area's only door: nothing outside graph/accountability/ imports its other files.
 */
export { ACCOUNTABILITY } from './accountability.queries.ts';
export type { AccountabilityRow, CommitmentRef } from './accountability.queries.ts';
export { accountability, missedOutcomePage, outcomeFilterParams, trackRecords } from './accountability.ts';
export type { OutcomeFilter } from './accountability.ts';
// Accountability's rules as Cypher fragments, for analyses that ask them of other outcomes (graph/at-risk).
export {
  COMMITMENT_REF, FAILURE_CHAIN, ORCHESTRATOR_ON, OUTCOME_FILTER, OUTCOME_REF, VISIBLE_COMMITMENT,
} from './fragments.ts';
