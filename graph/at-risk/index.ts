/**
 * At-risk outcomes: PENDING outcomes not yet due whose dependencies already failed
 * (accountability's failure subgraph) or are overdue, with who orchestrates now and on
 * the due date.
 *
 * The area's only door: nothing outside graph/at-risk/ imports its other files.
 */
export { atRiskOutcomePage } from './at-risk.ts';
export { recordNewlyAtRisk } from './at-risk-events.ts';
export type { AtRiskOutcomeRow } from './at-risk.ts';
