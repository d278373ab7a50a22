/**
 * Credit: attribution of an engagement's value by the multi-touch models, the SOURCED
 * touches that conflict with deal registrations beside it, and ecosystem health (value
 * concentration).
 *
 * The area's only door: nothing outside graph/credit/ imports its other files.
 */
export { ATTRIBUTION } from './attribution.queries.ts';
export { attribution } from './attribution.ts';
export { ecosystemHealth, ecosystemHealthOn, healthAfterChangesOn, healthBaselineOn } from './ecosystem-health.ts';
export type { HealthBaseline } from './ecosystem-health.ts';
export { sourcedConflicts } from './sourced-conflicts.ts';
export type { HealthRow } from './ecosystem-health.queries.ts';
