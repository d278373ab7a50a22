/**
 * Gaps: coverage cells (region x capability, optionally x industry), the missing
 * skills of one engagement with ranked candidates, and the impact of partners leaving.
 *
 * The area's only door: nothing outside graph/gaps/ imports its other files.
 */
export { COVERAGE_CELLS } from './coverage.queries.ts';
export type { CoverageCellRow } from './coverage.queries.ts';
export { COVERAGE_DEFAULTS, coverageCells, coverageCellsOn, exitImpact, orchestratedByOn } from './coverage.ts';
export type { CoverageOptions } from './coverage.ts';
export { ENGAGEMENT_GAPS } from './engagement-gaps.queries.ts';
export type { EngagementGapsRow } from './engagement-gaps.queries.ts';
export { engagementGaps } from './engagement-gaps.ts';
