/**
 * At-risk outcomes, GraphQL side: `atRiskOutcomes`, the PENDING outcomes whose
 * dependencies already failed or are overdue, with who orchestrates now and on the due date.
 * The area's only door: nothing outside api/at-risk/ imports its other files.
 */
import { AtRiskOutcomeResolver } from './at-risk.resolver.ts';

export { startAtRiskWatch } from './at-risk-watch.ts';
export type { AtRiskWatch } from './at-risk-watch.ts';

export const atRiskResolvers = [AtRiskOutcomeResolver] as const;
