/**
 * Accountability: missed outcomes, who was accountable on the due date, root causes
 * and how the failure spread, and track records split by role.
 *
 * The area's only door: nothing outside graph/accountability/ imports its other files.
 */
export { ACCOUNTABILITY } from './accountability.queries.ts';
export type { AccountabilityRow } from './accountability.queries.ts';
export { accountability, missedOutcomePage, trackRecords } from './accountability.ts';
